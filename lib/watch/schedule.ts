/**
 * When the watcher's next pass runs: on the next animation frame, so reading the page never
 * competes with the page's own rendering; but at the latest after a short delay, because a tab in
 * the background gets no animation frames at all, and a red flag arriving there must still reach
 * the badge (and the panel is ready when the reader looks).
 */
export const BACKGROUND_TAB_DELAY_MS = 500;

export interface Timers {
  requestAnimationFrame(callback: () => void): unknown;
  setTimeout(callback: () => void, ms: number): unknown;
}

export function frameOrDelay(timers: Timers, delayMs = BACKGROUND_TAB_DELAY_MS): (run: () => void) => void {
  return (run) => {
    let ran = false;
    const once = () => {
      if (ran) return;
      ran = true;
      run();
    };
    timers.requestAnimationFrame(once);
    timers.setTimeout(once, delayMs);
  };
}
