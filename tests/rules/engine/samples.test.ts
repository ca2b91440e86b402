/**
 * sampleTexts (the content script's start-up warm-up) must give texts that pass the anchor filter,
 * so scanning them runs the thread simulation, not only the filter.
 */
import { describe, expect, it } from 'vitest';
import { normalise, sampleTexts } from '../../../rules/engine';
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
