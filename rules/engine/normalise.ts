/**
 * Normalisation: turns a chat message into word tokens that rules can match, in one pass over the
 * text, keeping for every token the span of the original text it came from (so the panel can quote
 * the sender's exact words). Patterns go through the same function, so a rule and a message always
 * agree on what a word is. See docs/rules.md, "How text is read".
 */
import type { Token } from './types';
import { foldCodePoint } from './fold';

/** Leetspeak digits and symbols, read as letters only inside words that qualify (see isLeetWord). */
const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's',
};

/** Separators that may join spaced-out letters ("p.i.c"); a plain space needs a longer run. */
const SPACED_SEPARATORS = '.-_*';
const MIN_SPACED_RUN = 4;
const MIN_SPACED_RUN_OTHER = 3;

// Character classes of folded characters.
const SEP = 0;
const LETTER = 1;
const DIGIT = 2;
const APOSTROPHE = 3; // dropped inside words, a separator elsewhere
const SYMBOL = 4; // '@' and '$': leetspeak inside words, dropped at their edges

function classOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 97 && c <= 122) return LETTER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c === 39) return APOSTROPHE;
  if (c === 64 || c === 36) return SYMBOL;
  if (c < 128) return SEP;
  return /[\p{L}\p{N}]/u.test(ch) ? LETTER : SEP;
}

/** Characters of the token being built: the folded character and the original span it came from. */
interface Pending {
  chars: string[];
  classes: number[];
  starts: number[];
  ends: number[];
}

/**
 * Split a message into normalised tokens. Linear in the length of the text: each code point is
 * folded once (memoised), and each token is post-processed once.
 */
export function normalise(text: string): Token[] {
  const tokens: Token[] = [];
  const p: Pending = { chars: [], classes: [], starts: [], ends: [] };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (folded.length === 0) {
      // Invisible characters (zero-width, bidi controls) vanish without splitting a word.
      i += width;
      continue;
    }
    for (const ch of folded) {
      const cls = classOf(ch);
      if (cls === SEP) {
        flush(p, tokens);
      } else {
        p.chars.push(ch);
        p.classes.push(cls);
        p.starts.push(i);
        p.ends.push(i + width);
      }
    }
    i += width;
  }
  flush(p, tokens);
  return joinSpacedLetters(text, tokens);
}

/** Finish the pending characters as a token: trim edge punctuation, drop inner apostrophes. */
function flush(p: Pending, out: Token[]): void {
  const len = p.chars.length;
  if (len === 0) return;
  let a = 0;
  let b = len - 1;
  while (a <= b && (p.classes[a] === APOSTROPHE || p.classes[a] === SYMBOL)) a++;
  while (b >= a && (p.classes[b] === APOSTROPHE || p.classes[b] === SYMBOL)) b--;
  if (a <= b) {
    let raw = '';
    let letters = 0;
    let digits = 0;
    let symbols = 0;
    for (let k = a; k <= b; k++) {
      const cls = p.classes[k];
      if (cls === APOSTROPHE) continue;
      raw += p.chars[k];
      if (cls === LETTER) letters++;
      else if (cls === DIGIT) digits++;
      else if (cls === SYMBOL) symbols++;
    }
    out.push(makeToken(raw, letters, digits, symbols, p.starts[a]!, p.ends[b]!));
  }
  p.chars.length = 0;
  p.classes.length = 0;
  p.starts.length = 0;
  p.ends.length = 0;
}

function makeToken(raw: string, letters: number, digits: number, symbols: number, start: number, end: number): Token {
  const leet = letters >= 1 && digits + symbols > 0 && digits <= letters && !startsWithNumber(raw);
  return {
    text: squash(raw),
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
  let hasSingle = false;
  for (const t of tokens) {
    if (t.text.length === 1) {
      hasSingle = true;
      break;
    }
  }
  if (!hasSingle) return tokens;

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
        out.push(makeToken(raw, letters, digits, 0, first.start, tokens[runEnd]!.end));
        k = runEnd + 1;
        continue;
      }
    }
    out.push(first);
    k++;
  }
  return out;
}
