/**
 * The user's settings: shape, defaults and validation. Shared by the background (which stores
 * them) and the content script and popup (which read them through messages). No storage here.
 */
import type { Language } from '~/lib/i18n';

/** Who reads the panel: every category is explained for each, in every language. */
export type Audience = 'teen' | 'parent' | 'educator';
export const AUDIENCES: readonly Audience[] = ['teen', 'parent', 'educator'];

export interface Settings {
  /** Whether chats are watched at all. */
  enabled: boolean;
  /** Who reads the panel; wording is written for teens by default. */
  audience: Audience;
  language: 'auto' | Language;
  /** 'auto' (from the browser's locale and time zone) or a region code such as 'US'. */
  region: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  enabled: true,
  audience: 'teen',
  language: 'auto',
  region: 'auto',
};

/**
 * Keeps only known keys with valid values, so a bad message or an old stored value can never
 * put the extension in a state the UI does not expect.
 */
export function cleanSettings(input: unknown): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (typeof input !== 'object' || input === null) return out;
  const value = input as Record<string, unknown>;
  if (typeof value.enabled === 'boolean') out.enabled = value.enabled;
  if (AUDIENCES.includes(value.audience as Audience)) out.audience = value.audience as Audience;
  if (value.language === 'auto' || value.language === 'en' || value.language === 'es') out.language = value.language;
  if (typeof value.region === 'string' && /^(auto|[A-Z]{2})$/.test(value.region)) out.region = value.region;
  return out;
}
