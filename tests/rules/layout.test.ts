/** The packs on disk compile cleanly, and the build ships exactly them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../rules/engine';
import { decodeMatcher, type WireMatcher } from '../../rules/engine';
import { compileFromDisk } from '../../rules/node/load-packs';
import { shippedMatcherText } from '../../rules/node/shipped-matcher';

describe('pack layout', () => {
  const disk = compileFromDisk();

  it('every pack on disk parses and compiles without errors', () => {
    expect(disk.errors.map(formatError)).toEqual([]);
    expect(disk.packs.length).toBeGreaterThanOrEqual(4);
  });

  it('the package file holds exactly the packs on disk, compiled', () => {
    expect(decodeMatcher(JSON.parse(shippedMatcherText()) as WireMatcher)).toEqual(disk.matcher);
  });

  it('a pack that does not compile fails the build with its position', () => {
    const broken = mkdtempSync(join(tmpdir(), 'heads-up-packs-'));
    mkdirSync(join(broken, 'en'));
    writeFileSync(join(broken, 'en', 'secrecy.json'), '{ "language": "en", "category": "secrecy", "rules": [ }');
    expect(() => shippedMatcherText(broken)).toThrow(/Rule packs have errors:\n.*en\/secrecy\.json:1:/);
    rmSync(broken, { recursive: true });
  });

  it('the starter pack covers the four required categories', () => {
    const categories = new Set(disk.packs.map((p) => p.category));
    for (const c of ['secrecy', 'pictures', 'platform-move', 'threats']) expect(categories).toContain(c);
  });
});
