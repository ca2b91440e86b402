/**
 * A synthetic rule set in the pack pattern language (docs/rules.md), generated from a seed: words,
 * `word*` prefixes, alternatives, optional parts, gaps, numbers and lexicons (some nested). Half
 * the words come from the corpus's chat vocabulary, so many rules start on common words and the
 * automaton keeps threads alive, as a large real rule set would.
 *
 * Also the naive baseline: each rule translated to one JavaScript RegExp over the normalised text
 * (token texts joined by single spaces, with a space at both ends).
 */
import { parsePattern, type Direction, type LexiconFile, type Pack, type PatternNode, type RuleSource } from '../rules/engine';
import { CHAT_WORDS, between, pick, rng, type Rand } from './corpus';

const SYLLABLES = 'ka ro mi tu ne sa lo vi de pa zu fe gi ho ja ku le mo ni po ra se ti va wo xa yu ze bra cle dri fro gla plu stri tra'.split(' ');
const LETTERS = /^[a-z]+$/;

function pseudoWord(r: Rand): string {
  let w = '';
  const n = between(r, 2, 4);
  for (let k = 0; k < n; k++) w += pick(r, SYLLABLES);
  return w;
}

export interface SyntheticRules {
  packs: Pack[];
  lexicons: LexiconFile[];
  ruleCount: number;
}

const CATEGORIES = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango'.split(' ');

export function syntheticRules(seed: number, ruleCount: number): SyntheticRules {
  const r = rng(seed);
  const common = CHAT_WORDS.map((w) => w.toLowerCase()).filter((w) => LETTERS.test(w));
  const rare = Array.from({ length: 3000 }, () => pseudoWord(r));
  // Common words start half the rules (so threads start often) but are rarer later in a pattern,
  // so a rule matches only now and then, as a real rule does.
  const vocab = (pCommon = 0.2): string => (r() < pCommon ? pick(r, common) : pick(r, rare));

  // Lexicons: single words, prefixes, multi-word entries and references to earlier lexicons.
  const lexiconNames: string[] = [];
  const lexicons: Record<string, string[]> = {};
  for (let l = 0; l < 60; l++) {
    const name = `lex-${l}`;
    const entries = new Set<string>();
    const size = between(r, 4, 25);
    while (entries.size < size) {
      const x = r();
      if (x < 0.7) entries.add(vocab(0.4));
      else if (x < 0.8) entries.add(`${pick(r, rare).slice(0, between(r, 3, 5))}*`);
      else if (x < 0.93) entries.add(`${vocab()} ${vocab()}`);
      else if (lexiconNames.length > 0) entries.add(`{${pick(r, lexiconNames)}}`);
    }
    lexicons[name] = [...entries];
    lexiconNames.push(name);
  }

  const element = (depth: number): string => {
    const x = r();
    if (x < 0.6 || depth > 1) return vocab();
    if (x < 0.72) return `{${pick(r, lexiconNames)}}`;
    if (x < 0.84) {
      const options = Array.from({ length: between(r, 2, 4) }, () => sequence(depth + 1, 1, 2));
      return `(${options.join(' | ')})`;
    }
    if (x < 0.94) return `[${sequence(depth + 1, 1, 2)}]`;
    if (x < 0.97) return `${pick(r, rare).slice(0, between(r, 3, 6))}*`;
    return '#';
  };
  // A sequence always has a required word-like part first, so no pattern is optional-only.
  const sequence = (depth: number, lo: number, hi: number): string => {
    const items = [vocab(depth === 0 ? 0.5 : 0.2)];
    const n = between(r, lo, hi) - 1;
    for (let k = 0; k < n; k++) {
      if (depth === 0 && k < n - 1 && r() < 0.12) items.push(`~${between(r, 1, 4)}`);
      items.push(element(depth));
    }
    return items.join(' ');
  };

  const perPack = Math.ceil(ruleCount / CATEGORIES.length);
  const packs: Pack[] = [];
  let made = 0;
  for (const category of CATEGORIES) {
    const rules: RuleSource[] = [];
    for (let k = 0; k < perPack && made < ruleCount; k++, made++) {
      const patterns = Array.from({ length: r() < 0.8 ? 1 : 2 }, () => sequence(0, 2, 5));
      rules.push({
        id: `${category}.rule-${k}`,
        severity: pick(r, ['low', 'medium', 'high', 'urgent'] as const),
        direction: pick(r, ['incoming', 'outgoing', 'any', 'any'] as const),
        patterns,
        except: [],
        examples: { match: [], noMatch: [] },
        source: 'synthetic benchmark rule',
      });
    }
    packs.push({ name: `syn/${category}.json`, language: 'en', category, rules });
  }
  return { packs, lexicons: [{ name: 'syn/lexicons.json', language: 'en', lexicons }], ruleCount: made };
}

// ---------------------------------------------------------------- naive baseline

export interface NaiveRule {
  direction: string;
  patterns: RegExp[];
  except: RegExp[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source for a pattern node; every word-like element consumes "word ". */
function toRegex(node: PatternNode, lexicons: Map<string, PatternNode[]>): string {
  switch (node.kind) {
    case 'word':
      return `${escape(node.text)} `;
    case 'prefix':
      return `${escape(node.text)}[^ ]* `;
    case 'number':
      return '[0-9]+[a-z]{0,2} ';
    case 'gap':
      return `(?:[^ ]+ ){0,${node.max}}`;
    case 'seq':
      return node.items.map((n) => toRegex(n, lexicons)).join('');
    case 'alt':
      return `(?:${node.options.map((n) => toRegex(n, lexicons)).join('|')})`;
    case 'optional':
      return `(?:${toRegex(node.body, lexicons)})?`;
    case 'lexicon': {
      const entries = lexicons.get(node.name);
      if (!entries) throw new Error(`unknown lexicon {${node.name}}`);
      return `(?:${entries.map((n) => toRegex(n, lexicons)).join('|')})`;
    }
  }
}

function parsed(source: string): PatternNode {
  const p = parsePattern(source);
  if (!p.ok) throw new Error(`${p.error.message} in "${source}"`);
  return p.node;
}

/** One RegExp per pattern, over `normalisedLine(tokens)`. */
export function naiveRules(packs: readonly Pack[], lexiconFiles: readonly LexiconFile[]): NaiveRule[] {
  const lexicons = new Map<string, PatternNode[]>();
  for (const file of lexiconFiles) {
    for (const [name, list] of Object.entries(file.lexicons)) lexicons.set(name, list.map(parsed));
  }
  const out: NaiveRule[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const re = (s: string) => new RegExp(` ${toRegex(parsed(s), lexicons)}`);
      out.push({ direction: rule.direction, patterns: rule.patterns.map(re), except: rule.except.map(re) });
    }
  }
  return out;
}

/** Normalised text for the naive baseline: " tok tok tok ". */
export function normalisedLine(tokens: readonly { text: string }[]): string {
  let s = ' ';
  for (const t of tokens) s += `${t.text} `;
  return s;
}

/** How many rules the naive baseline finds in one normalised line. */
export function naiveScan(rules: readonly NaiveRule[], line: string, direction: Direction): number {
  let hits = 0;
  for (const rule of rules) {
    if (rule.direction !== 'any' && direction !== 'unknown' && rule.direction !== direction) continue;
    let matched = false;
    for (const p of rule.patterns) {
      if (p.test(line)) {
        matched = true;
        break;
      }
    }
    if (matched && rule.except.some((e) => e.test(line))) matched = false;
    if (matched) hits++;
  }
  return hits;
}
