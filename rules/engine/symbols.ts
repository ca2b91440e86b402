/**
 * The symbols a token carries for a compiled Matcher: its word forms, the lexicons they are
 * listed in, the `word*` prefixes they start with, and "number". Shared by the anchor filter and
 * the thread simulation, and on the path of every word of every message, so it allocates nothing:
 * most words need one Map look-up (a miss), and the few that may start a prefix or be a number are
 * worked out once and remembered.
 */
import type { Matcher } from './compile';
import { MAX_INTERNED_WORDS } from './normalise';
import { MIN_PREFIX as PREFIX_MIN } from './pattern';

// Copied once: a module binding read per word can cost a getter call in CommonJS builds.
const MIN_PREFIX = PREFIX_MIN;
import type { Token } from './types';

const NUMBER_TOKEN = /^[0-9]+[a-z]{0,2}$/;
const EMPTY = new Int32Array(0);

/** Words whose full symbol set was worked out, per matcher; chat vocabulary is open, so capped. */
export const MAX_REMEMBERED_WORDS = 20_000;

/**
 * A bit per hash of the first MIN_PREFIX letters of every prefix: a word whose bit is clear starts
 * no prefix (set bits may be false alarms; those words take the slow path).
 */
export const PREFIX_BLOOM_SIZE = 1 << 16;

export function prefixBloomKey(word: string): number {
  return ((word.charCodeAt(0) * 961 + word.charCodeAt(1) * 31 + word.charCodeAt(2)) >>> 0) & (PREFIX_BLOOM_SIZE - 1);
}

/** What a matcher remembers about words. */
interface Memory {
  /** Words outside the normaliser's table: full symbol sets of words that needed the slow path. */
  readonly byText: Map<string, Int32Array>;
  /** By word id: 0 not seen yet, 1 no symbols, k + 2 the symbols in lists[k]. */
  readonly byId: Int32Array;
  readonly lists: Int32Array[];
}

let lastMatcher: Matcher | undefined;
let lastMemory: Memory | undefined;
const memories = new WeakMap<Matcher, Memory>();

/** The memory of a matcher; the last one used is kept at hand (a page uses one matcher). */
function memoryOf(m: Matcher): Memory {
  if (m !== lastMatcher || !lastMemory) {
    let memory = memories.get(m);
    if (!memory) memories.set(m, (memory = { byText: new Map(), byId: new Int32Array(MAX_INTERNED_WORDS), lists: [] }));
    lastMatcher = m;
    lastMemory = memory;
  }
  return lastMemory;
}

/** The symbols of an interned word form: a typed-array read once the word has been seen. */
function symbolsById(m: Matcher, id: number, word: string): Int32Array {
  const memory = memoryOf(m);
  const slot = memory.byId[id]!;
  if (slot === 1) return EMPTY;
  if (slot > 1) return memory.lists[slot - 2]!;
  const syms = wordSymbols(m, word);
  if (syms.length === 0) memory.byId[id] = 1;
  else {
    memory.lists.push(syms);
    memory.byId[id] = memory.lists.length + 1;
  }
  return syms;
}

/** All symbols of one word form, ascending order not guaranteed, no duplicates. */
export function wordSymbols(m: Matcher, word: string): Int32Array {
  const own = m.words.get(word);
  const mayBePrefixed = word.length >= MIN_PREFIX && m.prefixBloom[prefixBloomKey(word)] === 1;
  const first = word.charCodeAt(0);
  const mayBeNumber = first >= 48 && first <= 57 && m.numberSymbols.length > 0;
  if (!mayBePrefixed && !mayBeNumber) return own ?? EMPTY;
  const memo = memoryOf(m).byText;
  let all = memo.get(word);
  if (all === undefined) {
    all = slowWordSymbols(m, word, own);
    if (memo.size >= MAX_REMEMBERED_WORDS) memo.clear();
    memo.set(word, all);
  }
  return all;
}

function slowWordSymbols(m: Matcher, word: string, own: Int32Array | undefined): Int32Array {
  const out: number[] = own ? [...own] : [];
  if (word.length >= MIN_PREFIX) {
    for (const len of m.prefixLengths) {
      if (len > word.length) break;
      const syms = m.prefixes.get(word.slice(0, len));
      if (syms) push(out, syms);
    }
  }
  if (m.numberSymbols.length > 0 && NUMBER_TOKEN.test(word)) push(out, m.numberSymbols);
  return out.length === 0 ? EMPTY : Int32Array.from(out);
}

/**
 * The symbols one token carries: those of its word, plus those of its leetspeak reading. The
 * result may be shared (a remembered array): read it, never change it.
 */
export function symbolsOf(m: Matcher, token: Token, scratch: number[]): Int32Array {
  const own = token.id >= 0 ? symbolsById(m, token.id, token.text) : wordSymbols(m, token.text);
  if (token.alt === undefined) return own;
  const alt = wordSymbols(m, token.alt);
  if (alt.length === 0) return own;
  if (own.length === 0) return alt;
  // Rare (a leetspeak word both of whose readings mean something): one small allocation.
  scratch.length = 0;
  push(scratch, own);
  push(scratch, alt);
  return Int32Array.from(scratch);
}

function push(out: number[], syms: ArrayLike<number>): void {
  for (let k = 0; k < syms.length; k++) {
    const s = syms[k]!;
    if (!out.includes(s)) out.push(s);
  }
}
