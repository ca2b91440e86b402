import { describe, expect, it } from 'vitest';
import { frameOrDelay } from '~/lib/watch/schedule';

/** Timers under the test's control: frames and timeouts run only when the test says so. */
function fakeTimers() {
  const frames = new Map<number, () => void>();
  const timeouts = new Map<number, () => void>();
  let next = 1;
  return {
    frames,
    timeouts,
    requestAnimationFrame: (cb: () => void) => (frames.set(next, cb), next++),
    cancelAnimationFrame: (id: number) => void frames.delete(id),
    setTimeout: (cb: () => void) => (timeouts.set(next, cb), next++),
    clearTimeout: (id: number) => void timeouts.delete(id),
    /** Runs what is still armed, like the browser would. */
    fire(which: Map<number, () => void>) {
      for (const [id, cb] of [...which]) {
        which.delete(id);
        cb();
      }
    },
  };
}

describe('frameOrDelay', () => {
  it('runs once on the next frame in a visible tab, and cancels the fallback timer', () => {
    const timers = fakeTimers();
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    timers.fire(timers.frames);
    expect(runs).toBe(1);
    expect(timers.timeouts.size).toBe(0);
  });

  it('still runs in a background tab, where no frame ever comes', () => {
    const timers = fakeTimers();
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    timers.fire(timers.timeouts);
    expect(runs).toBe(1);
    expect(timers.frames.size).toBe(0);
  });
});
