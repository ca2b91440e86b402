/**
 * The symbols a token carries for a compiled Matcher: its word forms, the lexicons they are
 * listed in, the `word*` prefixes they start with, and "number". Shared by both matching passes.
 */
import { MIN_PREFIX, type Matcher } from './compile';
import type { Token } from './types';

const NUMBER_TOKEN = /^[0-9]+[a-z]{0,2}$/;

/** The symbols one token carries: its word forms, lexicons, prefixes and "number". */
export function symbolsOf(m: Matcher, token: Token, out: number[]): number[] {
  out.length = 0;
  addForm(m, token.text, out);
  if (token.alt !== undefined) addForm(m, token.alt, out);
  if (m.numberSymbols.length > 0 && NUMBER_TOKEN.test(token.text)) push(out, m.numberSymbols);
  return out;
}

function addForm(m: Matcher, word: string, out: number[]): void {
  const own = m.words.get(word);
  if (own) push(out, own);
  // Most words start like no prefix at all: one look-up of their first letters rules that out.
  if (word.length < MIN_PREFIX || !m.prefixStems.has(word.slice(0, MIN_PREFIX))) return;
  const lengths = m.prefixLengths;
  for (let k = 0; k < lengths.length; k++) {
    const len = lengths[k]!;
    if (len > word.length) break;
    const syms = m.prefixes.get(len === word.length ? word : word.slice(0, len));
    if (syms) push(out, syms);
  }
}

function push(out: number[], syms: Int32Array): void {
  for (let k = 0; k < syms.length; k++) {
    const s = syms[k]!;
    if (!out.includes(s)) out.push(s);
  }
}

