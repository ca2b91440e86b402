/**
 * Engine benchmark (Node): throughput and per-message latency of normalise, match and both, for the
 * bundled packs and a synthetic 2,000-rule set; the naive one-RegExp-per-rule baseline; the
 * per-character ceiling; compile times. Every comparison runs interleaved in this one process, chunk
 * by chunk, so a noisy machine slows all sides alike and the ratios hold.
 *
 * Uses the engine's API only: normalise, compileRules, scanMessage, matchTokens (what ships: the anchor filter, then the thread simulation).
 */
import { compileRules, matchTokens, normalise, scanMessage, type Matcher, type Token } from '../rules/engine';
import { compileFromDisk, loadPacksFromDisk } from '../rules/node/load-packs';
import { addStats, corpusChunks, corpusStats, type ChatMessage, type CorpusStats } from './corpus';
import { naiveRules, naiveScan, normalisedLine, syntheticRules, type NaiveRule } from './synthetic-rules';

export const CORPUS_SEED = 20261127;
export const RULES_SEED = 5;
export const SYNTHETIC_RULES = 2000;

export interface EngineOptions {
  /** Corpus size in millions of UTF-16 code units (default 20). */
  mb: number;
  /** Messages timed one by one for the latency percentiles (default 100,000). */
  latencyMessages: number;
  /** Characters of the corpus the naive baseline runs over (default 200,000). */
  naiveChars: number;
  log: (line: string) => void;
}

export interface Latency {
  mbps: number;
  p50us: number;
  p99us: number;
}

export interface RuleSetResult {
  rules: number;
  states: number;
  /** Parse (bundled: from disk) plus compile, median of several runs. */
  compileMs: number;
  match: Latency;
  /** Match throughput implied by scanMessage: its time minus normalise's, over the same corpus. */
  matchViaScanMessageMbps: number;
  total: Latency;
  hitsPer1000: number;
  naive: { mbps: number; p50us: number; p99us: number; engineMbpsSameSample: number; ratio: number; agreement: number };
}

export interface EngineResult {
  corpus: CorpusStats;
  timerOverheadUs: number;
  ceilingMbps: number;
  normalise: Latency;
  bundled: RuleSetResult;
  synthetic: RuleSetResult;
  bundledCompileOnlyMs: number;
}

let sink = 0;
const now = () => performance.now();

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMedian(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = now();
    f();
    times.push(now() - t0);
  }
  return median(times);
}

const mbps = (chars: number, ms: number) => chars / 1e6 / (ms / 1000);

