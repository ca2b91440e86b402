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
  setTimeout(callback: () => void, ms: number): number;
  /** Is the tab in the background (no animation frames)? */
  hidden(): boolean;
  /** Calls `callback` each time the tab goes to the background. */
  onHidden(callback: () => void): void;
}

/** The window's timers and visibility, bound so they can be called as methods of another object. */
export function windowTimers(win: Window & typeof globalThis = window): Timers {
  // Read once and then kept by the event: reading visibilityState for every pass showed up in
  // profiles (a DOM property read from the extension's isolated world).
  let hidden = win.document.visibilityState === 'hidden';
  win.document.addEventListener('visibilitychange', () => (hidden = win.document.visibilityState === 'hidden'));
  return {
    requestAnimationFrame: (callback) => win.requestAnimationFrame(callback),
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    hidden: () => hidden,
    onHidden: (callback) => win.document.addEventListener('visibilitychange', () => hidden && callback()),
  };
}

/**
 * A visible tab waits for the next frame only; a background tab, for the delay. A frame asked for
 * just before the tab goes to the background would not come until it is shown again, so the pass
 * waiting for it gets the delay too (whichever runs first runs it, once). One timer per pass in
 * every visible tab, cancelled or not, showed up in profiles of busy pages; now there is none.
 */
export function frameOrDelay(timers: Timers, delayMs = BACKGROUND_TAB_DELAY_MS): (run: () => void) => void {
  let waiting: (() => void) | undefined;
  timers.onHidden(() => {
    if (waiting) timers.setTimeout(waiting, delayMs);
  });
  return (run) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      if (waiting === once) waiting = undefined;
      run();
    };
    if (timers.hidden()) {
      timers.setTimeout(once, delayMs);
      return;
    }
    waiting = once;
    timers.requestAnimationFrame(once);
  };
}
