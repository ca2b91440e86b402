/**
 * The help directory: which help lines to show for a region, in the reader's language.
 * Pure TypeScript and data (no browser API, no network): the panel renders what this returns.
 * The data lives in resources.json, described by resources.schema.json.
 */
import directory from './resources.json';

export type HelpLanguage = 'en' | 'es';

/** One help line as the panel shows it, already in the reader's language. */
export interface HelpResource {
  id: string;
  name: string;
  purpose: string;
  call?: { display: string; href: string };
  /** `body` is the keyword to send (for example HELP); the href carries only the number. */
  text?: { display: string; href: string; body?: string };
  web?: { display: string; href: string };
  hours?: string;
}

type Localized = Record<HelpLanguage, string>;

/** An entry of resources.json. */
export interface HelpEntry {
  id: string;
  name: string;
  purpose: Localized;
  call?: { display: string; href: string };
  text?: { display: string; href: string; body?: string };
  web?: { display: string; href: string };
  languages: string[];
  hours?: Localized;
  /** Date (YYYY-MM-DD) the entry was written into the directory. */
  recorded: string;
  /** Date (YYYY-MM-DD) a person last checked the entry against the organisation's page or by calling; null if never. */
  verified: string | null;
  /** https URL of the organisation's page where the number is published. */
  source: string;
}

export interface HelpDirectory {
  fallback: string;
  regions: Record<string, { name: Localized; resources: HelpEntry[] }>;
}

export const HELP_DIRECTORY: HelpDirectory = directory as HelpDirectory;

/** Region code returned when neither the locale nor the time zone names a country (CLDR's "unknown"). */
export const UNKNOWN_REGION = 'ZZ';

/**
 * Territories served by another region's help lines. US hotlines (NCMEC, 988, Childhelp) also
 * cover Puerto Rico, Guam and the other US territories, which have their own ISO codes.
 */
const SERVED_BY: Readonly<Record<string, string>> = {
  PR: 'US',
  GU: 'US',
  VI: 'US',
  AS: 'US',
  MP: 'US',
  UM: 'US',
  UK: 'GB',
};

/** Help lines for a region, then the international fallback; an unknown region gets the fallback only. */
export function helpFor(region: string, lang: HelpLanguage): HelpResource[] {
  const code = region.trim().toUpperCase();
  const key = SERVED_BY[code] ?? code;
  const { fallback, regions } = HELP_DIRECTORY;
  const own = key !== fallback ? (regions[key]?.resources ?? []) : [];
  return [...own, ...(regions[fallback]?.resources ?? [])].map((entry) => localize(entry, lang));
}

function localize(entry: HelpEntry, lang: HelpLanguage): HelpResource {
  const out: HelpResource = { id: entry.id, name: entry.name, purpose: entry.purpose[lang] };
  if (entry.call) out.call = { ...entry.call };
  if (entry.text) out.text = { ...entry.text };
  if (entry.web) out.web = { ...entry.web };
  if (entry.hours) out.hours = entry.hours[lang];
  return out;
}

/**
 * Time zones that name one country, for locales without a region ("en"). Only countries with
 * help lines, plus the US zones most browsers report; anything else stays unknown.
 */
const ZONE_REGION: Readonly<Record<string, string>> = {
  'Europe/London': 'GB',
  'Europe/Belfast': 'GB',
  'Europe/Dublin': 'IE',
  Eire: 'IE',
  'Pacific/Auckland': 'NZ',
  'Pacific/Chatham': 'NZ',
  NZ: 'NZ',
  'NZ-CHAT': 'NZ',
  'Europe/Madrid': 'ES',
  'Africa/Ceuta': 'ES',
  'Atlantic/Canary': 'ES',
  'America/Mexico_City': 'MX',
  'America/Monterrey': 'MX',
  'America/Merida': 'MX',
  'America/Cancun': 'MX',
  'America/Tijuana': 'MX',
  'America/Hermosillo': 'MX',
  'America/Mazatlan': 'MX',
  'America/Chihuahua': 'MX',
  'America/Matamoros': 'MX',
  'America/Bahia_Banderas': 'MX',
  'America/Ojinaga': 'MX',
  'America/Ciudad_Juarez': 'MX',
  'Mexico/General': 'MX',
  'Mexico/BajaNorte': 'MX',
  'Mexico/BajaSur': 'MX',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Edmonton': 'CA',
  'America/Winnipeg': 'CA',
  'America/Halifax': 'CA',
  'America/St_Johns': 'CA',
  'America/Regina': 'CA',
  'America/Moncton': 'CA',
  'America/Montreal': 'CA',
  'America/Whitehorse': 'CA',
  'America/Yellowknife': 'CA',
  'America/Iqaluit': 'CA',
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Phoenix': 'US',
  'America/Los_Angeles': 'US',
  'America/Anchorage': 'US',
  'America/Juneau': 'US',
  'America/Adak': 'US',
  'America/Boise': 'US',
  'America/Detroit': 'US',
  'Pacific/Honolulu': 'US',
  'US/Eastern': 'US',
  'US/Central': 'US',
  'US/Mountain': 'US',
  'US/Pacific': 'US',
  'US/Alaska': 'US',
  'US/Hawaii': 'US',
  'America/Puerto_Rico': 'PR',
};

/** Zone prefixes that name one country (America/Indiana/Indianapolis, Australia/Sydney). */
const ZONE_PREFIX_REGION: readonly (readonly [string, string])[] = [
  ['America/Indiana/', 'US'],
  ['America/Kentucky/', 'US'],
  ['America/North_Dakota/', 'US'],
  ['Australia/', 'AU'],
  ['Canada/', 'CA'],
];

/**
 * The reader's region from the browser's locale ("en-US" -> "US", "es-MX" -> "MX"), or, when the
 * locale names none ("en"), from the time zone ("Europe/London" -> "GB"). Never uses the network.
 * Returns UNKNOWN_REGION ("ZZ") when neither says. The time zone may be given as a function, asked
 * only when the locale names no region: the first Intl.DateTimeFormat in a process costs 50-100 ms
 * (loading ICU's time-zone data, measured in Chromium).
 */
export function regionFromLocale(locale: string, timeZone?: string | (() => string | undefined)): string {
  const fromLocale = regionSubtag(locale);
  if (fromLocale) return fromLocale === 'UK' ? 'GB' : fromLocale;
  const givenZone = typeof timeZone === 'function' ? timeZone() : timeZone;
  if (givenZone) {
    const zone = givenZone.trim();
    const exact = ZONE_REGION[zone];
    if (exact) return exact;
    for (const [prefix, region] of ZONE_PREFIX_REGION) if (zone.startsWith(prefix)) return region;
  }
  return UNKNOWN_REGION;
}

/** The two-letter region subtag of a BCP 47 tag (also accepts "en_GB"); numeric areas (419) are not countries. */
function regionSubtag(locale: string): string | undefined {
  const parts = locale.trim().split(/[-_]/);
  // Subtags after the language: optional 4-letter script, then the region. Stop at extensions (-u-, -x-).
  for (const part of parts.slice(1)) {
    if (part.length === 1) break;
    if (/^[A-Za-z]{2}$/.test(part)) return part.toUpperCase();
  }
  return undefined;
}
