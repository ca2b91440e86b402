/**
 * Normalisation: turns a chat message into word tokens that rules can match, in one pass over the
 * text, keeping for every token the span of the original text it came from (so the panel can quote
 * the sender's exact words). Patterns go through the same function, so a rule and a message always
 * agree on what a word is. See docs/rules.md, "How text is read".
 *
 * Speed matters here (it runs on every chat message): ASCII goes through a class table, other
 * characters through a memoised fold; plain lower-case words are sliced from the text without
 * being rebuilt; nothing runs a regular expression per character.
 */
import type { Token } from './types';
import { foldCodePoint } from './fold';

/** Leetspeak digits and symbols, read as letters only inside words that qualify (see makeToken). */
const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's',
};

/** Separators that may join spaced-out letters ("p.i.c"); a plain space needs a longer run. */
const SPACED_SEPARATORS = '.-_*';
const MIN_SPACED_RUN = 4;
const MIN_SPACED_RUN_OTHER = 3;

// Character classes.
const SEP = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const APOSTROPHE = 4; // dropped inside words, trimmed at their edges
const SYMBOL = 5; // '@' and '$': leetspeak inside words, trimmed at their edges

const ASCII_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
ASCII_CLASS[39] = APOSTROPHE; // '
ASCII_CLASS[96] = APOSTROPHE; // `
ASCII_CLASS[64] = SYMBOL; // @
ASCII_CLASS[36] = SYMBOL; // $

const letterMemo = new Map<number, boolean>();
/** Class of a folded code point (already lower case). */
function classOfFolded(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  let letter = letterMemo.get(cp);
  if (letter === undefined) {
    letter = /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));
    letterMemo.set(cp, letter);
  }
  return letter ? LOWER : SEP;
}

/**
 * Word forms are interned: each distinct form gets a small integer id, shared by every message, so
 * the matcher can remember what a word means by id (a typed-array read) instead of hashing its
 * text again for every rule look-up. The table is bounded; after MAX_INTERNED_WORDS forms, new
 * ones get NOT_INTERNED and the matcher reads them by text. Ids never change once given.
 *
 * The table is our own open-addressing hash over typed arrays rather than a Map: a plain ASCII word
 * (most chat words) is hashed while the fast path scans it, and when its form is known the token
 * takes the interned string, so a known word costs no string slice and no string hashing. (A
 * `Map.get` with a freshly sliced key cost about 0.8 us in the content script, as much as reading
 * the message from the page.)
 */
export const MAX_INTERNED_WORDS = 30_000;
export const NOT_INTERNED = -1;
/** 65,536 slots: the table stays under half full, so probes stay short. */
const SLOT_MASK = (1 << 16) - 1;
/** id + 1 of the form in each slot; 0 is an empty slot. */
const slots = new Int32Array(SLOT_MASK + 1);
const forms: string[] = [];
const formHashes = new Int32Array(MAX_INTERNED_WORDS);

const HASH_SEED = 0x811c9dc5 | 0;
/** FNV-1a over UTF-16 code units; the fast path computes the same sum as it scans a word. */
function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

function intern(word: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < word.length; k++) hash = hashStep(hash, word.charCodeAt(k));
  // Forms are lower case already, so findForm's reading of capitals changes nothing here.
  const known = findForm(word, 0, word.length, hash);
  if (known !== NOT_INTERNED || forms.length >= MAX_INTERNED_WORDS) return known;
  let slot = hash & SLOT_MASK;
  while (slots[slot] !== 0) slot = (slot + 1) & SLOT_MASK;
  const id = forms.length;
  forms.push(word);
  formHashes[id] = hash;
  slots[slot] = id + 1;
  return id;
}

/**
 * The id of the form text[start..end), ASCII capitals read as lower case, whose hash is `hash`
 * (the fast path computes it while scanning a word), or NOT_INTERNED when it has none yet.
 * Allocates nothing.
 */
function findForm(text: string, start: number, end: number, hash: number): number {
  const size = end - start;
  for (let slot = hash & SLOT_MASK; ; slot = (slot + 1) & SLOT_MASK) {
    const entry = slots[slot]!;
    if (entry === 0) return NOT_INTERNED;
    const id = entry - 1;
    if (formHashes[id] !== hash) continue;
    const form = forms[id]!;
    if (form.length !== size) continue;
    let k = 0;
    for (; k < size; k++) {
      const c = text.charCodeAt(start + k);
      if (form.charCodeAt(k) !== (c >= 65 && c <= 90 ? c + 32 : c)) break;
    }
    if (k === size) return id;
  }
}

/**
 * The token being built. Buffers are reused across calls (normalise is synchronous and never
 * re-entered), so a message allocates only its tokens and their strings.
 */
