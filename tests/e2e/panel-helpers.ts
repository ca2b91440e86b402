/** Shared checks for the Heads Up panel in the end-to-end tests. */
import type { Locator, Page } from 'playwright-core';

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
