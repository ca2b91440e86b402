/**
 * A harmless conversation, with near misses that look like red flags at a glance, raises no panel.
 * Then a control message proves the extension was watching the page all along.
 */
import { expect, it } from 'vitest';
import { requestsOutside } from './browser';
import { useBrowserSession } from './session';
import { panelDialog } from './panel-helpers';
import harmless from './pages/scripts/harmless.json';

const e2e = useBrowserSession();

it('plays a harmless conversation with near misses and raises no panel', async () => {
  expect(harmless.length).toBeGreaterThanOrEqual(15);
  const page = await e2e.browser.context.newPage();
  await page.goto(`${e2e.server.url}/test/chat.html?script=harmless&interval=150`);
  await page.locator('body[data-script-done="true"]').waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-heads-up-direction]').count()).toBe(harmless.length);

  // A red flag raises the panel within a second; wait twice that before calling it quiet.
  await page.waitForTimeout(2000);
  expect(await page.locator('heads-up-panel').getByRole('dialog').count()).toBe(0);

  // Control: the extension was live on this page; a red flag now raises the panel, quoting it alone.
  await page.evaluate(() =>
    (window as unknown as { appendMessage(direction: string, text: string): void }).appendMessage(
      'incoming',
      "don't tell your dad we talk, it's our secret",
    ),
  );
  const dialog = panelDialog(page);
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const quote = ((await dialog.locator('blockquote').first().innerText()) ?? '').replace(/[’‘]/g, "'");
  // Every matched part of that message, each once, and nothing else.
  expect(quote).toMatch(/^\W*(don't tell your dad|our secret)(\W*…\W*(don't tell your dad|our secret))?\W*$/i);
  await page.close();
});

it('made no request except to the local test server', () => {
  expect(e2e.browser.requests).toContain(`${e2e.server.url}/test/scripts/harmless.json`);
  expect(requestsOutside(e2e.browser.requests, e2e.server.url)).toEqual([]);
});
