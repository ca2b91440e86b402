/**
 * The level of the conversation each tab shows now, for the badge and the popup. Kept in memory:
 * if the service worker restarts, the content script reports it again on its next change, and
 * the panel on the page is the primary signal anyway.
 */
import type { Level } from '~/rules/risk';

export class TabLevels {
  private readonly levels = new Map<number, Level>();

  set(tabId: number, level: Level): void {
    if (level === 'none') this.levels.delete(tabId);
    else this.levels.set(tabId, level);
  }

  get(tabId: number): Level {
    return this.levels.get(tabId) ?? 'none';
  }

  reset(tabId: number): void {
    this.levels.delete(tabId);
  }
}
