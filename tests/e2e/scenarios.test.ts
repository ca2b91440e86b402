/**
 * The panel experience in a real browser: what shows at each level, switching conversation in a
 * single-page chat, "Not a concern" and "Snooze", the badge, and how the panel fits the window.
 * Fixture lines were chosen with `npm run scan` against the bundled packs.
 */
import { useBrowserSession } from './session';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requestsOutside } from './browser';
import {
  appendMessage,
  axeViolations,
  expectBadge,
  overlaps,
  panelDialog,
  panelVisibleAt,
  plainText,
  screenshotPanel,
} from './panel-helpers';

const e2e = useBrowserSession();

/** A red flag shows the panel within a second; twice that without one means it stayed quiet. */
const QUIET_WAIT_MS = 2_000;

async function playScript(script: string, interval = 100): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${e2e.server.url}/test/chat.html?script=${script}&interval=${interval}`);
  return page;
}

const scriptDone = (page: Page) => page.locator('body[data-script-done="true"]').waitFor({ timeout: 20_000 });
const expand = (page: Page) => panelDialog(page).getByRole('button', { name: 'What can I do?' }).click();

describe('levels', () => {
  it('a single weak signal shows no panel, only the quiet badge dot', async () => {
    const page = await playScript('weak-signal');
    await scriptDone(page);
    await page.waitForTimeout(QUIET_WAIT_MS);
    expect(await page.locator('heads-up-panel').getByRole('dialog').count()).toBe(0);
    await expectBadge(page, e2e.browser.serviceWorker, '•');
    await page.close();
  });

  it('three weak or medium signals from the other person show a warning naming all three', async () => {
    const page = await playScript('three-signs');
    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    // Compact: the newest message's words, and the other two kinds by name.
    const compact = await plainText(dialog);
    expect(compact).toMatch(/home alone/i);
    expect(compact).toContain('Romantic talk');
    expect(compact).toContain('Personal questions');
    expect(await dialog.locator('a[href^="tel:"]').count()).toBe(0);
    await expectBadge(page, e2e.browser.serviceWorker, '!');

    // Expanded: every message that counted, newest first, with what it showed.
    await expand(page);
    const quotes = await dialog.locator('.hu-messages blockquote').allInnerTexts();
    expect(quotes.map((q) => q.replace(/[’‘]/g, "'").toLowerCase())).toEqual([
      expect.stringContaining('home alone'),
      expect.stringContaining('how old are you'),
      expect.stringContaining('sweetie'),
    ]);
    const kinds = await dialog.locator('.hu-kinds').allInnerTexts();
    expect(kinds).toEqual(['Asking about adults', 'Personal questions', 'Romantic talk']);
    const expanded = await plainText(dialog);
    expect(expanded).toContain('What you can do now');
    expect(expanded).toContain('You are not in trouble');
    expect(await dialog.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('an urgent message shows the urgent panel at once, help first, announced assertively', async () => {
    const page = await playScript('urgent', 300);
    const visibleAt = await panelVisibleAt(page);
    const appendedAt = Number(
      await page.locator('[data-heads-up-direction]', { hasText: 'pay me' }).getAttribute('data-appended-at'),
    );
    expect(visibleAt - appendedAt).toBeLessThan(1000);
    const dialog = panelDialog(page);
    expect(await plainText(dialog)).toMatch(/Urgent/);
    // Compact, a help line to call is already there; "Not a concern" and "Snooze" are not offered.
    expect(await dialog.locator('.hu-quick-help a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('button', { name: 'Not a concern' }).count()).toBe(0);
    const assertive = page.locator('heads-up-panel [aria-live="assertive"]');
    await expect.poll(() => assertive.innerText()).toContain('Heads Up noticed something');
    await expectBadge(page, e2e.browser.serviceWorker, '!!');

    await expand(page);
    const headings = await dialog.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings.indexOf('Free, confidential help')).toBeLessThan(headings.indexOf('What we noticed'));
    await page.close();
  });
});

describe('fitting the window', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(`stays compact, keeps off the composer and leaves focus alone (${viewport.width}px)`, async () => {
      const page = await e2e.browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${e2e.server.url}/test/chat.html?script=three-signs&interval=100`);
      const input = page.locator('#composer-input');
      await input.focus();
      const dialog = panelDialog(page);
      await dialog.waitFor({ state: 'visible', timeout: 20_000 });
      const box = (await dialog.boundingBox())!;
      expect(box.height, 'compact card height').toBeLessThan(0.4 * 800);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');

      await page.screenshot({ path: `test-results/page-en-compact-${viewport.width}.png`, animations: 'disabled' });
      await expand(page);
      await page.screenshot({ path: `test-results/page-en-expanded-${viewport.width}.png`, animations: 'disabled' });
      const composer = (await page.locator('#composer').boundingBox())!;
      const expanded = (await dialog.boundingBox())!;
      expect(overlaps(expanded, composer), JSON.stringify({ expanded, composer })).toBe(false);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.close();
    });
  }

  it('is reachable with the keyboard and closes with Escape', async () => {
    const page = await playScript('three-signs');
    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close Heads Up' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.querySelector('heads-up-panel')?.shadowRoot?.activeElement?.textContent);
    expect(focused).toBe('What can I do?');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });
});

