/**
 * A red-flag message in a web chat raises the Heads Up panel: fast, with the quoted words and
 * help links, without taking focus or covering the composer, closable, and accessible.
 */
import { useBrowserSession } from './session';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/chromium';
import { requestsOutside } from './browser';
import { overlaps, panelDialog, panelVisibleAt } from './panel-helpers';

const RED_FLAG = "cool. don't tell your mom we talk, it's our secret";

const e2e = useBrowserSession();

function chatUrl(script: string, interval = 400): string {
  return `${e2e.server.url}/test/chat.html?script=${script}&interval=${interval}`;
}

describe('a red-flag message', () => {
  it('raises the panel within a second, with the quoted words and help, without taking focus', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(chatUrl('red-flag'));
    const input = page.locator('#composer-input');
    await input.focus();

    // The red flag is the third message; wait for the panel from before it arrives.
    const visibleAt = await panelVisibleAt(page);
    const appendedAt = Number(
      await page.locator('[data-heads-up-direction]', { hasText: RED_FLAG }).getAttribute('data-appended-at'),
    );
    const delay = visibleAt - appendedAt;
    expect(delay, 'panel shown before the red-flag message was appended').toBeGreaterThanOrEqual(0);
    expect(delay, `panel took ${delay.toFixed(0)} ms to appear`).toBeLessThan(1000);

    const dialog = panelDialog(page);
    await dialog.waitFor({ state: 'visible' });
    const text = (await dialog.innerText()).replace(/[’‘]/g, "'");
    // The panel quotes the words that matched: one of the two red flags in that message.
    expect(text).toMatch(/don't tell your mom|our secret/i);

    // The reader may be typing: focus stays in the composer and keystrokes still land there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');
    await page.keyboard.type('ok');
    expect(await input.inputValue()).toBe('ok');

    // Compact at first; the reader's "What can I do?" opens the rest.
    await dialog.getByRole('button', { name: 'What can I do?' }).click();

    // Help that works from the panel: a phone link for the hotline and the two NCMEC services.
    const telHrefs = await dialog.locator('a[href^="tel:"]').evaluateAll((links) =>
      links.map((link) => (link as HTMLAnchorElement).href.replace(/\D/g, '')),
    );
    expect(telHrefs.some((digits) => digits.endsWith('8883737888'))).toBe(true);
    expect(await dialog.locator('a[href*="report.cybertip.org"]').count()).toBeGreaterThan(0);
    expect(await dialog.locator('a[href*="takeitdown.ncmec.org"]').count()).toBeGreaterThan(0);

    // The panel never covers the place where the reader types.
    const panelBox = await dialog.boundingBox();
    const composerBox = await page.locator('#composer').boundingBox();
    expect(panelBox).not.toBeNull();
    expect(composerBox).not.toBeNull();
    expect(overlaps(panelBox!, composerBox!), JSON.stringify({ panelBox, composerBox })).toBe(false);

    // The host of a fixed panel has a 0x0 box: photograph the dialog itself.
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await dialog.screenshot({ path: join(ROOT, 'test-results', 'panel.png'), animations: 'disabled' });
    // And the panel in its place beside the chat, for people to look at.
    await page.screenshot({ path: join(ROOT, 'test-results', 'panel-in-chat.png'), animations: 'disabled' });

    await dialog.getByRole('button', { name: 'Close Heads Up' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('does not change the layout of the page (no scrollbar appears on a full-height chat)', async () => {
    // The test chat fills the window exactly; with the panel open it must still fit.
    const page = await e2e.browser.context.newPage();
    await page.goto(chatUrl('red-flag', 100));
    await panelDialog(page).waitFor({ state: 'visible', timeout: 20_000 });
    const size = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight,
      innerWidth,
    }));
    expect(size.scrollHeight, JSON.stringify(size)).toBeLessThanOrEqual(size.innerHeight);
    expect(size.scrollWidth, JSON.stringify(size)).toBeLessThanOrEqual(size.innerWidth);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows a panel with no axe-core violations (${colorScheme} colour scheme)`, async () => {
      const page = await e2e.browser.context.newPage();
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto(chatUrl('red-flag', 100));
      await panelDialog(page).waitFor({ state: 'visible', timeout: 20_000 });

      const results = await new AxeBuilder({ page }).include('heads-up-panel').analyze();
      const report = results.violations.map(
        (violation) => `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.html).join('\n  ')}`,
      );
      expect(report).toEqual([]);
      // The analysis really looked at the panel.
      expect(results.passes.length).toBeGreaterThan(0);
      await page.close();
    });
  }
});

describe('privacy', () => {
  it('made no request except to the local test server', () => {
    // The log is live: it saw the test pages being fetched.
    expect(e2e.browser.requests).toContain(chatUrl('red-flag'));
    expect(requestsOutside(e2e.browser.requests, e2e.server.url)).toEqual([]);
  });
});
