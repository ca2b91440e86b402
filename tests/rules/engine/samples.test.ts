/**
 * sampleTexts (the content script's start-up warm-up) must give texts that pass the anchor filter,
 * so scanning them runs the thread simulation, not only the filter.
 */
import { describe, expect, it } from 'vitest';
import { NORMALISER_SAMPLES, normalise, sampleTexts } from '../../../rules/engine';
import { normaliseSlowly } from '../../../rules/engine/normalise';
import { candidateRules } from '../../../rules/engine/prefilter';
import { compileFromDisk } from '../../../rules/node/load-packs';
import { compile } from './random-rules';

const { matcher } = compileFromDisk();

describe('sampleTexts', () => {
  it('makes texts from the rules that pass the anchor filter, at most as many as asked', () => {
    const texts = sampleTexts(matcher, 6);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThanOrEqual(6);
    for (const text of texts) expect(candidateRules(matcher, normalise(text), 'unknown'), text).not.toBe(0);
  });

  it('reaches different rules, and is the same every time', () => {
    const texts = sampleTexts(matcher, 6);
    expect(new Set(texts).size).toBe(texts.length);
    expect(sampleTexts(matcher, 6)).toEqual(texts);
  });

  it('gives nothing for a matcher without rules, and one text per slot at most', () => {
    expect(sampleTexts(compile([], false), 3)).toEqual([]);
    expect(sampleTexts(compile(['send me a pic'], false), 3)).toEqual(['send me a pic']);
  });
});

describe('NORMALISER_SAMPLES', () => {
  const words = (text: string) => normalise(text).map((token) => token.text);

  it('take the paths of the normaliser that plain lower-case words never take', () => {
    const [capitals, spanish, fullwidth, leet, apart, apostrophes, hidden] = NORMALISER_SAMPLES;
    // Capitals and emoji: lower-cased (repeats squashed), the emoji (glued to a word) are no word.
    expect(words(capitals!)).toEqual(['ok', 'sounds', 'god']);
    expect(capitals).toMatch(/[a-z][^\u0000-\uffff]/u);
    // Accents fold away, but ñ stays a letter of its own; a capital and a sign (…) outside the fast path.
    expect(words(spanish!)).toEqual(['que', 'paso', 'mañana', 'vienes']);
    expect(spanish).toMatch(/^[A-Z][a-z]*[^\u0000-\u007f]/u);
    expect(spanish).toMatch(/a\u2026/u);
    // Fullwidth letters read as plain ones.
    expect(words(fullwidth!)).toEqual(['ful', 'width']);
    // Leetspeak words get a second reading.
    expect(normalise(leet!).every((token) => token.alt !== undefined)).toBe(true);
    // Letters written apart are joined.
    expect(words(apart!)).toEqual(['send', 'pic']);
    // Apostrophes, typographic or not, are dropped inside words (the first after a capital).
    expect(words(apostrophes!)).toEqual(['dont', 'wory', 'its', 'fine']);
    expect(apostrophes).toMatch(/^D/);
    // A zero-width space does not split a word.
    expect(words(hidden!)).toEqual(['zerowidth']);
  });

  it('read the same through the fast path and the general one', () => {
    for (const text of NORMALISER_SAMPLES) expect(normalise(text), text).toEqual(normaliseSlowly(text));
  });
});
