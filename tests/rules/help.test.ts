/** The help directory: every entry usable as a link, the schema agrees, regions resolve offline. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { HELP_DIRECTORY, UNKNOWN_REGION, helpFor, regionFromLocale } from '../../rules/help';

const HELP_DIR = new URL('../../rules/help/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, HELP_DIR), 'utf8'));
const entries = Object.entries(HELP_DIRECTORY.regions).flatMap(([region, r]) => r.resources.map((e) => ({ region, e })));
const REGIONS = ['US', 'GB', 'CA', 'AU', 'IE', 'NZ', 'ES', 'MX'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Country calling codes of the regions above, which an href may add before the number shown. */
const COUNTRY_CODES = ['1', '44', '61', '353', '64', '34', '52'];

/** The number shown is the number dialled: same digits, ignoring spaces and dashes and a leading country code. */
function sameNumber(display: string, href: string): boolean {
  if (!/^\+?[0-9][0-9 -]*$/.test(display)) return false;
  const shown = display.replace(/[ -]/g, '').replace(/^\+/, '');
  const dialled = href.replace(/^(tel|sms):\+?/, '').replace(/\?.*$/, '');
  if (dialled === shown) return true;
  const national = shown.replace(/^0/, '');
  return COUNTRY_CODES.some((code) => dialled === code + shown || dialled === code + national);
}

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

  it('has every supported region and the fallback', () => {
    for (const region of REGIONS) expect(HELP_DIRECTORY.regions[region]?.resources.length, region).toBeGreaterThan(0);
    expect(HELP_DIRECTORY.fallback).toBe('INTL');
    expect(HELP_DIRECTORY.regions.INTL).toBeDefined();
  });

  it('the international fallback lists Child Helpline International and INHOPE', () => {
    const byId = new Map(HELP_DIRECTORY.regions.INTL!.resources.map((e) => [e.id, e]));
    expect(byId.get('intl-child-helplines')?.web?.href).toMatch(/^https:\/\/childhelplineinternational\.org\//);
    expect(byId.get('intl-inhope')?.web?.href).toBe('https://www.inhope.org');
  });

  it('has the required US entries', () => {
    const us = HELP_DIRECTORY.regions.US!.resources;
    const byId = new Map(us.map((e) => [e.id, e]));
    expect(byId.get('us-trafficking-hotline')?.name).toBe('National Human Trafficking Hotline');
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
    if (e.call) {
      expect(e.call.href).toMatch(/^tel:\+?[0-9]+$/);
      expect(sameNumber(e.call.display, e.call.href), `${e.call.display} vs ${e.call.href}`).toBe(true);
    }
    if (e.text) {
      expect(e.text.href).toMatch(/^sms:\+?[0-9]+/);
      expect(sameNumber(e.text.display, e.text.href), `${e.text.display} vs ${e.text.href}`).toBe(true);
    }
    if (e.web) {
      expect(e.web.href).toMatch(/^https:\/\//);
      expect(() => new URL(e.web!.href)).not.toThrow();
    }
    expect(e.languages.length).toBeGreaterThan(0);
    for (const language of e.languages) expect(language).toMatch(/^[a-z]{2}$/);
  });

  it.each(entries.map(({ e }) => [e.id, e] as const))('%s says where it comes from and when', (_id, e) => {
    expect(e.recorded).toMatch(DATE);
    expect(Number.isNaN(Date.parse(e.recorded))).toBe(false);
    expect(e.source).toMatch(/^https:\/\/\S+$/);
    expect(new URL(e.source).protocol).toBe('https:');
    // verified is null until a person checks the entry against the source; never before it was recorded.
    if (e.verified !== null) {
      expect(e.verified).toMatch(DATE);
      expect(e.verified >= e.recorded).toBe(true);
    }
  });
});

describe('helpFor', () => {
  const fallbackIds = HELP_DIRECTORY.regions[HELP_DIRECTORY.fallback]!.resources.map((e) => e.id);

  it("gives the region's entries, then the international fallback", () => {
    const ids = helpFor('US', 'en').map((r) => r.id);
    expect(ids.slice(0, -fallbackIds.length)).toEqual(HELP_DIRECTORY.regions.US!.resources.map((e) => e.id));
    expect(ids.slice(-fallbackIds.length)).toEqual(fallbackIds);
  });

  it.each(REGIONS.flatMap((region) => (['en', 'es'] as const).map((lang) => [region, lang] as const)))(
    '%s in %s: own entries, then the international ones, in that language',
    (region, lang) => {
      const expected = [...HELP_DIRECTORY.regions[region]!.resources, ...HELP_DIRECTORY.regions.INTL!.resources];
      const got = helpFor(region, lang);
      expect(got.map((r) => r.id)).toEqual(expected.map((e) => e.id));
      got.forEach((r, i) => {
        const e = expected[i]!;
        expect(r.purpose).toBe(e.purpose[lang]);
        expect(r.hours).toBe(e.hours?.[lang]);
        expect(r.name).toBe(e.name);
      });
      expect(Object.keys(got[0]!).every((k) => ['id', 'name', 'purpose', 'call', 'text', 'web', 'hours'].includes(k))).toBe(true);
    },
  );

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
    ['en-IE', undefined, 'IE'],
    ['ga-IE', undefined, 'IE'],
    ['en-NZ', undefined, 'NZ'],
    ['mi-NZ', undefined, 'NZ'],
    ['es-ES', undefined, 'ES'],
    ['en', 'Europe/Dublin', 'IE'],
    ['en', 'Pacific/Auckland', 'NZ'],
    ['en', 'Pacific/Chatham', 'NZ'],
    ['es', 'America/Mexico_City', 'MX'],
    ['es', 'America/Tijuana', 'MX'],
    ['es', 'America/Cancun', 'MX'],
    ['es-419', undefined, UNKNOWN_REGION],
    ['en', undefined, UNKNOWN_REGION],
    ['en', 'Asia/Tokyo', UNKNOWN_REGION],
    ['', undefined, UNKNOWN_REGION],
  ] as const)('%s with time zone %s -> %s', (locale, zone, region) => {
    expect(regionFromLocale(locale, zone)).toBe(region);
  });

  it('asks for the time zone only when the locale names no region', () => {
    let asked = 0;
    const zone = () => {
      asked++;
      return 'Europe/London';
    };
    expect(regionFromLocale('es-MX', zone)).toBe('MX');
    expect(asked).toBe(0);
    expect(regionFromLocale('en', zone)).toBe('GB');
    expect(asked).toBe(1);
  });
});
