/**
 * Runs a compiled Matcher over one message. The automaton is simulated with at most one thread
 * per state (a thread remembers only where its match began), so each word costs at most the
 * automaton's edges and closures: linear in the message length for any rule set. The number of
 * elementary steps is counted so a test can check that bound without timing anything.
 */
import { ANY as ANY_SYMBOL, LINEAR_EDGES as LINEAR, type Matcher } from './compile';
import { candidateMarks, candidateRules } from './prefilter';
import { symbolsOf } from './symbols';
import { normalise } from './normalise';
import type { Direction, Hit, Token } from './types';

// Imported constants copied once, as module bindings can cost a getter call per read in CommonJS builds.
const ANY = ANY_SYMBOL;
const LINEAR_EDGES = LINEAR;

interface Scratch {
  /** Generation stamp per state: the state is already in the next set when equal to `gen`. */
  mark: Int32Array;
  /** Position of the state in the next set, to update its start. */
  slot: Int32Array;
  gen: number;
  cur: Int32Array;
  curStart: Int32Array;
  next: Int32Array;
  nextStart: Int32Array;
  /** Per rule: stamp of the message in which it already has a hit (rules without exceptions). */
  ruleDone: Int32Array;
  message: number;
  /** Threads in s.cur while a word is being read. */
  count: number;
  steps: number;
  /** Scratch for a token's merged symbols (symbols.ts). */
  syms: number[];
  /**
   * The rules to simulate, by rule index: those whose mark equals `onlyStamp` (candidateRules);
   * null: all of them.
   */
  only: Int32Array | null;
  onlyStamp: number;
}

const scratchOf = new WeakMap<Matcher, Scratch>();

function scratch(m: Matcher): Scratch {
  let s = scratchOf.get(m);
  if (!s) {
    const n = m.stateCount;
    s = {
      mark: new Int32Array(n),
      slot: new Int32Array(n),
      gen: 0,
      cur: new Int32Array(n),
      curStart: new Int32Array(n),
      next: new Int32Array(n),
      nextStart: new Int32Array(n),
      ruleDone: new Int32Array(m.rules.length),
      message: 0,
      count: 0,
      steps: 0,
      syms: [],
      only: null,
      onlyStamp: 0,
    };
    scratchOf.set(m, s);
  }
  return s;
}

/** Does a rule written for `ruleDirection` look at a message going `direction`? */
function applies(ruleDirection: string, direction: Direction): boolean {
  return ruleDirection === 'any' || direction === 'unknown' || ruleDirection === direction;
}

export interface CountedScan {
  hits: Hit[];
  /** Elementary steps taken: edges tried, states entered, table look-ups. */
  steps: number;
}

/** The rules that match one message, at most one hit per rule (its first match). */
export function scanMessage(m: Matcher, text: string, direction: Direction): Hit[] {
  return matchTokens(m, text, normalise(text), direction);
}

/** Matching alone, on tokens already normalised: what scanMessage does after normalise. */
export function matchTokens(m: Matcher, text: string, tokens: readonly Token[], direction: Direction): Hit[] {
  // The anchor filter rules out almost every message with one look-up per word, and leaves the
  // rest with the few rules that could match.
  const stamp = candidateRules(m, tokens, direction);
  if (stamp === 0) return [];
  return scanTokens(m, text, tokens, direction, candidateMarks(m), stamp).hits;
}

/** scanMessage, counting the elementary steps of both passes (for the linear-time test). */
export function scanMessageCounted(m: Matcher, text: string, direction: Direction): CountedScan {
  const tokens = normalise(text);
  const counter = { steps: 0 };
  const stamp = candidateRules(m, tokens, direction, counter);
  if (stamp === 0) return { hits: [], steps: counter.steps };
  const full = scanTokens(m, text, tokens, direction, candidateMarks(m), stamp);
  return { hits: full.hits, steps: counter.steps + full.steps };
}

interface Found {
  rule: number;
  exception: boolean;
  first: number;
  last: number;
}

/**
 * The thread simulation over all tokens. With `only` and `onlyStamp` (candidateRules), threads
 * enter the states of those rules only, and the states patterns share; without, every rule's.
 */
