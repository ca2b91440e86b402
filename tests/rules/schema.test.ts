/**
 * Every pack and lexicon file validates against its JSON Schema, sits in the right place, is
 * sorted, and is written exactly as JSON.stringify(value, null, 2) + "\n" would write it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';

const RULES = join(import.meta.dirname, '../../rules');
const PACKS = join(RULES, 'packs');
const LEXICON_FILE = 'lexicons.json';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validatePack = ajv.compile(readJson(join(RULES, 'schema/pack.schema.json')) as object);
const validateLexicons = ajv.compile(readJson(join(RULES, 'schema/lexicons.schema.json')) as object);

const files = readdirSync(PACKS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(PACKS, d.name)).filter((f) => f.endsWith('.json')).map((f) => ({ language: d.name, file: f })))
  .map(({ language, file }) => ({ name: `${language}/${file}`, language, file, path: join(PACKS, language, file) }));
const packFiles = files.filter((f) => f.file !== LEXICON_FILE);
const lexiconFiles = files.filter((f) => f.file === LEXICON_FILE);

interface PackJson {
  language: string;
  category: string;
  rules: { id: string }[];
}
interface LexiconJson {
  language: string;
  lexicons: Record<string, string[]>;
}

describe('rule files on disk', () => {
  it('there are packs and lexicons to check', () => {
    expect(packFiles.length).toBeGreaterThanOrEqual(5);
    expect(lexiconFiles.length).toBeGreaterThanOrEqual(1);
  });

  it.each(files.map((f) => [f.name, f.path] as const))('%s round-trips to the same text', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(JSON.stringify(JSON.parse(text), null, 2) + '\n').toBe(text);
  });
});

describe('pack files', () => {
  it.each(packFiles.map((f) => [f.name, f] as const))('%s validates against pack.schema.json', (_name, f) => {
    const pack = readJson(f.path);
    const ok = validatePack(pack);
    expect(validatePack.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(packFiles.map((f) => [f.name, f] as const))('%s: category = file name, language = folder, ids sorted', (_name, f) => {
    const pack = readJson(f.path) as PackJson;
    expect(pack.category).toBe(f.file.replace(/\.json$/, ''));
    expect(pack.language).toBe(f.language);
    const ids = pack.rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) expect(id.startsWith(`${pack.category}.`), id).toBe(true);
  });

  it('rule ids are unique over all packs', () => {
    const ids = packFiles.flatMap((f) => (readJson(f.path) as PackJson).rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the schema rejects what the parser rejects: unknown keys, bad enums, bad ids', () => {
    const good = readJson(packFiles[0]!.path) as PackJson;
    const rule = good.rules[0]!;
    const variants: unknown[] = [
      { ...good, $schema: 'x' },
      { ...good, rules: [] },
      { ...good, rules: [{ ...rule, severity: 'critical' }] },
      { ...good, rules: [{ ...rule, direction: 'both' }] },
      { ...good, rules: [{ ...rule, id: 'NoDot' }] },
      { ...good, rules: [{ ...rule, extra: true }] },
      { ...good, rules: [{ ...rule, examples: { match: ['x'] } }] },
    ];
    for (const v of variants) expect(validatePack(v), JSON.stringify(v).slice(0, 80)).toBe(false);
  });
});

describe('lexicon files', () => {
  it.each(lexiconFiles.map((f) => [f.name, f] as const))('%s validates against lexicons.schema.json', (_name, f) => {
    const lexicons = readJson(f.path);
    const ok = validateLexicons(lexicons);
    expect(validateLexicons.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(lexiconFiles.map((f) => [f.name, f] as const))('%s: language = folder, names sorted', (_name, f) => {
    const file = readJson(f.path) as LexiconJson;
    expect(file.language).toBe(f.language);
    const names = Object.keys(file.lexicons);
    expect(names).toEqual([...names].sort());
  });
});
