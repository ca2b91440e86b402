/**
 * The rule packs that ship inside the extension. The background compiles them once and hands the
 * compiled matcher to each content script (`get-matcher`, see shippedMatcherWire). The files are
 * listed in rules/packs/index.ts (a test checks the list matches the folder) and were checked with
 * full positions at build time, so errors here mean a broken build.
 */
import { compileRules, compileRulesInSlices, encodeMatcher, validateLexicons, validatePack, type LexiconFile, type Matcher, type Pack, type RuleError, type RuleSource, type Slicer, type WireMatcher } from './engine';
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
 * The packs as the extension ships them (the background compiles them). The build validated these
 * very files with the parser (the build:before hook in wxt.config.ts) and stripped what only
 * authors need (examples and sources, see stripPackDocs there), so this trusts their shape;
 * compiling still parses every pattern and reports any error.
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

let shippedWire: Promise<WireMatcher> | undefined;

/**
 * The shipped packs compiled once and encoded for a runtime message (engine/wire.ts): the
 * background answers each chat page's `get-matcher` with it, so no page compiles the packs. It
 * compiles in slices (see compileRuleSetInSlices) so that a background waking up still answers
 * the popup and other tabs in between.
 */
export function shippedMatcherWire(slicer: Slicer): Promise<WireMatcher> {
  shippedWire ??= compileRuleSetInSlices(shippedRules(), slicer).then(encodeMatcher);
  return shippedWire;
}

/** Compile a rule set; a rule set that doesn't compile is a broken build, so this throws. */
export function compileRuleSet({ packs, lexicons }: RuleSet): Matcher {
  return checked(compileRules(packs, lexicons));
}

/** compileRuleSet in slices with pauses between them (see compileRulesInSlices). */
export async function compileRuleSetInSlices({ packs, lexicons }: RuleSet, slicer: Slicer): Promise<Matcher> {
  return checked(await compileRulesInSlices(packs, lexicons, slicer));
}

function checked(compiled: CompileResult): Matcher {
  if (compiled.errors.length > 0) throw new Error(`rules are invalid: ${compiled.errors.map((e) => `${e.pack} ${e.rule ?? ''} ${e.message}`).join('; ')}`);
  return compiled.matcher;
}