export function runEngine(opts: EngineOptions): EngineResult {
  const { log } = opts;

  // ---- rule sets and compile times
  const disk = compileFromDisk();
  // Rule authors edit packs while we measure: report errors, and measure the rules that compiled.
  for (const e of disk.errors) log(`warning: bundled pack error (rule skipped): ${e.pack}:${e.line}:${e.column}: ${e.rule ?? ''} ${e.message}`);
  const bundled = disk.matcher;
  const bundledParseCompileMs = timeMedian(5, () => void compileFromDisk());
  const loaded = loadPacksFromDisk();
  const bundledCompileOnlyMs = timeMedian(5, () => void compileRules(loaded.packs, loaded.lexicons));
  const syn = syntheticRules(RULES_SEED, SYNTHETIC_RULES);
  let synthetic: Matcher | undefined;
  const syntheticCompileMs = timeMedian(3, () => {
    const r = compileRules(syn.packs, syn.lexicons);
    if (r.errors.length > 0) throw new Error(`synthetic rules have errors: ${r.errors[0]!.message}`);
    synthetic = r.matcher;
  });
  const synth = synthetic!;
  log(`compiled: bundled ${bundled.rules.length} rules in ${bundledParseCompileMs.toFixed(1)} ms, synthetic ${synth.rules.length} rules in ${syntheticCompileMs.toFixed(0)} ms`);

  // ---- corpus
  const t0 = now();
  // Streamed chunk by chunk (corpusChunks); the first messages are kept for latency and the naive sample.
  const CHUNK = 4000;
  const keep = Math.max(opts.latencyMessages, 3 * CHUNK);
  const chunks = () => corpusChunks(CORPUS_SEED, opts.mb * 1e6, CHUNK);
  const head: ChatMessage[] = [];
  let stats: CorpusStats = { messages: 0, chars: 0, utf8Bytes: 0, nonAsciiShare: 0, redFlagShare: 0 };
  for (const chunk of chunks()) {
    stats = addStats(stats, corpusStats(chunk));
    if (head.length < keep) head.push(...chunk.slice(0, keep - head.length));
  }
  log(`corpus: ${stats.messages} messages, ${(stats.chars / 1e6).toFixed(1)} M chars, generated in ${((now() - t0) / 1000).toFixed(1)} s (streamed, ${CHUNK} at a time)`);

  // ---- throughput: chunk by chunk, every pass over the same chunk back to back
  const acc = { norm: 0, matchB: 0, matchS: 0, bothB: 0, bothS: 0, ceil: 0 };
  let hitsB = 0;
  let hitsS = 0;
  // Normalise and match alone take turns on blocks of BLOCK messages, so only a block's tokens are
  // alive at a time, as in the content script (which matches each message right after reading it).
  // Normalising a whole chunk first kept 4,000 messages of tokens alive: every scavenge copied and
  // promoted them, and normalise measured 5x slower than it runs (11 against 59 MB/s).
  const BLOCK = 100;
  const tokens: Token[][] = new Array(BLOCK);
  /** Match alone on a block's tokens; returns the hits. */
  const matchBlock = (rules: Matcher, chunk: ChatMessage[], from: number, to: number) => {
    let hits = 0;
    for (let i = from; i < to; i++) hits += matchTokens(rules, chunk[i]!.text, tokens[i - from]!, chunk[i]!.direction).length;
    return hits;
  };
  const passes = (chunk: ChatMessage[], record: boolean) => {
    let t = 0;
    let u = 0;
    for (let from = 0; from < chunk.length; from += BLOCK) {
      const to = Math.min(chunk.length, from + BLOCK);
      t = now();
      for (let i = from; i < to; i++) tokens[i - from] = normalise(chunk[i]!.text);
      u = now();
      if (record) acc.norm += u - t;
      t = now();
      const hitsOfB = matchBlock(bundled, chunk, from, to);
      u = now();
      const hitsOfS = matchBlock(synth, chunk, from, to);
      const v = now();
      if (record) {
        acc.matchB += u - t;
        acc.matchS += v - u;
        hitsB += hitsOfB;
        hitsS += hitsOfS;
      }
    }
    t = now();
    for (let i = 0; i < chunk.length; i++) sink += scanMessage(bundled, chunk[i]!.text, chunk[i]!.direction).length;
    u = now();
    if (record) acc.bothB += u - t;
    t = now();
    for (let i = 0; i < chunk.length; i++) sink += scanMessage(synth, chunk[i]!.text, chunk[i]!.direction).length;
    u = now();
    if (record) acc.bothS += u - t;
    t = now();
    let sum = 0;
    for (let i = 0; i < chunk.length; i++) {
      const s = chunk[i]!.text;
      for (let c = 0; c < s.length; c++) sum += s.charCodeAt(c);
    }
    u = now();
    sink += sum;
    if (record) acc.ceil += u - t;
  };
  passes(head.slice(0, CHUNK), false); // warm-up: let V8 optimise every path first
  passes(head.slice(CHUNK, 2 * CHUNK), false);
  for (const chunk of chunks()) passes(chunk, true);
  tokens.fill(undefined as unknown as Token[]);
  log(`throughput: normalise ${mbps(stats.chars, acc.norm).toFixed(1)} MB/s, match bundled ${mbps(stats.chars, acc.matchB).toFixed(1)} MB/s, ceiling ${mbps(stats.chars, acc.ceil).toFixed(0)} MB/s`);

  // ---- latency: each message timed alone
  const L = Math.min(opts.latencyMessages, head.length);
  const lat = {
    norm: new Float64Array(L),
    matchB: new Float64Array(L),
    matchS: new Float64Array(L),
    bothB: new Float64Array(L),
    bothS: new Float64Array(L),
  };
  let overhead = 0;
  for (let i = 0; i < 10000; i++) {
    const a = now();
    overhead += now() - a;
  }
  const timerOverheadUs = (overhead / 10000) * 1000;
  // One loop per rule set: each figure sees only its own rule set's work and garbage, as the
  // content script would (the synthetic set's hits, 0.9 per message, made every scavenge land in
  // the bundled figures' messages when both ran in one loop).
  const timeEach = (rules: Matcher, matchLat: Float64Array, bothLat: Float64Array, normLat?: Float64Array) => {
    for (let i = 0; i < L; i++) {
      const m = head[i]!;
      const a = now();
      const toks = normalise(m.text);
      const b = now();
      sink += matchTokens(rules, m.text, toks, m.direction).length;
      const c = now();
      if (normLat) normLat[i] = (b - a) * 1000;
      matchLat[i] = (c - b) * 1000;
      bothLat[i] = (c - a) * 1000;
    }
  };
  timeEach(bundled, lat.matchB, lat.bothB, lat.norm);
  timeEach(synth, lat.matchS, lat.bothS);
  for (const v of Object.values(lat)) v.sort();
  const latency = (arr: Float64Array, ms: number): Latency => ({
    mbps: mbps(stats.chars, ms),
    p50us: percentile(arr, 0.5),
    p99us: percentile(arr, 0.99),
  });

  // ---- naive baseline on a sample, alternating with the engine on the same sample
  const sample: ChatMessage[] = [];
  let sampleChars = 0;
  for (const m of head) {
    if (sampleChars >= opts.naiveChars) break;
    sample.push(m);
    sampleChars += m.text.length;
  }
  // Interleaved block by block (the naive side on 50 messages, then the engine on the same 50,
  // repeated so its time is well above the timer's resolution), so a busy machine slows both alike.
  const naiveFor = (matcher: Matcher, rules: NaiveRule[], label: string) => {
    const BLOCK = 50;
    const REPEAT = 20;
    let naiveMs = 0;
    let engineMs = 0;
    const perMessage = new Float64Array(sample.length);
    let naiveHits = 0;
    let engineHits = 0;
    for (const m of sample.slice(0, 200)) naiveScan(rules, normalisedLine(normalise(m.text)), m.direction); // warm-up
    for (let b = 0; b < sample.length; b += BLOCK) {
      const block = sample.slice(b, b + BLOCK);
      let t = now();
      for (let i = 0; i < block.length; i++) {
        const m = block[i]!;
        const a = now();
        naiveHits += naiveScan(rules, normalisedLine(normalise(m.text)), m.direction);
        perMessage[b + i] = (now() - a) * 1000;
      }
      naiveMs += now() - t;
      t = now();
      for (let k = 0; k < REPEAT; k++) {
        for (const m of block) {
          const h = scanMessage(matcher, m.text, m.direction).length;
          if (k === 0) engineHits += h;
        }
      }
      engineMs += (now() - t) / REPEAT;
    }
    perMessage.sort();
    log(`naive ${label}: ${mbps(sampleChars, naiveMs).toFixed(2)} MB/s vs engine ${mbps(sampleChars, engineMs).toFixed(1)} MB/s on the same ${sample.length} messages: ${(naiveMs / engineMs).toFixed(0)}x`);
    return {
      mbps: mbps(sampleChars, naiveMs),
      p50us: percentile(perMessage, 0.5),
      p99us: percentile(perMessage, 0.99),
      engineMbpsSameSample: mbps(sampleChars, engineMs),
      ratio: naiveMs / engineMs,
      // Rule hits found by the engine relative to the regexes (1 = same count; the engine also reads
      // leetspeak forms, so it may find slightly more).
      agreement: naiveHits === 0 ? 1 : engineHits / naiveHits,
    };
  };
  const naiveSynthetic = naiveFor(synth, naiveRules(syn.packs, syn.lexicons), `${synth.rules.length} synthetic rules`);
  const naiveBundled = naiveFor(bundled, naiveRules(disk.packs, disk.lexicons), `${bundled.rules.length} bundled rules`);

  const set = (m: Matcher, compileMs: number, matchMs: number, bothMs: number, matchLat: Float64Array, bothLat: Float64Array, hits: number, naive: RuleSetResult['naive']): RuleSetResult => ({
    rules: m.rules.length,
    states: m.stateCount,
    compileMs,
    match: latency(matchLat, matchMs),
    matchViaScanMessageMbps: mbps(stats.chars, Math.max(1e-9, bothMs - acc.norm)),
    total: latency(bothLat, bothMs),
    hitsPer1000: (hits / stats.messages) * 1000,
    naive,
  });

  if (sink === 42.5) log('');
  return {
    corpus: stats,
    timerOverheadUs,
    ceilingMbps: mbps(stats.chars, acc.ceil),
    normalise: latency(lat.norm, acc.norm),
    bundled: set(bundled, bundledParseCompileMs, acc.matchB, acc.bothB, lat.matchB, lat.bothB, hitsB, naiveBundled),
    synthetic: set(synth, syntheticCompileMs, acc.matchS, acc.bothS, lat.matchS, lat.bothS, hitsS, naiveSynthetic),
    bundledCompileOnlyMs,
  };
}
