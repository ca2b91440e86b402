/**
 * The anchor filter (prefilter.ts) is only a filter: scanMessage (filter first) must find exactly what the thread
 * simulation alone finds, for every rule example of the bundled packs and for random word soup
 * made of the packs' own vocabulary, in every direction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, scanMessage, type Direction } from '../../../rules/engine';
import { scanTokens } from '../../../rules/engine/match';
import { candidateMarks, candidateRules } from '../../../rules/engine/prefilter';
import { compileFromDisk } from '../../../rules/node/load-packs';
import { compile, pattern, VOCAB } from './random-rules';

const { matcher, packs } = compileFromDisk();
const examples = packs.flatMap((p) => p.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]));
const vocabulary = [...matcher.words.keys(), 'hey', 'lol', '13', '😊'];
const directions: Direction[] = ['incoming', 'outgoing', 'unknown'];

const full = (text: string, d: Direction) => scanTokens(matcher, text, normalise(text), d).hits;

describe('anchor filter', () => {
  it('agrees with the full simulation on every rule example', () => {
    expect(examples.length).toBeGreaterThan(100);
    for (const text of examples) for (const d of directions) expect(scanMessage(matcher, text, d)).toEqual(full(text, d));
  });

  it('agrees with the full simulation on random word soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 25 }), fc.constantFrom(...directions), (words, d) => {
        const text = words.join(' ');
        expect(scanMessage(matcher, text, d)).toEqual(full(text, d));
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('leaves the simulation to the candidate rules, which is less work for the same hits', () => {
    let pruned = 0;
    let all = 0;
    for (const text of examples) {
      const tokens = normalise(text);
      const stamp = candidateRules(matcher, tokens, 'unknown');
      if (stamp === 0) continue;
      const marks = candidateMarks(matcher);
      const candidates = matcher.rules.filter((_, r) => marks[r] === stamp).length;
      expect(candidates).toBeLessThan(matcher.rules.length);
      const only = scanTokens(matcher, text, tokens, 'unknown', marks, stamp);
      const every = scanTokens(matcher, text, tokens, 'unknown');
      expect(only.hits).toEqual(every.hits);
      pruned += only.steps;
      all += every.steps;
    }
    expect(pruned).toBeLessThan(all * 0.9);
  });

  it('agrees with the full simulation for random rules (alternatives, optional parts, gaps, lexicons)', () => {
    const text = fc.array(fc.constantFrom(...VOCAB, '7', 'gonos', 'xx'), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 8 }), fc.array(text, { minLength: 1, maxLength: 10 }), (patterns, texts) => {
        const m = compile(patterns, false);
        for (const t of texts) expect(scanMessage(m, t, 'unknown')).toEqual(scanTokens(m, t, normalise(t), 'unknown').hits);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