let codes = new Int32Array(64);
let classes = new Uint8Array(64);
let starts = new Int32Array(64);
let ends = new Int32Array(64);
let length = 0;
/** Every character so far is an ASCII letter or digit taken 1:1 from contiguous text. */
let simple = true;
let hasUpper = false;
/** Two equal letters in a row were seen: the word needs squashing. */
let hasRepeat = false;

function grow(): void {
  const size = codes.length * 2;
  const c = new Int32Array(size);
  c.set(codes);
  codes = c;
  const k = new Uint8Array(size);
  k.set(classes);
  classes = k;
  const s = new Int32Array(size);
  s.set(starts);
  starts = s;
  const e = new Int32Array(size);
  e.set(ends);
  ends = e;
}

function push(cp: number, cls: number, start: number, end: number): void {
  if (length === codes.length) grow();
  if (length > 0 && cls === LOWER && codes[length - 1] === cp && classes[length - 1] === LOWER) hasRepeat = true;
  codes[length] = cp;
  classes[length] = cls;
  starts[length] = start;
  ends[length] = end;
  length++;
}

/**
 * Split a message into normalised tokens. Linear in the length of the text: each code point is
 * classified once, and each token is finished once.
 */
export function normalise(text: string): Token[] {
  return tokenise(text, true);
}

/**
 * normalise without the fast path for plain ASCII words: every character goes through the general
 * path. A reference for the tests, which check that both give the same tokens.
 */
export function normaliseSlowly(text: string): Token[] {
  return tokenise(text, false);
}

