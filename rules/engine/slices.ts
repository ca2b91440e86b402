/**
 * Long pieces of work (compiling the packs, decoding a compiled matcher) are written as generators
 * that yield between steps; these drivers run them at once, or in slices with a pause between them
 * so that a page or the background never blocks for a long task.
 */

/** How work in slices hands the thread back: a clock and a way to wait for the next task. */
export interface Slicer {
  now(): number;
  pause(): Promise<void>;
  /** Longest slice of work, ms: under the 50 ms of a long task, with room for the page. */
  budgetMs: number;
}

/** Runs every step now and returns the result. */
export function runAll<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps in slices of at most slicer.budgetMs (a step is never cut), pausing in between. */
export async function runInSlices<T>(steps: Generator<void, T>, slicer: Slicer): Promise<T> {
  let sliceStart = slicer.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (slicer.now() - sliceStart >= slicer.budgetMs) {
      await slicer.pause();
      sliceStart = slicer.now();
    }
  }
}
