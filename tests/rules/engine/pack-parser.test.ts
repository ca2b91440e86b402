import { describe, expect, it } from 'vitest';
import { formatError, parseLexiconText, parsePackText, validatePack } from '../../../rules/engine';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'secrecy.a',
  severity: 'high',
  direction: 'incoming',
  patterns: ['our secret'],
  except: [],
  examples: { match: ['its our secret'], noMatch: ['no secrets'] },
  source: 'NSPCC',
  ...over,
});
const pack = (rules: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ language: 'en', category: 'secrecy', rules, ...over }, null, 2) + '\n';

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function where(text: string, needle: string, extra = 0) {
  const offset = text.indexOf(needle) + extra;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('parsePackText', () => {
  it('accepts a valid pack', () => {
    const r = parsePackText(pack([rule()]), 'en/secrecy.json');
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ name: 'en/secrecy.json', language: 'en', category: 'secrecy', rules: [{ id: 'secrecy.a' }] });
  });

  it('points at the line and column of an error inside a pattern', () => {
    const text = pack([rule(), rule({ id: 'secrecy.b', patterns: ['fine', 'dont (tell'] })]);
    const r = parsePackText(text, 'en/secrecy.json');
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e).toMatchObject({ pack: 'en/secrecy.json', rule: 'secrecy.b', ...where(text, '"dont (tell"', 6) });
    expect(formatError(e)).toMatch(/^en\/secrecy\.json:\d+:\d+: rule secrecy\.b: "\(" is never closed/);
  });

  it('maps pattern columns past escapes', () => {
    const text = pack([rule({ patterns: ['say \\"hi\\" {Bad}'] })]);
    const r = parsePackText(text, 'en/secrecy.json');
    expect(r.errors[0]).toMatchObject(where(text, '{Bad}', 1));
  });

  it('reports JSON syntax errors with their position', () => {
    const r = parsePackText('{\n  "language": "en",\n  "category": oops\n}', 'en/secrecy.json');
    expect(r.errors[0]).toMatchObject({ line: 3, column: 15, message: expect.stringContaining('unexpected') });
    expect(parsePackText('{"a": 1, "a": 2}', 'x').errors[0]!.message).toContain('duplicate');
  });

  it('checks fields, enums, ids, order and the file name', () => {
    const text = pack([
      rule({ id: 'secrecy.b', severity: 'huge' }),
      rule({ id: 'secrecy.a', direction: 'sideways', colour: 'red' }),
      rule({ id: 'pictures.c', examples: { match: [] , noMatch: ['x'] }, source: '' }),
    ]);
    const messages = parsePackText(text, 'en/secrecy.json').errors.map((e) => `${e.rule}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/secrecy\.b: "severity" must be one of/),
        expect.stringMatching(/secrecy\.a: "direction" must be one of/),
        expect.stringMatching(/secrecy\.a: unknown field "colour"/),
        expect.stringMatching(/secrecy\.a: rules must be sorted by id/),
        expect.stringMatching(/pictures\.c: "id" must be "secrecy\.<lower-case-slug>"/),
        expect.stringMatching(/pictures\.c: "match" needs at least one entry/),
        expect.stringMatching(/pictures\.c: "source" must say/),
      ]),
    );
    expect(parsePackText(pack([rule()]), 'es/secrecy.json').errors[0]!.message).toContain('folder "es"');
    expect(parsePackText(pack([rule()]), 'en/threats.json').errors[0]!.message).toContain('"threats.json"');
  });

  it('validates already-parsed values the same way, without positions', () => {
    const r = validatePack({ language: 'en', category: 'secrecy', rules: [rule({ patterns: ['(a'] })] }, 'en/secrecy.json');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ rule: 'secrecy.a', line: 1, column: 1 });
  });
});

describe('parseLexiconText', () => {
  it('accepts lexicons and reports bad entries with positions', () => {
    expect(parseLexiconText('{"language": "en", "lexicons": {"a": ["x"], "b": ["y z", "(w | v)"]}}', 'en/lexicons.json').errors).toEqual([]);
    const text = '{\n  "language": "en",\n  "lexicons": {\n    "parent": ["mom", "(dad"]\n  }\n}\n';
    const r = parseLexiconText(text, 'en/lexicons.json');
    expect(r.errors[0]).toMatchObject({ rule: '{parent}', ...where(text, '(dad') });
    expect(parseLexiconText('{"language": "en", "lexicons": {"b": ["x"], "a": ["y"]}}', 'l').errors[0]!.message).toContain('sorted');
  });
});
