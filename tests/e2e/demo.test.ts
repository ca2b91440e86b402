/** The built-in demo chat (`npm start`) raises the Heads Up panel, and only talks to 127.0.0.1. */
import { expect, it } from 'vitest';
import { requestsOutside } from './browser';
import { useBrowserSession } from './session';
import { panelDialog } from './panel-helpers';

const e2e = useBrowserSession();

it('the harmless demo conversation raises no panel', async () => {
  const page = await e2e.browser.context.newPage();
  await page.goto(`${e2e.server.url}/demo/?script=harmless`);
  const messages = page.locator('[data-heads-up-direction]');
  // Seven scripted lines, about 1.2 s apart.
  await messages.nth(6).waitFor({ timeout: 20_000 });
  // The panel appears within a second of a red flag; give it twice that.
  await page.waitForTimeout(2000);
  expect(await page.locator('heads-up-panel').getByRole('dialog').count()).toBe(0);
  await page.close();
});

it('the demo conversation raises the panel on the secrecy message', async () => {
  const page = await e2e.browser.context.newPage();
  await page.goto(`${e2e.server.url}/demo/`);
  const dialog = panelDialog(page);
  await dialog.waitFor({ state: 'visible', timeout: 20_000 });
  const text = (await dialog.innerText()).replace(/[’‘]/g, "'");
  expect(text).toMatch(/don't tell your mom|our secret/i);
  // It was the secrecy line that did it: it is on the page by now.
  expect(await page.locator('[data-heads-up-direction="incoming"]', { hasText: 'our secret' }).count()).toBe(1);
  await page.close();
});

it('made no request except to the local test server', () => {
  expect(e2e.browser.requests).toContain(`${e2e.server.url}/demo/scripts/default.json`);
  expect(requestsOutside(e2e.browser.requests, e2e.server.url)).toEqual([]);
});
