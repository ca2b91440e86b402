/**
 * The one parser and validator of rule packs and lexicon files. The build, the tests, the scanner
 * and the options-page editor all call it, so a mistake is reported the same way everywhere:
 * `pack:line:column: rule id: message`.
 *
 * Text goes through parseJsonLocated so errors carry real positions. Values that were already
 * parsed (bundled JSON imports) go through the same validate* functions, with positions unknown.
 */
import { parseJsonLocated, positionInString, JsonSyntaxError, type LocatedJson, type Locations, type Position } from './json-located';
import { parsePattern } from './pattern';
import { RULE_DIRECTIONS, SEVERITIES, type LexiconFile, type Pack, type RuleError, type RuleSource } from './types';

const LANGUAGE = /^[a-z]{2,3}$/;
const CATEGORY = /^[a-z][a-z-]*$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const LEXICON_NAME = /^[a-z][a-z0-9-]*$/;
const PACK_KEYS = ['language', 'category', 'rules'];
const RULE_KEYS = ['id', 'severity', 'direction', 'patterns', 'except', 'examples', 'source'];
const LEXICON_FILE_KEYS = ['language', 'lexicons'];

/** Where each pattern of a rule (or entry of a lexicon) starts in its file, for later errors. */
const patternPositions = new WeakMap<object, { text: string; at: (string | Position | undefined)[] }>();

export interface ParseResult<T> {
  value: T | undefined;
  errors: RuleError[];
}

/** `en/secrecy.json:14:22: rule secrecy.x: message`, the format used everywhere. */
export function formatError(e: RuleError): string {
  return `${e.pack}:${e.line}:${e.column}: ${e.rule ? `rule ${e.rule}: ` : ''}${e.message}`;
}

export function parsePackText(text: string, name: string): ParseResult<Pack> {
  const parsed = parseOrError(text, name);
  if ('error' in parsed) return { value: undefined, errors: [parsed.error] };
  return validatePack(parsed.json.value, name, new Context(name, parsed.json.locations, text));
}

export function parseLexiconText(text: string, name: string): ParseResult<LexiconFile> {
  const parsed = parseOrError(text, name);
  if ('error' in parsed) return { value: undefined, errors: [parsed.error] };
  return validateLexicons(parsed.json.value, name, new Context(name, parsed.json.locations, text));
}

function parseOrError(text: string, name: string): { json: LocatedJson } | { error: RuleError } {
  try {
    return { json: parseJsonLocated(text) };
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      return { error: { pack: name, line: e.position.line, column: e.position.column, message: e.message } };
    }
    throw e;
  }
}

/** Collects errors with the best position known for each. */
class Context {
  readonly errors: RuleError[] = [];
  constructor(
    readonly name: string,
    private readonly locations?: Locations,
    readonly text?: string,
  ) {}

  at(container: object, key: string | number): Position | undefined {
    return this.locations?.get(container)?.get(key);
  }

  error(message: string, where?: Position, rule?: string): void {
    this.errors.push({ pack: this.name, rule, line: where?.line ?? 1, column: where?.column ?? 1, message });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(ctx: Context, obj: Record<string, unknown>, allowed: string[], what: string, rule?: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) ctx.error(`unknown field "${key}" in ${what} (allowed: ${allowed.join(', ')})`, ctx.at(obj, key), rule);
  }
}

function stringArray(ctx: Context, holder: Record<string, unknown>, key: string, rule: string | undefined, opts: { optional?: boolean; nonEmpty?: boolean }): string[] {
  const v = holder[key];
  if (v === undefined && opts.optional) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
    ctx.error(`"${key}" must be a list of non-empty strings`, ctx.at(holder, key), rule);
    return [];
  }
  if (opts.nonEmpty && v.length === 0) ctx.error(`"${key}" needs at least one entry`, ctx.at(holder, key), rule);
  return v as string[];
}

/** Check every pattern of a list, mapping a pattern's own error offset to the file. */
function checkPatterns(ctx: Context, list: string[], rule: string | undefined): (Position | undefined)[] {
  const listPos = list as unknown as object;
  return list.map((pattern, index) => {
    const where = ctx.at(listPos, index);
    const result = parsePattern(pattern);
    if (!result.ok) {
      const pos = where && ctx.text ? positionInString(ctx.text, where, result.error.offset) : undefined;
      ctx.error(`${result.error.message} in pattern "${pattern}"`, pos ?? { offset: 0, line: 1, column: result.error.offset + 1 }, rule);
    }
    return where;
  });
}