function tokenise(text: string, fast: boolean): Token[] {
  const tokens: Token[] = [];
  length = 0;
  simple = true;
  hasUpper = false;
  hasRepeat = false;
  const n = text.length;
  let i = 0;
  let sawSingle = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast path: a word of ASCII letters and digits between separators (most chat words) is
    // sliced from the text as a whole, without the per-character buffers.
    if (fast && length === 0 && c < 128 && ASCII_CLASS[c]! >= LOWER && ASCII_CLASS[c]! <= DIGIT) {
      const end = plainWordEnd(text, i);
      if (end > i) {
        const token = plainToken(text, i, end);
        tokens.push(token);
        if (token.text.length === 1) sawSingle = true;
        i = end;
        continue;
      }
    }
    if (c < 128) {
      const cls = ASCII_CLASS[c]!;
      if (cls === SEP) {
        if (length > 0 && flush(text, tokens)) sawSingle = true;
      } else if (cls === UPPER) {
        hasUpper = true;
        push(c + 32, LOWER, i, i + 1);
      } else {
        if (cls !== LOWER && cls !== DIGIT) simple = false;
        push(c === 96 ? 39 : c, cls, i, i + 1);
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    // Invisible characters (zero-width, bidi controls) vanish without splitting a word.
    if (folded.length > 0) {
      for (let k = 0; k < folded.length; k++) {
        const f = folded.codePointAt(k)!;
        if (f > 0xffff) k++;
        const cls = classOfFolded(f);
        if (cls === SEP) {
          if (length > 0 && flush(text, tokens)) sawSingle = true;
        } else {
          simple = false;
          push(f, cls, i, i + width);
        }
      }
    } else if (length > 0) {
      simple = false;
    }
    i += width;
  }
  if (length > 0 && flush(text, tokens)) sawSingle = true;
  return sawSingle ? joinSpacedLetters(text, tokens) : tokens;
}

/** Scratch results of plainWordEnd, read by plainToken. */
let plainDigits = 0;
let plainUpper = false;
let plainRepeat = false;
/** Hash of the word lower-cased (see hashStep). */
let plainHash = 0;

/**
 * Where the plain ASCII word starting at `start` ends (a separator or the end of the text), or
 * `start` when it runs into anything else (an apostrophe, '@', '$', a non-ASCII character), which
 * the general path must read.
 */
function plainWordEnd(text: string, start: number): number {
  const n = text.length;
  let digits = 0;
  let upper = false;
  let repeat = false;
  let previous = -1; // the previous letter, lower case; -1 after a digit
  let hash = HASH_SEED;
  let j = start;
  for (; j < n; j++) {
    const d = text.charCodeAt(j);
    if (d >= 128) return start;
    const cls = ASCII_CLASS[d]!;
    if (cls === LOWER) {
      if (d === previous) repeat = true;
      previous = d;
      hash = hashStep(hash, d);
    } else if (cls === UPPER) {
      upper = true;
      if (d + 32 === previous) repeat = true;
      previous = d + 32;
      hash = hashStep(hash, previous);
    } else if (cls === DIGIT) {
      digits++;
      previous = -1;
      hash = hashStep(hash, d);
    } else if (cls === SEP) {
      break;
    } else {
      return start;
    }
  }
  plainDigits = digits;
  plainUpper = upper;
  plainRepeat = repeat;
  plainHash = hash;
  return j;
}

function plainToken(text: string, start: number, end: number): Token {
  // A known form that makeToken would keep as it is (no squashing, no leetspeak reading): take the
  // interned string instead of slicing a new one.
  if (!plainRepeat && (plainDigits === 0 || plainDigits === end - start)) {
    const id = findForm(text, start, end, plainHash);
    if (id !== NOT_INTERNED) return { text: forms[id]!, id, alt: undefined, start, end };
  }
  let raw = text.slice(start, end);
  if (plainUpper) raw = raw.toLowerCase();
  return makeToken(raw, end - start - plainDigits, plainDigits, 0, start, end, plainRepeat);
}

/** Finish the pending token: trim edge punctuation, drop inner apostrophes. True for a 1-char token. */
function flush(text: string, out: Token[]): boolean {
  let a = 0;
  let b = length - 1;
  if (!simple) {
    while (a <= b && (classes[a] === APOSTROPHE || classes[a] === SYMBOL)) a++;
    while (b >= a && (classes[b] === APOSTROPHE || classes[b] === SYMBOL)) b--;
  }
  let single = false;
  if (a <= b) {
    let letters = 0;
    let digits = 0;
    let symbols = 0;
    let raw: string;
    if (simple) {
      for (let k = a; k <= b; k++) {
        if (classes[k] === DIGIT) digits++;
        else letters++;
      }
      raw = text.slice(starts[a]!, ends[b]!);
      if (hasUpper) raw = raw.toLowerCase();
    } else {
      raw = '';
      for (let k = a; k <= b; k++) {
        const cls = classes[k];
        if (cls === APOSTROPHE) continue;
        raw += String.fromCodePoint(codes[k]!);
        if (cls === LOWER) letters++;
        else if (cls === DIGIT) digits++;
        else symbols++;
      }
    }
    const token = makeToken(raw, letters, digits, symbols, starts[a]!, ends[b]!, hasRepeat || !simple);
    out.push(token);
    single = token.text.length === 1;
  }
  length = 0;
  simple = true;
  hasUpper = false;
  hasRepeat = false;
  return single;
}

function makeToken(raw: string, letters: number, digits: number, symbols: number, start: number, end: number, mayRepeat: boolean): Token {
  const leet = letters >= 1 && digits + symbols > 0 && digits <= letters && !startsWithNumber(raw);
  const text = mayRepeat ? squash(raw) : raw;
  return {
    text,
    id: intern(text),
    alt: leet ? squash(unleet(raw)) : undefined,
    start,
    end,
  };
}

/** "13yo", "2024" and "10" are numbers with suffixes, not leetspeak. */
function startsWithNumber(raw: string): boolean {
  return raw.length > 1 && isDigit(raw.charCodeAt(0)) && isDigit(raw.charCodeAt(1));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function unleet(raw: string): string {
  let out = '';
  for (const ch of raw) out += LEET[ch] ?? ch;
  return out;
}

/** Squash letters repeated in a row to one ("pleeease" -> "please"); digits are kept ("1000"). */
export function squash(word: string): string {
  let out = '';
  let prev = '';
  for (const ch of word) {
    if (ch === prev && !isDigit(ch.charCodeAt(0))) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

/** Join runs of single letters written apart ("s e n d", "p.i.c") into one word. */
function joinSpacedLetters(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let k = 0;
  while (k < tokens.length) {
    const first = tokens[k]!;
    let runEnd = k;
    let separator = '';
    if (first.text.length === 1) {
      while (runEnd + 1 < tokens.length) {
        const cur = tokens[runEnd]!;
        const next = tokens[runEnd + 1]!;
        if (next.text.length !== 1 || next.start - cur.end !== 1) break;
        const sep = text[cur.end]!;
        if (separator === '') {
          if (sep !== ' ' && !SPACED_SEPARATORS.includes(sep)) break;
          separator = sep;
        } else if (sep !== separator) break;
        runEnd++;
      }
    }
    const runLength = runEnd - k + 1;
    const needed = separator === ' ' ? MIN_SPACED_RUN : MIN_SPACED_RUN_OTHER;
    if (runLength >= needed) {
      let raw = '';
      let letters = 0;
      let digits = 0;
      for (let j = k; j <= runEnd; j++) {
        const ch = tokens[j]!.text;
        raw += ch;
        if (isDigit(ch.charCodeAt(0))) digits++;
        else letters++;
      }
      if (letters > 0) {
        out.push(makeToken(raw, letters, digits, 0, first.start, tokens[runEnd]!.end, true));
        k = runEnd + 1;
        continue;
      }
    }
    out.push(first);
    k++;
  }
  return out;
}
