/**
 * The rule packs that ship inside the extension, validated and compiled once per script. The files
 * themselves are listed in rules/packs/index.ts (a test checks the list matches the folder) and were
 * checked with full positions at build time, so errors here mean a broken build.
 */
import { compileRules, validateLexicons, validatePack, type LexiconFile, type Matcher, type Pack, type RuleError } from './engine';
import { bundledLexiconFiles, bundledPackFiles } from './packs';

export interface Bundled {
  packs: Pack[];
  lexicons: LexiconFile[];
  errors: RuleError[];
}

export function loadBundled(): Bundled {
  const out: Bundled = { packs: [], lexicons: [], errors: [] };
  for (const [name, value] of Object.entries(bundledLexiconFiles)) {
    const r = validateLexicons(value, name);
    out.errors.push(...r.errors);
    if (r.value) out.lexicons.push(r.value);
  }
  for (const [name, value] of Object.entries(bundledPackFiles)) {
    const r = validatePack(value, name);
    out.errors.push(...r.errors);
    if (r.value) out.packs.push(r.value);
  }
  return out;
}

let cached: Matcher | undefined;

/** The compiled bundled rules, built on first use. */
export function bundledMatcher(): Matcher {
  if (!cached) {
    const { packs, lexicons, errors } = loadBundled();
    const compiled = compileRules(packs, lexicons);
    const all = [...errors, ...compiled.errors];
    if (all.length > 0) throw new Error(`bundled rules are invalid: ${all.map((e) => `${e.pack} ${e.rule ?? ''} ${e.message}`).join('; ')}`);
    cached = compiled.matcher;
  }
  return cached;
}
