/**
 * The rule packs that ship inside the extension. The build compiles them and writes the encoded
 * matcher into the package (shippedMatcherFile, rules/shipped-matcher.ts), which the background
 * hands to each content script (`get-matcher`). The files are listed in rules/packs/index.ts (a
 * test checks the list matches the folder) and were checked with full positions at build time, so
 * errors here mean a broken build.
 */
import { compileRules, encodeMatcher, validateLexicons, validatePack, type LexiconFile, type Matcher, type Pack, type RuleError, type RuleSource } from './engine';
import type { CompileResult } from './engine/compile';
import { bundledLexiconFiles, bundledPackFiles } from './packs';

/** Packs and lexicons, as plain data that can travel in a runtime message. */
export interface RuleSet {
  packs: Pack[];
  lexicons: LexiconFile[];
}

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

/**
 * The packs as the extension ships them, compiled (shippedMatcherFile). The build has validated
 * these very files with the parser first (the build:before hook in wxt.config.ts), so this trusts
 * their shape; compiling still parses every pattern and reports any error.
 */
export function shippedRules(): RuleSet {
  const lexicons = Object.entries(bundledLexiconFiles).map(([name, value]) => ({ name, ...(value as Omit<LexiconFile, 'name'>) }));
  const packs = Object.entries(bundledPackFiles).map(([name, value]) => {
    const v = value as { language: string; category: string; rules: Partial<RuleSource>[] };
    return {
      name,
      language: v.language,
      category: v.category,
      rules: v.rules.map((r) => ({ ...r, except: r.except ?? [], examples: r.examples ?? { match: [], noMatch: [] }, source: r.source ?? '' }) as RuleSource),
    };
  });
  return { packs, lexicons };
}

/**
 * The text of the package's compiled matcher (SHIPPED_MATCHER_PATH): the shipped packs compiled
 * and encoded for a runtime message (engine/wire.ts). The build writes it; tests read it too.
 */
export function shippedMatcherFile(): string {
  return JSON.stringify(encodeMatcher(compileRuleSet(shippedRules())));
}

/** Compile a rule set; a rule set that doesn't compile is a broken build, so this throws. */
export function compileRuleSet({ packs, lexicons }: RuleSet): Matcher {
  return checked(compileRules(packs, lexicons));
}

function checked(compiled: CompileResult): Matcher {
  if (compiled.errors.length > 0) throw new Error(`rules are invalid: ${compiled.errors.map((e) => `${e.pack} ${e.rule ?? ''} ${e.message}`).join('; ')}`);
  return compiled.matcher;
}

