// The benchmark's own pieces that must not drift: the corpus is deterministic and the summary line
// keeps its keys. No timing is asserted here (docs/performance.md has the numbers).
import { describe, expect, it } from 'vitest';
import { compileRules } from '~/rules/engine';
import { addStats, corpusChunks, corpusStats, generateCorpus, generateMessages, rng } from '../../bench/corpus';
import { REQUIRED_KEYS, summary } from '../../bench/report';
import { naiveRules, naiveScan, normalisedLine, syntheticRules } from '../../bench/synthetic-rules';
import { normalise } from '~/rules/engine';

describe('benchmark corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateCorpus(42, 20_000)).toEqual(generateCorpus(42, 20_000));
    expect(generateMessages(7, 50)).toEqual(generateMessages(7, 50));
    expect(generateCorpus(43, 20_000)).not.toEqual(generateCorpus(42, 20_000));
    const r = rng(1);
    const first = [r(), r(), r()];
    const again = rng(1);
    expect([again(), again(), again()]).toEqual(first);
  });

  it('streams the same messages in chunks, with the same stats', () => {
    const chunks = [...corpusChunks(42, 20_000, 100)];
    expect(chunks.flat()).toEqual(generateCorpus(42, 20_000));
    expect(chunks.slice(0, -1).every((c) => c.length === 100)).toBe(true);
    const summed = chunks.map(corpusStats).reduce(addStats);
    const whole = corpusStats(generateCorpus(42, 20_000));
    expect(summed.messages).toBe(whole.messages);
    expect(summed.chars).toBe(whole.chars);
    expect(summed.nonAsciiShare).toBeCloseTo(whole.nonAsciiShare, 10);
    expect(summed.redFlagShare).toBeCloseTo(whole.redFlagShare, 10);
  });

  it('is chat-like: short messages, some non-ASCII, a small share of red-flag lines', () => {
    const corpus = generateCorpus(20261127, 300_000);
    const stats = corpusStats(corpus);
    expect(stats.chars).toBeGreaterThanOrEqual(300_000);
    expect(stats.chars / stats.messages).toBeLessThan(80);
    expect(stats.nonAsciiShare).toBeGreaterThan(0.1);
    expect(stats.nonAsciiShare).toBeLessThan(0.5);
    expect(stats.redFlagShare).toBeGreaterThan(0.005);
    expect(stats.redFlagShare).toBeLessThan(0.05);
  });
});

describe('synthetic rules', () => {
  it('compile without errors, deterministically, and the naive regexes agree on a plain case', () => {
    const a = syntheticRules(5, 200);
    expect(a).toEqual(syntheticRules(5, 200));
    expect(a.ruleCount).toBe(200);
    expect(compileRules(a.packs, a.lexicons).errors).toEqual([]);
    const pack = { name: 't.json', language: 'en', category: 'test', rules: [{ id: 'test.one', severity: 'high' as const, direction: 'any' as const, patterns: ['send ~2 (pic | photo*)'], except: [], examples: { match: [], noMatch: [] }, source: 't' }] };
    const naive = naiveRules([pack], []);
    expect(naiveScan(naive, normalisedLine(normalise('ok so SEND me a photooo')), 'incoming')).toBe(1);
    expect(naiveScan(naive, normalisedLine(normalise('send it to me later with a pic')), 'incoming')).toBe(0);
  });
});

describe('summary line', () => {
  it('has every required key, null for parts that did not run', () => {
    const line = summary({});
    for (const key of REQUIRED_KEYS) expect(line).toHaveProperty(key, null);
    expect(JSON.parse(JSON.stringify(line))).toEqual(line);
  });
});

describe('page trace reading (BENCH_TRACE)', () => {
  it("lists the calls into an extension's scripts, longest first, with wall and thread time in ms", async () => {
    const { extensionCalls } = await import('../../bench/page/trace');
    const call = (ts: number, dur: number, url: string, tdur?: number) => ({ name: 'FunctionCall', ph: 'X', ts, dur, tdur, args: { data: { url } } });
    const calls = extensionCalls([
      call(1_000, 2_000, 'chrome-extension://abc/content-scripts/content.js', 1_500),
      call(5_000, 9_000, 'chrome-extension://abc/content-scripts/content.js', 4_000),
      call(7_000, 30_000, 'http://127.0.0.1/chat.js', 30_000),
      { name: 'RunTask', ph: 'X', ts: 8_000, dur: 50_000 },
      call(9_000, 1_000, 'chrome-extension://abc/content-scripts/content.js'),
    ]);
    expect(calls).toEqual([
      { at: 4, wallMs: 9, threadMs: 4 },
      { at: 0, wallMs: 2, threadMs: 1.5 },
      { at: 8, wallMs: 1, threadMs: undefined },
    ]);
  });
});
