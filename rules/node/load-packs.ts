/**
 * Loads rule packs and lexicons from disk with full error positions. Node only (fs): used by the
 * build (which compiles the packs the extension ships: shipped-matcher.ts), the tests and the
 * command-line tools.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRules, parseLexiconText, parsePackText, type LexiconFile, type Matcher, type Pack, type RuleError } from '../engine';

export const PACKS_DIR = fileURLToPath(new URL('../packs/', import.meta.url));
export const LEXICON_FILE = 'lexicons.json';

export interface LoadedPacks {
  packs: Pack[];
  lexicons: LexiconFile[];
  errors: RuleError[];
  /** Relative paths of every JSON file found, e.g. "en/secrecy.json". */
  files: string[];
}

export function loadPacksFromDisk(dir: string = PACKS_DIR): LoadedPacks {
  const out: LoadedPacks = { packs: [], lexicons: [], errors: [], files: [] };
  const languages = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const language of languages) {
    for (const file of readdirSync(join(dir, language)).filter((f) => f.endsWith('.json')).sort()) {
      const path = join(dir, language, file);
      const name = relative(dir, path).split('\\').join('/');
      out.files.push(name);
      const text = readFileSync(path, 'utf8');
      if (file === LEXICON_FILE) {
        const r = parseLexiconText(text, name);
        out.errors.push(...r.errors);
        if (r.value) out.lexicons.push(r.value);
      } else {
        const r = parsePackText(text, name);
        out.errors.push(...r.errors);
        if (r.value) out.packs.push(r.value);
      }
    }
  }
  return out;
}

/** Load and compile; compile errors (unknown lexicons, duplicate ids) join the parse errors. */
export function compileFromDisk(dir: string = PACKS_DIR): LoadedPacks & { matcher: Matcher } {
  const loaded = loadPacksFromDisk(dir);
  const { matcher, errors } = compileRules(loaded.packs, loaded.lexicons);
  return { ...loaded, errors: [...loaded.errors, ...errors], matcher };
}
