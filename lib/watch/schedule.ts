/**
 * When the watcher's next pass runs: on the next animation frame, so reading the page never
 * competes with the page's own rendering; but at the latest after a short delay, because a tab in
 * the background gets no animation frames at all, and a red flag arriving there must still reach
 * the badge (and the panel is ready when the reader looks).
 *
 * Pass the window's own timers, not WXT's `ctx` wrappers: each `ctx.setTimeout` or
 * `ctx.requestAnimationFrame` call adds an `abort` listener to the context's signal that is never
 * removed, so a pass per frame would grow that list (and the cost of adding to it) for as long as
 * the page is open. The watcher stops itself when the context is invalidated instead.
 */
export const BACKGROUND_TAB_DELAY_MS = 500;

export interface Timers {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/** The window's timers, bound so they can be called as methods of another object. */
export function windowTimers(win: Window & typeof globalThis = window): Timers {
  return {
    requestAnimationFrame: (callback) => win.requestAnimationFrame(callback),
    cancelAnimationFrame: (handle) => win.cancelAnimationFrame(handle),
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (handle) => win.clearTimeout(handle),
  };
}

export function frameOrDelay(timers: Timers, delayMs = BACKGROUND_TAB_DELAY_MS): (run: () => void) => void {
  return (run) => {
    // Whichever comes first cancels the other: no stray task per pass, no second call.
    let timeout = 0;
    const frame = timers.requestAnimationFrame(() => {
      timers.clearTimeout(timeout);
      run();
    });
    timeout = timers.setTimeout(() => {
      timers.cancelAnimationFrame(frame);
      run();
    }, delayMs);
  };
}
