/**
 * Texts made from a compiled matcher's own words that pass its anchor filter, so scanning them
 * runs every stage of matching: normalising, the filter, the thread simulation and the hits. The
 * content script scans a few once at start-up, in a task of its own: a function's first call
 * compiles it, and in a page those first calls cost a first busy chat's batch 5-12 ms
 * (docs/performance.md, "Largest batch"). They are word lists, not sentences, and never shown.
 */
import type { Matcher } from './compile';

/**
 * Texts that take the normaliser's other paths, which words from the rules (plain lower-case
 * ASCII) never do: capitals, emoji, accents, fullwidth letters, leetspeak, letters written apart,
 * apostrophes (typographic too) and a zero-width space. The first call of each path costs a
 * message in a chat's batch 0.15-1.3 ms even after the rules' texts were scanned (Node, measured
 * for docs/performance.md): folding the first emoji compiles Unicode tables and a regular
 * expression. Each character is folded once and remembered, so these cost nothing later. They
 * also give V8 type feedback for branches plain words never reach (a capital or a sign glued to a
 * word outside the fast path): optimised code compiled without it was thrown away at the first
 * such message, in the middle of a busy chat (docs/performance.md, "Largest batch").
 */
export const NORMALISER_SAMPLES: readonly string[] = [
  'OK Sounds Good😂✨',
  'Qué pasó mañana… ¿vienes?',
  'ｆｕｌｌ ｗｉｄｔｈ',
  'gr8 m8 n1 l8r',
  's e n d, p.i.c',
  'Don\u2019t worry it\'s fine',
  'zero\u200bwidth',
];

/**
 * Up to `count` texts, each one slot's groups in order, every group given by a word that carries
 * one of its symbols (a listed word, a prefix written as itself, or a number). Slots are taken
 * evenly across the table, so the texts reach different rules.
 */
export function sampleTexts(m: Matcher, count: number): string[] {
  const wordOf = spellings(m);
  const slots = m.slotGroupFrom.length - 1;
  const texts: string[] = [];
  const step = Math.max(1, Math.floor(slots / Math.max(1, count)));
  for (let slot = 0; slot < slots && texts.length < count; slot += step) {
    const words: string[] = [];
    for (let k = m.slotGroupFrom[slot]!; k < m.slotGroupFrom[slot + 1]!; k++) {
      const group = m.slotGroup[k]!;
      let word: string | undefined;
      for (let q = m.groupSymbolFrom[group]!; q < m.groupSymbolFrom[group + 1]! && word === undefined; q++) word = wordOf.get(m.groupSymbol[q]!);
      if (word === undefined) break;
      words.push(word);
    }
    if (words.length === m.slotGroupFrom[slot + 1]! - m.slotGroupFrom[slot]!) texts.push(words.join(' '));
  }
  return texts;
}

/** A word that carries each symbol: the first listed word with it, a prefix as itself, "13" for numbers. */
function spellings(m: Matcher): Map<number, string> {
  const out = new Map<number, string>();
  for (const [word, symbols] of m.words) for (const symbol of symbols) if (!out.has(symbol)) out.set(symbol, word);
  for (const [prefix, symbols] of m.prefixes) for (const symbol of symbols) if (!out.has(symbol)) out.set(symbol, prefix);
  for (const symbol of m.numberSymbols) if (!out.has(symbol)) out.set(symbol, '13');
  return out;
}
