/** The help directory: every entry usable as a link, the schema agrees, regions resolve offline. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { HELP_DIRECTORY, UNKNOWN_REGION, helpFor, regionFromLocale } from '../../rules/help';

const HELP_DIR = new URL('../../rules/help/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, HELP_DIR), 'utf8'));
const entries = Object.entries(HELP_DIRECTORY.regions).flatMap(([region, r]) => r.resources.map((e) => ({ region, e })));

describe('help directory data', () => {
  it('validates against resources.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    const validate = ajv.compile(readJson('resources.schema.json') as object);
    const ok = validate(readJson('resources.json'));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('round-trips to the same text (2-space JSON, trailing newline)', () => {
    const text = readFileSync(new URL('resources.json', HELP_DIR), 'utf8');
    expect(JSON.stringify(JSON.parse(text), null, 2) + '\n').toBe(text);
  });

  it('has the fallback region and the required US entries', () => {
    expect(HELP_DIRECTORY.regions[HELP_DIRECTORY.fallback]).toBeDefined();
    const us = HELP_DIRECTORY.regions.US!.resources;
    const byId = new Map(us.map((e) => [e.id, e]));
    expect(byId.get('us-trafficking-hotline')?.call?.href).toBe('tel:+18883737888');
    expect(byId.get('us-trafficking-hotline')?.text?.href).toBe('sms:233733');
    expect(byId.get('us-trafficking-hotline')?.web?.href).toBe('https://humantraffickinghotline.org');
    expect(byId.get('us-cybertipline')?.call?.href).toBe('tel:+18008435678');
    expect(byId.get('us-cybertipline')?.web?.href).toBe('https://report.cybertip.org');
    expect(byId.get('us-take-it-down')?.web?.href).toBe('https://takeitdown.ncmec.org');
    expect(byId.get('us-childhelp')?.call?.href).toBe('tel:+18004224453');
    expect(byId.get('us-988')?.call?.href).toBe('tel:988');
    expect(byId.get('us-988')?.text?.href).toBe('sms:988');
  });

  it('ids are unique and start with their region', () => {
    const ids = entries.map(({ e }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { region, e } of entries) expect(e.id.startsWith(`${region.toLowerCase()}-`), e.id).toBe(true);
  });

  it.each(entries.map(({ e }) => [e.id, e] as const))('%s has what the panel needs', (_id, e) => {
    expect(e.name.trim()).not.toBe('');
    expect(e.purpose.en.trim()).not.toBe('');
    expect(e.purpose.es.trim()).not.toBe('');
    expect(e.call ?? e.text ?? e.web, 'a way to reach it').toBeDefined();
    if (e.call) expect(e.call.href).toMatch(/^tel:\+?[0-9]+$/);
    if (e.text) expect(e.text.href).toMatch(/^sms:\+?[0-9]+/);
    if (e.web) {
      expect(e.web.href).toMatch(/^https:\/\//);
      expect(() => new URL(e.web!.href)).not.toThrow();
    }
    for (const link of [e.call, e.text]) {
      // The number shown is the number dialled (ignoring country code and punctuation).
      if (link) expect(link.href.replace(/\D/g, '')).toContain(link.display.replace(/\D/g, '').replace(/^0/, ''));
    }
    expect(e.languages.length).toBeGreaterThan(0);
    if (e.verified !== null) expect(e.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.source.trim().length).toBeGreaterThan(3);
  });
});

describe('helpFor', () => {
  const fallbackIds = HELP_DIRECTORY.regions[HELP_DIRECTORY.fallback]!.resources.map((e) => e.id);

  it("gives the region's entries, then the international fallback", () => {
    const ids = helpFor('US', 'en').map((r) => r.id);
    expect(ids.slice(0, -fallbackIds.length)).toEqual(HELP_DIRECTORY.regions.US!.resources.map((e) => e.id));
    expect(ids.slice(-fallbackIds.length)).toEqual(fallbackIds);
  });

  it('gives only the fallback for an unknown region', () => {
    expect(helpFor(UNKNOWN_REGION, 'en').map((r) => r.id)).toEqual(fallbackIds);
    expect(helpFor('', 'es').map((r) => r.id)).toEqual(fallbackIds);
    expect(helpFor(HELP_DIRECTORY.fallback, 'en').map((r) => r.id)).toEqual(fallbackIds);
  });

  it('accepts lower case and serves US territories with US lines', () => {
    expect(helpFor('us', 'en')[0]?.id).toBe(helpFor('US', 'en')[0]?.id);
    expect(helpFor('PR', 'es')[0]?.id).toMatch(/^us-/);
  });

  it('localises purpose and hours', () => {
    const en = helpFor('US', 'en').find((r) => r.id === 'us-988')!;
    const es = helpFor('US', 'es').find((r) => r.id === 'us-988')!;
    expect(es.purpose).not.toBe(en.purpose);
    expect(typeof es.hours).toBe('string');
    expect(es.call).toEqual(en.call);
  });
});

describe('regionFromLocale', () => {
  it.each([
    ['en-US', undefined, 'US'],
    ['es-MX', undefined, 'MX'],
    ['es-US', 'America/Los_Angeles', 'US'],
    ['en-GB', 'America/New_York', 'GB'],
    ['en_CA', undefined, 'CA'],
    ['zh-Hant-TW', undefined, 'TW'],
    ['en', 'Europe/London', 'GB'],
    ['en', 'America/Chicago', 'US'],
    ['en', 'America/Indiana/Indianapolis', 'US'],
    ['en', 'Australia/Sydney', 'AU'],
    ['es', 'Europe/Madrid', 'ES'],
    ['es-419', 'America/Mexico_City', 'MX'],
    ['es-419', undefined, UNKNOWN_REGION],
    ['en', undefined, UNKNOWN_REGION],
    ['en', 'Asia/Tokyo', UNKNOWN_REGION],
    ['', undefined, UNKNOWN_REGION],
  ] as const)('%s with time zone %s -> %s', (locale, zone, region) => {
    expect(regionFromLocale(locale, zone)).toBe(region);
  });
});
