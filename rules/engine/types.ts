/**
 * Shared types of the rule engine. Pure data: no DOM, browser, Preact or Dexie.
 * See docs/rules.md for the pattern language and the pack format.
 */

/** Who wrote a message, seen from the protected person (the reader). */
export type Direction = 'incoming' | 'outgoing' | 'unknown';

/** Which messages a rule looks at. */
export type RuleDirection = 'incoming' | 'outgoing' | 'any';

/**
 * How much one hit of a rule says on its own.
 * - low: means little alone (a compliment); counts only in combination.
 * - medium: a clear red flag, still common in harmless chat (asking someone's age).
 * - high: alerts at once ("don't tell your parents", "send me a pic").
 * - urgent: alerts at once and puts help first (threats, sextortion).
 */
export type Severity = 'low' | 'medium' | 'high' | 'urgent';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'urgent'];
export const RULE_DIRECTIONS: readonly RuleDirection[] = ['incoming', 'outgoing', 'any'];

/** A rule as written in a pack file (after parsing and validation). */
export interface RuleSource {
  id: string;
  severity: Severity;
  direction: RuleDirection;
  patterns: string[];
  except: string[];
  examples: { match: string[]; noMatch: string[] };
  /** Where the pattern is described (an organisation's guidance or a paper). */
  source: string;
}

export interface Pack {
  /** Name used in error messages, normally the file path relative to rules/packs. */
  name: string;
  language: string;
  category: string;
  rules: RuleSource[];
}

/** Named word lists of one language: `{parent}` in a pattern refers to `lexicons.parent`. */
export interface LexiconFile {
  name: string;
  language: string;
  lexicons: Record<string, string[]>;
}

/** A problem found in a pack, lexicon file or pattern, with a position a person can find. */
export interface RuleError {
  pack: string;
  /** Rule id, when the problem is inside a rule. */
  rule?: string;
  /** 1-based line and column in the file (or in the pattern text when no file is known). */
  line: number;
  column: number;
  message: string;
}

/** One token of normalised text with the span of the original text it came from. */
export interface Token {
  /** Normalised word form (case folded, confusables folded, repeats squashed). */
  text: string;
  /** The form's id in the normaliser's table of word forms (same text, same id), or NOT_INTERNED. */
  id: number;
  /** Leetspeak-folded alternative ("s3nd" -> "send"), or undefined when the token has none. */
  alt: string | undefined;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

/** A rule that matched one message. */
export interface Hit {
  rule: string;
  category: string;
  severity: Severity;
  /** UTF-16 span of the original message text that matched, end exclusive. */
  start: number;
  end: number;
  /** The original words that matched (text.slice(start, end)). */
  quote: string;
}
