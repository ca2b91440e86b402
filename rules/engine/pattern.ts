/**
 * The pattern language (docs/rules.md): words, `word*` prefixes, `( a | b )` alternatives,
 * `[ optional ]` parts, `{lexicon}` references, `~N` gaps and `#` numbers. This module turns one
 * pattern into a syntax tree, or into errors with the offset in the pattern where they occur.
 * Words are normalised by the same function as messages.
 */
import { normalise } from './normalise';

export type PatternNode =
  | { kind: 'word'; text: string; offset: number }
  | { kind: 'prefix'; text: string; offset: number }
  | { kind: 'lexicon'; name: string; offset: number }
  | { kind: 'gap'; max: number; offset: number }
  | { kind: 'number'; offset: number }
  | { kind: 'seq'; items: PatternNode[]; offset: number }
  | { kind: 'alt'; options: PatternNode[]; offset: number }
  | { kind: 'optional'; body: PatternNode; offset: number };

export interface PatternError {
  /** 0-based offset into the pattern text. */
  offset: number;
  message: string;
}

export type PatternResult = { ok: true; node: PatternNode } | { ok: false; error: PatternError };

export const MAX_GAP = 8;
/** Letters a `word*` prefix needs before the star. */
export const MIN_PREFIX = 3;
const SPECIAL = '()[]{}|~#*';
const LEXICON_NAME = /^[a-z][a-z0-9-]*$/;

class PatternSyntaxError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/**
 * Parsed patterns by source text: validating a pack and compiling it parse the same patterns, and
 * lexicon entries repeat across packs. Capped, since the options editor parses as the user types.
 */
const parsed = new Map<string, PatternResult>();
const MAX_PARSED = 20_000;

/** Parse one pattern. Never throws: errors come back with their offset. Results are shared: don't mutate. */
export function parsePattern(source: string): PatternResult {
  let result = parsed.get(source);
  if (!result) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    result = parseUncached(source);
    parsed.set(source, result);
  }
  return result;
}

function parseUncached(source: string): PatternResult {
  try {
    const parser = new Parser(source);
    const node = parser.parseAll();
    return { ok: true, node };
  } catch (e) {
    if (e instanceof PatternSyntaxError) return { ok: false, error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parseAll(): PatternNode {
    const node = this.parseAlt('');
    this.skipSpace();
    if (this.pos < this.src.length) {
      throw new PatternSyntaxError(this.pos, `unexpected "${this.src[this.pos]}"`);
    }
    checkShape(node);
    return node;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  /** alternatives separated by `|`, up to the closing bracket `close` (or the end for ''). */
  private parseAlt(close: string): PatternNode {
    const start = this.pos;
    const options: PatternNode[] = [this.parseSeq(close)];
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] !== '|') break;
      this.pos++;
      options.push(this.parseSeq(close));
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options, offset: start };
  }

  private parseSeq(close: string): PatternNode {
    this.skipSpace();
    const start = this.pos;
    const items: PatternNode[] = [];
    for (;;) {
      this.skipSpace();
      const ch = this.src[this.pos];
      if (ch === undefined || ch === '|' || ch === ')' || ch === ']') {
        if (ch !== undefined && ch !== '|' && ch !== close) {
          throw new PatternSyntaxError(this.pos, `unexpected "${ch}"`);
        }
        break;
      }
      items.push(...this.parseItem());
    }
    if (items.length === 0) {
      throw new PatternSyntaxError(start, close === '' && start >= this.src.length ? 'empty pattern' : 'empty alternative');
    }
    return items.length === 1 ? items[0]! : { kind: 'seq', items, offset: start };
  }

  private parseItem(): PatternNode[] {
    const start = this.pos;
    const ch = this.src[this.pos]!;
    if (ch === '(' || ch === '[') {
      const close = ch === '(' ? ')' : ']';
      this.pos++;
      const body = this.parseAlt(close);
      this.skipSpace();
      if (this.src[this.pos] !== close) {
        throw new PatternSyntaxError(start, `"${ch}" is never closed with "${close}"`);
      }
      this.pos++;
      return [ch === '(' ? body : { kind: 'optional', body, offset: start }];
    }
    if (ch === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) throw new PatternSyntaxError(start, '"{" is never closed with "}"');
      const name = this.src.slice(this.pos + 1, end).trim();
      if (!LEXICON_NAME.test(name)) {
        throw new PatternSyntaxError(start + 1, `"${name}" is not a lexicon name (lower-case letters, digits, "-")`);
      }
      this.pos = end + 1;
      return [{ kind: 'lexicon', name, offset: start }];
    }
    if (ch === '~') {
      this.pos++;
      const digits = /^\d+/.exec(this.src.slice(this.pos));
      if (!digits) throw new PatternSyntaxError(start, '"~" must be followed by the gap size, e.g. ~3');
      const max = Number(digits[0]);
      if (max < 1 || max > MAX_GAP) {
        throw new PatternSyntaxError(start, `a gap is 1 to ${MAX_GAP} words, not ${max}`);
      }
      this.pos += digits[0].length;
      return [{ kind: 'gap', max, offset: start }];
    }
    if (ch === '#') {
      this.pos++;
      return [{ kind: 'number', offset: start }];
    }
    if (ch === '*' || ch === '}') {
      throw new PatternSyntaxError(start, `unexpected "${ch}"`);
    }
    // A run of ordinary characters: normalise it like message text.
    while (this.pos < this.src.length && !SPECIAL.includes(this.src[this.pos]!) && !/\s/.test(this.src[this.pos]!)) {
      this.pos++;
    }
    const chunk = this.src.slice(start, this.pos);
    const isPrefix = this.src[this.pos] === '*';
    if (isPrefix) this.pos++;
    const tokens = normalise(chunk);
    if (tokens.length === 0) {
      if (isPrefix) throw new PatternSyntaxError(start, '"*" must follow a word');
      // "(x)?" reads like a regular expression, but here "?" is only punctuation: the part would be required.
      if (chunk.startsWith('?') && this.src[start - 1] === ')') {
        throw new PatternSyntaxError(start, '"?" does not make a part optional: write it in [ ]');
      }
      return []; // punctuation only, ignored as it is in messages
    }
    const nodes: PatternNode[] = tokens.map((t) => ({ kind: 'word', text: t.text, offset: start + t.start }));
    if (isPrefix) {
      const last = tokens[tokens.length - 1]!;
      if (last.text.length < MIN_PREFIX) {
        throw new PatternSyntaxError(start + last.start, `a prefix needs at least ${MIN_PREFIX} letters before "*"`);
      }
      nodes[nodes.length - 1] = { kind: 'prefix', text: last.text, offset: start + last.start };
    }
    return nodes;
  }
}

/** Reject patterns that can match no words at all, or that start or end with a gap. */
function checkShape(node: PatternNode): void {
  if (nullable(node)) throw new PatternSyntaxError(0, 'the pattern can match nothing: it needs a word outside optional parts');
  const items = node.kind === 'seq' ? node.items : [node];
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (first.kind === 'gap') throw new PatternSyntaxError(first.offset, 'a pattern may not start with a gap');
  if (last.kind === 'gap') throw new PatternSyntaxError(last.offset, 'a pattern may not end with a gap');
}

/** Can this node match an empty run of words? Gaps can (they are "up to N"). */
export function nullable(node: PatternNode): boolean {
  switch (node.kind) {
    case 'word':
    case 'prefix':
    case 'lexicon':
    case 'number':
      return false;
    case 'gap':
    case 'optional':
      return true;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.options.some(nullable);
  }
}