export function scanTokens(m: Matcher, text: string, tokens: readonly Token[], direction: Direction, only?: Int32Array, onlyStamp = 0): CountedScan {
  const s = scratch(m);
  s.only = only ?? null;
  s.onlyStamp = onlyStamp;
  const messageStamp = ++s.message;
  s.steps = 0;
  s.count = 0;
  let found: Found[] | undefined;
  const { acceptFrom, accept } = m;

  const { edgeFrom, edgeSymbol, edgeTarget, edgeBloom } = m;
  for (let k = 0; k < tokens.length; k++) {
    const syms = symbolsOf(m, tokens[k]!, s.syms);
    s.steps += 1 + syms.length;
    s.gen++;
    const curCount = s.count;
    const cur = s.cur;
    const curStart = s.curStart;
    // The next set is built in the other pair of arrays; swap them in first.
    s.cur = s.next;
    s.curStart = s.nextStart;
    s.next = cur;
    s.nextStart = curStart;
    s.count = 0;

    let wordBloom = 0;
    for (let q = 0; q < syms.length; q++) wordBloom |= 1 << (syms[q]! & 31);
    // Each thread takes the edges of its state that this word satisfies: the ANY edges (sorted
    // first), then, unless the state's summary rules it out, each symbol's: by a linear scan on
    // small states and a binary search on large ones.
    for (let a = 0; a < curCount; a++) {
      const from = curStart[a]!;
      const state = cur[a]!;
      let lo = edgeFrom[state]!;
      const end = edgeFrom[state + 1]!;
      s.steps++;
      for (; lo < end && edgeSymbol[lo] === ANY; lo++) {
        s.steps++;
        enter(m, s, edgeTarget[lo]!, from);
      }
      if ((edgeBloom[state]! & wordBloom) === 0) continue;
      if (end - lo <= LINEAR_EDGES) {
        for (let e = lo; e < end; e++) {
          s.steps++;
          if (contains(syms, edgeSymbol[e]!)) enter(m, s, edgeTarget[e]!, from);
        }
        continue;
      }
      for (let q = 0; q < syms.length; q++) {
        const symbol = syms[q]!;
        let x = lo;
        let y = end;
        while (x < y) {
          const mid = (x + y) >> 1;
          s.steps++;
          if (edgeSymbol[mid]! < symbol) x = mid + 1;
          else y = mid;
        }
        for (let e = x; e < end && edgeSymbol[e] === symbol; e++) {
          s.steps++;
          enter(m, s, edgeTarget[e]!, from);
        }
      }
    }
    for (let q = 0; q < syms.length; q++) {
      const targets = m.start[syms[q]!];
      if (targets) for (let t = 0; t < targets.length; t++) enter(m, s, targets[t]!, k);
    }
    for (let t = 0; t < m.startAny.length; t++) enter(m, s, m.startAny[t]!, k);

    for (let a = 0; a < s.count; a++) {
      const u = s.cur[a]!;
      for (let c = acceptFrom[u]!; c < acceptFrom[u + 1]!; c++) {
        s.steps++;
        const code = accept[c]!;
        const rule = code >> 1;
        const info = m.rules[rule]!;
        if (!applies(info.direction, direction)) continue;
        if (!info.hasExceptions) {
          if (s.ruleDone[rule] === messageStamp) continue;
          s.ruleDone[rule] = messageStamp;
        }
        (found ??= []).push({ rule, exception: (code & 1) === 1, first: s.curStart[a]!, last: k });
      }
    }
  }

  return { hits: found ? toHits(m, text, tokens, found) : [], steps: s.steps };
}

function contains(syms: ArrayLike<number>, symbol: number): boolean {
  for (let q = 0; q < syms.length; q++) if (syms[q] === symbol) return true;
  return false;
}

/**
 * Enter state t (and its closure) for a thread that began at token `from`: the set in s.cur. A
 * state of a rule the anchor filter ruled out is left out: from there only that rule's accepts
 * can be reached, and it cannot match.
 */
function enter(m: Matcher, s: Scratch, t: number, from: number): void {
  const { closureFrom, closure, stateRule } = m;
  const { only, onlyStamp } = s;
  const gen = s.gen;
  for (let c = closureFrom[t]!; c < closureFrom[t + 1]!; c++) {
    const u = closure[c]!;
    s.steps++;
    const owner = stateRule[u]!;
    if (owner >= 0 && only !== null && only[owner] !== onlyStamp) continue;
    if (s.mark[u] !== gen) {
      s.mark[u] = gen;
      s.slot[u] = s.count;
      s.cur[s.count] = u;
      s.curStart[s.count] = from;
      s.count++;
    } else if (from > s.curStart[s.slot[u]!]!) {
      // Same future either way; the later start gives the shorter quote.
      s.curStart[s.slot[u]!] = from;
    }
  }
}

/** One hit per rule: its first match that no exception of the same rule overlaps. */
function toHits(m: Matcher, text: string, tokens: readonly Token[], found: Found[]): Hit[] {
  const hits: Hit[] = [];
  const taken = new Set<number>();
  const covered = exceptionCoverage(found, tokens.length);
  // Hits in reading order: by where they end, then in the order the rules are listed.
  found.sort((a, b) => a.last - b.last || a.rule - b.rule);
  for (const f of found) {
    if (f.exception || taken.has(f.rule)) continue;
    const cover = covered.get(f.rule);
    if (cover && cover[f.last + 1]! - cover[f.first]! > 0) continue;
    taken.add(f.rule);
    const info = m.rules[f.rule]!;
    const start = tokens[f.first]!.start;
    const end = tokens[f.last]!.end;
    hits.push({ rule: info.id, category: info.category, severity: info.severity, start, end, quote: text.slice(start, end) });
  }
  return hits;
}

/**
 * For each rule with exception matches: prefix counts of tokens covered by an exception, so
 * "does this match overlap an exception?" is one subtraction (linear overall, not pairwise).
 */
function exceptionCoverage(found: Found[], tokenCount: number): Map<number, Int32Array> {
  const diff = new Map<number, Int32Array>();
  for (const f of found) {
    if (!f.exception) continue;
    let d = diff.get(f.rule);
    if (!d) diff.set(f.rule, (d = new Int32Array(tokenCount + 1)));
    d[f.first]!++;
    d[f.last + 1]!--;
  }
  for (const [rule, d] of diff) {
    // d becomes: prefix[i] = number of covered tokens before i.
    const prefix = new Int32Array(tokenCount + 1);
    let depth = 0;
    for (let t = 0; t < tokenCount; t++) {
      depth += d[t]!;
      prefix[t + 1] = prefix[t]! + (depth > 0 ? 1 : 0);
    }
    diff.set(rule, prefix);
  }
  return diff;
}
