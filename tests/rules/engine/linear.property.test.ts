/**
 * Matching time is linear in the message length whatever the rules say. Measured in counted
 * steps (edges tried, states entered), never wall time, so the test is exact on a noisy machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, scanMessageCounted, type Matcher } from '../../../rules/engine';
import { scanTokens } from '../../../rules/engine/match';
import { compile, pattern, VOCAB } from './random-rules';

/**
 * An upper bound on the steps of one word for this automaton, from its size alone: looking up the
 * word's symbols, visiting each thread (at most one per state), trying edges, entering closures,
 * starting threads and reading accepts; plus the anchor filter's visits (at most its entries).
 */
function perWordBound(m: Matcher): number {
  let maxClosure = 1;
  for (let s = 0; s < m.stateCount; s++) maxClosure = Math.max(maxClosure, m.closureFrom[s + 1]! - m.closureFrom[s]!);
  let starts = m.startAny.length;
  for (const t of m.start) starts += t?.length ?? 0;
  return 1 + m.symbolCount + m.stateCount + m.edgeSymbol.length * (1 + maxClosure) + starts * maxClosure + m.accept.length + m.symbolGroup.length + m.bucketKey.length + m.bucketSlot.length + m.slotGroup.length + m.groupSymbol.length;
}

const adversarial = fc.oneof(
  fc.constantFrom(...VOCAB).map((w) => (n: number) => Array(n).fill(w).join(' ')),
  fc.array(fc.constantFrom(...VOCAB, '7', 'gonos'), { minLength: 1, maxLength: 6 }).map((cycle) => (n: number) =>
    Array.from({ length: n }, (_, k) => cycle[k % cycle.length]).join(' '),
  ),
);

describe('matching cost', () => {
  it('grows linearly with the text for random rules and adversarial inputs', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 12 }), adversarial, (patterns, text) => {
        const m = compile(patterns);
        const bound = perWordBound(m);
        const small = scanMessageCounted(m, text(200), 'unknown').steps;
        const large = scanMessageCounted(m, text(800), 'unknown').steps;
        // Both passes (the anchor filter and the thread simulation) stay within the per-word bound each.
        expect(large).toBeLessThanOrEqual(2 * bound * 800);
        // Four times the text costs about four times the steps (allowing for start-up effects).
        expect(large).toBeLessThanOrEqual(4 * small + bound * 16);
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it('keeps at most one thread per state on a classic blow-up pattern', () => {
    // Nested gaps and optional parts: a backtracking engine would try exponentially many ways.
    const m = compile(['go ~8 go ~8 go ~8 go ~8 go ~8 no', '(go | [go] go) (go | [go] go) (go | [go] go) so']);
    const text = (n: number) => Array(n).fill('go').join(' ');
    // The thread simulation itself (what runs when the anchor filter says a rule may match).
    const threads = (n: number) => scanTokens(m, text(n), normalise(text(n)), 'unknown').steps;
    const s1 = threads(1000);
    const s4 = threads(4000);
    expect(s4 / s1).toBeGreaterThan(3.5);
    expect(s4 / s1).toBeLessThan(4.5);
    expect(s4).toBeLessThanOrEqual(perWordBound(m) * 4000);
    // Both passes together, as scanMessage runs them.
    expect(scanMessageCounted(m, text(4000), 'unknown').steps).toBeLessThanOrEqual(2 * perWordBound(m) * 4000);
  });
});
