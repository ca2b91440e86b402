/** Shared checks for the Heads Up panel in the end-to-end tests. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, Worker } from 'playwright-core';
import { ROOT } from '../../scripts/chromium';

/** The panel's dialog, inside the open shadow root of <heads-up-panel> (locators pierce it). */
export function panelDialog(page: Page): Locator {
  return page.locator('heads-up-panel').getByRole('dialog', { name: /Heads Up/ });
}

/**
 * Resolves with performance.now() (page clock) at the first animation frame in which the panel's
 * dialog is rendered with a non-empty box. Start it before the message that should raise the panel.
 */
export async function panelVisibleAt(page: Page, timeout = 20_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const dialog = document.querySelector('heads-up-panel')?.shadowRoot?.querySelector('[role="dialog"]');
      if (!dialog) return false;
      const box = dialog.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && dialog.checkVisibility({ visibilityProperty: true });
      return shown ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The dialog's text with typographic apostrophes made plain, for matching. */
export async function plainText(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/[’‘]/g, "'");
}

/** axe-core's violations inside the panel, as readable lines; also checks it looked at something. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('heads-up-panel').analyze();
  if (results.passes.length === 0) throw new Error('axe-core found nothing to check in the panel');
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.html).join('\n  ')}`,
  );
}

/** Photographs the dialog itself (the fixed panel's host has a 0x0 box) into test-results/. */
export async function screenshotPanel(page: Page, name: string): Promise<void> {
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  await panelDialog(page).screenshot({ path: join(ROOT, 'test-results', `${name}.png`), animations: 'disabled' });
}

/**
 * The toolbar badge text of the page's tab, read in the extension's service worker. The page is
 * brought to the front first: without the "tabs" permission the worker finds it as the active tab.
 */
export async function badgeText(page: Page, worker: Worker): Promise<string> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    type Api = {
      tabs: { query(query: object): Promise<{ id?: number }[]> };
      action: { getBadgeText(details: { tabId: number }): Promise<string> };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? '<no tab>' : api.action.getBadgeText({ tabId: tab.id });
  });
}

/** Waits until the badge shows `expected` (it follows the page within a few frames). */
export async function expectBadge(page: Page, worker: Worker, expected: string, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last = await badgeText(page, worker);
    if (last === expected) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`badge is ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
}

/** Adds one message to a test chat page (chat.js and threads.js both define appendMessage). */
export function appendMessage(page: Page, direction: 'incoming' | 'outgoing', text: string): Promise<void> {
  return page.evaluate(
    ([d, t]) => void (window as unknown as { appendMessage(d: string, t: string): void }).appendMessage(d!, t!),
    [direction, text],
  );
}
