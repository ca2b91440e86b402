/**
 * Random rule sets in the pattern language over a tiny vocabulary, so rules overlap heavily:
 * shared by the linear-time and the anchor-filter property tests.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { compileRules, type Matcher, type Pack } from '../../../rules/engine';

// Words of two or more letters: runs of single letters would be joined into one word.
export const VOCAB = ['go', 'no', 'so', 'gono'];

/** A random pattern in the rule language over a tiny vocabulary, so rules overlap heavily. */
const word = fc.constantFrom(...VOCAB, '{x}', '#', 'gon*');
export const pattern: fc.Arbitrary<string> = fc.letrec<{ item: string; seq: string }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    word,
    tie('seq').map((s) => `(${s} | ${VOCAB[0]})`),
    tie('seq').map((s) => `[${s}]`),
  ),
  seq: fc
    .tuple(word, fc.array(fc.oneof(tie('item'), fc.integer({ min: 1, max: 8 }).map((n) => `~${n}`)), { maxLength: 5 }), word)
    .map(([first, middle, last]) => [first, ...middle, last].join(' ')),
})).seq;

/** One rule per pattern; every other rule has the same pattern as an exception (so it never hits). */
export function compile(patterns: string[], withExceptions = true): Matcher {
  const pack: Pack = {
    name: 'en/p.json',
    language: 'en',
    category: 'p',
    rules: patterns.map((p, k) => ({
      id: `p.r${k}`,
      severity: 'high',
      direction: 'any',
      patterns: [p],
      except: withExceptions && k % 2 ? [p] : [],
      examples: { match: [], noMatch: [] },
      source: 'x',
    })),
  };
  const { matcher, errors } = compileRules([pack], [{ name: 'l', language: 'en', lexicons: { x: ['go', 'no so', 'gon*'] } }]);
  expect(errors).toEqual([]);
  return matcher;
}

