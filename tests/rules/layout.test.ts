/** The bundled list of packs matches the folder, and the bundled rules compile cleanly. */
import { describe, expect, it } from 'vitest';
import { formatError } from '../../rules/engine';
import { bundledLexiconFiles, bundledPackFiles } from '../../rules/packs';
import { compileRuleSet, loadBundled, shippedRules } from '../../rules/bundled';
import { compileFromDisk } from '../../rules/node/load-packs';

describe('pack layout', () => {
  const disk = compileFromDisk();

  it('every pack on disk parses and compiles without errors', () => {
    expect(disk.errors.map(formatError)).toEqual([]);
    expect(disk.packs.length).toBeGreaterThanOrEqual(4);
  });

  it('rules/packs/index.ts lists exactly the files in the folder', () => {
    expect([...Object.keys(bundledPackFiles), ...Object.keys(bundledLexiconFiles)].sort()).toEqual([...disk.files].sort());
  });

  it('the bundled packs validate like the files on disk', () => {
    const bundled = loadBundled();
    expect(bundled.errors).toEqual([]);
    expect(bundled.packs.map((p) => p.rules.map((r) => r.id))).toEqual(disk.packs.map((p) => p.rules.map((r) => r.id)));
    expect(compileRuleSet(shippedRules()).rules.length).toBe(disk.matcher.rules.length);
  });

  it('the starter pack covers the four required categories', () => {
    const categories = new Set(disk.packs.map((p) => p.category));
    for (const c of ['secrecy', 'pictures', 'platform-move', 'threats']) expect(categories).toContain(c);
  });
});
