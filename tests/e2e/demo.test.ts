/** The built-in demo chat (`npm start`) raises the Heads Up panel, and only talks to 127.0.0.1. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type StaticServer } from '../../scripts/serve';
import { launchBrowser, requestsOutside, type TestBrowser } from './browser';
import { panelDialog } from './panel-helpers';

let server: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
});

it('the harmless demo conversation raises no panel', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/demo/?script=harmless`);
  const messages = page.locator('[data-heads-up-direction]');
  // Seven scripted lines, about 1.2 s apart.
  await messages.nth(6).waitFor({ timeout: 20_000 });
  // The panel appears within a second of a red flag; give it twice that.
  await page.waitForTimeout(2000);
  expect(await page.locator('heads-up-panel').getByRole('dialog').count()).toBe(0);
  await page.close();
});

it('the demo conversation raises the panel on the secrecy message', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/demo/`);
  const dialog = panelDialog(page);
  await dialog.waitFor({ state: 'visible', timeout: 20_000 });
  const text = (await dialog.innerText()).replace(/[’‘]/g, "'");
  expect(text).toMatch(/don't tell your mom|our secret/i);
  // It was the secrecy line that did it: it is on the page by now.
  expect(await page.locator('[data-heads-up-direction="incoming"]', { hasText: 'our secret' }).count()).toBe(1);
  await page.close();
});

it('made no request except to the local test server', () => {
  expect(browser.requests).toContain(`${server.url}/demo/scripts/default.json`);
  expect(requestsOutside(browser.requests, server.url)).toEqual([]);
});
