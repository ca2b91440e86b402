import { describe, expect, it } from 'vitest';
import { frameOrDelay } from '~/lib/watch/schedule';

/** Timers under the test's control: frames and timeouts run only when the test says so. */
function fakeTimers() {
  const frames: (() => void)[] = [];
  const timeouts: (() => void)[] = [];
  return {
    frames,
    timeouts,
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    setTimeout: (cb: () => void) => timeouts.push(cb),
  };
}

describe('frameOrDelay', () => {
  it('runs once on the next frame in a visible tab', () => {
    const timers = fakeTimers();
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    timers.frames.forEach((f) => f());
    timers.timeouts.forEach((f) => f());
    expect(runs).toBe(1);
  });

  it('still runs in a background tab, where no frame ever comes', () => {
    const timers = fakeTimers();
    let runs = 0;
    frameOrDelay(timers)(() => runs++);
    timers.timeouts.forEach((f) => f());
    expect(runs).toBe(1);
    timers.frames.forEach((f) => f());
    expect(runs).toBe(1);
  });
});
