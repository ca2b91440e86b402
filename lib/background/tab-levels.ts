/**
 * The highest level seen in each tab since it last navigated, for the badge and the popup.
 * Kept in memory: if the service worker restarts, the popup shows "nothing noticed" until the
 * next alert, which is acceptable because the panel on the page is the primary signal.
 */
import type { Level } from '~/rules/risk';

const ORDER: Record<Level, number> = { none: 0, notice: 1, warning: 2, urgent: 3 };

export class TabLevels {
  private readonly levels = new Map<number, Level>();

  /** Records a level and returns the tab's level afterwards (it never goes down until reset). */
  raise(tabId: number, level: Level): Level {
    const current = this.get(tabId);
    const next = ORDER[level] > ORDER[current] ? level : current;
    this.levels.set(tabId, next);
    return next;
  }

  get(tabId: number): Level {
    return this.levels.get(tabId) ?? 'none';
  }

  reset(tabId: number): void {
    this.levels.delete(tabId);
  }
}
