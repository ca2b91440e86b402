/**
 * The engine is pure TypeScript: no DOM, browser, Preact, Dexie or Node import, so the same code
 * runs in the content script, the background, Node tools and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../rules');
const PURE = ['engine', 'risk.ts', 'shipped-matcher.ts', 'help'];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (path.endsWith('.ts')) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(full, f));
}

describe('rule engine purity', () => {
  const all = PURE.flatMap(files);
  it('covers the engine files', () => {
    expect(all.length).toBeGreaterThan(5);
  });
  it.each(all)('%s imports only relative modules', (file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of specifiers) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\//);
    expect(source).not.toMatch(/\b(document|window|chrome|browser|indexedDB|localStorage|navigator)\./);
  });
});