export function validatePack(value: unknown, name: string, ctx: Context = new Context(name)): ParseResult<Pack> {
  if (!isRecord(value)) {
    ctx.error('a pack is a JSON object with "language", "category" and "rules"');
    return { value: undefined, errors: ctx.errors };
  }
  checkKeys(ctx, value, PACK_KEYS, 'a pack');
  const { language, category, rules } = value;
  if (typeof language !== 'string' || !LANGUAGE.test(language)) ctx.error('"language" must be a language code such as "en"', ctx.at(value, 'language'));
  if (typeof category !== 'string' || !CATEGORY.test(category)) ctx.error('"category" must be a lower-case id such as "secrecy"', ctx.at(value, 'category'));
  const fromPath = /(?:^|[\\/])([a-z]{2,3})[\\/]([a-z-]+)\.json$/.exec(name);
  if (fromPath && typeof language === 'string' && language !== fromPath[1]) ctx.error(`"language" is "${language}" but the pack is in folder "${fromPath[1]}"`, ctx.at(value, 'language'));
  if (fromPath && typeof category === 'string' && category !== fromPath[2]) ctx.error(`"category" is "${category}" but the file is "${fromPath[2]}.json"`, ctx.at(value, 'category'));
  if (!Array.isArray(rules) || rules.length === 0) {
    ctx.error('"rules" must be a non-empty list', ctx.at(value, 'rules'));
    return { value: undefined, errors: ctx.errors };
  }

  const out: RuleSource[] = [];
  const seen = new Set<string>();
  let previousId = '';
  rules.forEach((raw, index) => {
    const where = ctx.at(rules, index);
    if (!isRecord(raw)) {
      ctx.error('a rule is a JSON object', where);
      return;
    }
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    const ruleName = id ?? `#${index + 1}`;
    checkKeys(ctx, raw, RULE_KEYS, 'a rule', ruleName);
    if (id === undefined) ctx.error('"id" is missing', where, ruleName);
    else {
      const [prefix, slug, ...rest] = id.split('.');
      if (prefix !== category || slug === undefined || !SLUG.test(slug) || rest.length > 0) {
        ctx.error(`"id" must be "${String(category)}.<lower-case-slug>"`, ctx.at(raw, 'id'), ruleName);
      }
      if (seen.has(id)) ctx.error('duplicate rule id', ctx.at(raw, 'id'), ruleName);
      if (id < previousId) ctx.error(`rules must be sorted by id: "${id}" comes before "${previousId}"`, ctx.at(raw, 'id'), ruleName);
      seen.add(id);
      previousId = id;
    }
    const severity = raw.severity;
    if (!SEVERITIES.includes(severity as never)) ctx.error(`"severity" must be one of ${SEVERITIES.join(', ')}`, ctx.at(raw, 'severity') ?? where, ruleName);
    const direction = raw.direction;
    if (!RULE_DIRECTIONS.includes(direction as never)) ctx.error(`"direction" must be one of ${RULE_DIRECTIONS.join(', ')}`, ctx.at(raw, 'direction') ?? where, ruleName);
    const patterns = stringArray(ctx, raw, 'patterns', ruleName, { nonEmpty: true });
    const except = stringArray(ctx, raw, 'except', ruleName, { optional: true });
    const patternAt = checkPatterns(ctx, patterns, ruleName);
    const exceptAt = checkPatterns(ctx, except, ruleName);
    const examples = raw.examples;
    let match: string[] = [];
    let noMatch: string[] = [];
    if (!isRecord(examples)) ctx.error('"examples" must be an object with "match" and "noMatch"', ctx.at(raw, 'examples') ?? where, ruleName);
    else {
      checkKeys(ctx, examples, ['match', 'noMatch'], '"examples"', ruleName);
      match = stringArray(ctx, examples, 'match', ruleName, { nonEmpty: true });
      noMatch = stringArray(ctx, examples, 'noMatch', ruleName, { nonEmpty: true });
    }
    if (typeof raw.source !== 'string' || raw.source.trim().length < 3) ctx.error('"source" must say where this warning sign is described', ctx.at(raw, 'source') ?? where, ruleName);
    if (id === undefined) return;
    const rule: RuleSource = {
      id,
      severity: severity as RuleSource['severity'],
      direction: direction as RuleSource['direction'],
      patterns,
      except,
      examples: { match, noMatch },
      source: String(raw.source),
    };
    if (ctx.text) patternPositions.set(rule, { text: ctx.text, at: [...patternAt, ...exceptAt] });
    out.push(rule);
  });

  if (ctx.errors.length > 0) return { value: undefined, errors: ctx.errors };
  return { value: { name, language: language as string, category: category as string, rules: out }, errors: [] };
}

export function validateLexicons(value: unknown, name: string, ctx: Context = new Context(name)): ParseResult<LexiconFile> {
  if (!isRecord(value)) {
    ctx.error('a lexicon file is a JSON object with "language" and "lexicons"');
    return { value: undefined, errors: ctx.errors };
  }
  checkKeys(ctx, value, LEXICON_FILE_KEYS, 'a lexicon file');
  const { language, lexicons } = value;
  if (typeof language !== 'string' || !LANGUAGE.test(language)) ctx.error('"language" must be a language code such as "en"', ctx.at(value, 'language'));
  if (!isRecord(lexicons)) {
    ctx.error('"lexicons" must be an object of named word lists', ctx.at(value, 'lexicons'));
    return { value: undefined, errors: ctx.errors };
  }
  const out: Record<string, string[]> = {};
  let previous = '';
  for (const [key, entries] of Object.entries(lexicons)) {
    const where = ctx.at(lexicons, key);
    if (!LEXICON_NAME.test(key)) ctx.error(`"${key}" is not a lexicon name (lower-case letters, digits, "-")`, where);
    if (key < previous) ctx.error(`lexicons must be sorted by name: "${key}" comes before "${previous}"`, where);
    previous = key;
    const list = stringArray(ctx, lexicons, key, undefined, { nonEmpty: true });
    const at = checkPatterns(ctx, list, `{${key}}`);
    if (ctx.text) patternPositions.set(list, { text: ctx.text, at });
    out[key] = list;
  }
  if (ctx.errors.length > 0) return { value: undefined, errors: ctx.errors };
  return { value: { name, language: language as string, lexicons: out }, errors: [] };
}

/**
 * Position in its file of character `offset` of pattern number `index` of a rule (patterns first,
 * then exceptions) or of a lexicon's entry list; falls back to the pattern's own column.
 */
export function locatePattern(owner: object, index: number, offset: number): { line: number; column: number } {
  const info = patternPositions.get(owner);
  const start = info?.at[index];
  if (info && start && typeof start === 'object') return positionInString(info.text, start, offset);
  return { line: 1, column: offset + 1 };
}