describe('conversations', () => {
  it('switching conversation in a single-page chat shows that conversation\'s level', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.server.url}/test/threads.html?script=threads&thread=signs`);
    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await expectBadge(page, e2e.browser.serviceWorker, '!');

    await page.getByRole('link', { name: 'Sam' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectBadge(page, e2e.browser.serviceWorker, '');

    await page.getByRole('link', { name: 'Riley' }).click();
    await dialog.waitFor({ state: 'visible' });
    expect(await plainText(dialog)).toMatch(/Urgent/);
    await expectBadge(page, e2e.browser.serviceWorker, '!!');

    // Back to the first: its warning again, counted once although the page drew its history again.
    await page.getByRole('link', { name: 'Jordan' }).click();
    await expect.poll(async () => (await dialog.count()) && plainText(dialog)).toMatch(/home alone/);
    expect(await plainText(dialog)).not.toMatch(/Urgent/);
    await expectBadge(page, e2e.browser.serviceWorker, '!');
    await page.close();
  });

  it('"Not a concern" quiets weak signs, also after a reload, but a strong one still shows', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.server.url}/test/threads.html?script=threads&thread=signs&case=not-a-concern`);
    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Not a concern' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('heads-up-panel [aria-live="polite"]').innerText()).toContain('stay quiet');
    await expectBadge(page, e2e.browser.serviceWorker, '');

    await appendMessage(page, 'incoming', 'where are you from?');
    await page.waitForTimeout(QUIET_WAIT_MS);
    expect(await dialog.count()).toBe(0);
    await page.reload();
    await page.locator('body[data-thread="signs"]').waitFor();
    await page.waitForTimeout(QUIET_WAIT_MS);
    expect(await dialog.count()).toBe(0);

    // A strong sign (high severity: it alerts on its own) is not quieted.
    await appendMessage(page, 'incoming', "don't tell your mom we talk");
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await plainText(dialog)).toMatch(/don't tell your mom/i);
    await page.close();
  });

  it('"Snooze" holds warnings for the hour, also after a reload, but urgent still shows', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.server.url}/test/threads.html?script=threads&thread=signs&case=snooze`);
    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Snooze' }).click();
    await dialog.getByRole('button', { name: 'For 1 hour' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await appendMessage(page, 'incoming', "don't tell your mom we talk");
    await page.waitForTimeout(QUIET_WAIT_MS);
    expect(await dialog.count()).toBe(0);
    await page.reload();
    await page.locator('body[data-thread="signs"]').waitFor();
    await page.waitForTimeout(QUIET_WAIT_MS);
    expect(await dialog.count()).toBe(0);
    // The badge still tells the truth while the panel waits.
    await expectBadge(page, e2e.browser.serviceWorker, '!');

    await appendMessage(page, 'incoming', 'pay me or i will send it to all your friends');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await plainText(dialog)).toMatch(/Urgent/);
    await page.close();
  });
});

describe('accessibility and screenshots (English)', () => {
  for (const [level, script] of [
    ['warning', 'three-signs'],
    ['urgent', 'urgent'],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${level} panel, compact and expanded, has no axe-core violations (${colorScheme})`, async () => {
        const page = await e2e.browser.context.newPage();
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await page.goto(`${e2e.server.url}/test/chat.html?script=${script}&interval=50`);
        await scriptDone(page);
        const dialog = panelDialog(page);
        await dialog.waitFor({ state: 'visible', timeout: 20_000 });
        expect(await axeViolations(page)).toEqual([]);
        await screenshotPanel(page, `panel-en-${level}-compact-${colorScheme}`);
        await expand(page);
        expect(await axeViolations(page)).toEqual([]);
        await screenshotPanel(page, `panel-en-${level}-expanded-${colorScheme}`);
        if (colorScheme === 'light') {
          await page.screenshot({ path: `test-results/page-en-${level}-expanded.png`, animations: 'disabled' });
        }
        await page.close();
      });
    }
  }
});

describe('options page', () => {
  it('saves the audience through the background, says "Saved", and the panel then speaks to a parent', async () => {
    const options = await e2e.browser.context.newPage();
    await options.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
    await options.getByRole('radio', { name: 'A parent or carer' }).check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.screenshot({ path: 'test-results/options-en.png' });

    const page = await playScript('three-signs');
    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await plainText(dialog)).toContain('Someone is checking whether adults are around');
    await page.close();

    // Back to the default for any test that runs after this one.
    await options.getByRole('radio', { name: 'A young person' }).check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
  });
});

describe('privacy', () => {
  it('made no request except to the local test server', () => {
    expect(e2e.browser.requests).toContain(`${e2e.server.url}/test/scripts/threads.json`);
    expect(requestsOutside(e2e.browser.requests, e2e.server.url)).toEqual([]);
  });
});
