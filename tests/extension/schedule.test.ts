import { describe, expect, it } from 'vitest';
import { frameOrDelay } from '~/lib/watch/schedule';

/** Timers under the test's control: frames and timeouts run only when the test says so. */
function fakeTimers(hidden = false) {
  const frames = new Map<number, () => void>();
  const timeouts = new Map<number, () => void>();
  const hiddenListeners: (() => void)[] = [];
  let next = 1;
  const timers = {
    frames,
    timeouts,
    isHidden: hidden,
    requestAnimationFrame: (cb: () => void) => (frames.set(next, cb), next++),
    setTimeout: (cb: () => void) => (timeouts.set(next, cb), next++),
    hidden: () => timers.isHidden,
    onHidden: (cb: () => void) => void hiddenListeners.push(cb),
    /** The tab goes to the background. */
    hide() {
      timers.isHidden = true;
      for (const cb of hiddenListeners) cb();
    },
    /** Runs what is armed, like the browser would. */
    fire(which: Map<number, () => void>) {
      for (const [id, cb] of [...which]) {
        which.delete(id);
        cb();
      }
    },
  };
  return timers;
}

describe('frameOrDelay', () => {
  it('runs once on the next frame in a visible tab, with no timer at all', () => {
    const timers = fakeTimers();
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    expect(timers.timeouts.size).toBe(0);
    timers.fire(timers.frames);
    expect(runs).toBe(1);
  });

  it('still runs in a background tab, where no frame ever comes', () => {
    const timers = fakeTimers(true);
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    expect(timers.frames.size).toBe(0);
    timers.fire(timers.timeouts);
    expect(runs).toBe(1);
  });

  it('runs a pass that waited for a frame when the tab goes to the background, once', () => {
    const timers = fakeTimers();
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    timers.hide();
    timers.fire(timers.timeouts);
    expect(runs).toBe(1);
    // The frame comes when the tab is shown again: nothing runs twice.
    timers.fire(timers.frames);
    expect(runs).toBe(1);
  });
});
