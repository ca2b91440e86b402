/**
 * UI strings. Every visible string comes from public/_locales/<lang>/messages.json.
 * Components take a `Translate` function instead of calling browser.i18n themselves, so the
 * same component can run with the browser's own lookup, with a catalog for a language the user
 * chose in settings, or in a test with the real messages.json files.
 */
import { browser } from 'wxt/browser';
import type enMessages from '~/public/_locales/en/messages.json';
import type { Audience } from '~/lib/settings-schema';

export type MessageKey = keyof typeof enMessages;
export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** Looks up a key and fills its placeholders ($1, $2 … in order). */
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

/** The shape of one messages.json file (the WebExtension i18n format). */
export type Catalog = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

/** Uses the browser's lookup, which follows the browser's UI language. */
export function browserTranslate(key: MessageKey, substitutions?: string[]): string {
  // getMessage returns '' for an unknown key; showing the key makes the gap visible instead.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * A translator over a catalog, with the same placeholder rules as browser.i18n: named
 * `$NAME$` placeholders resolve to their `content`, which may refer to substitutions `$1`…`$9`.
 */
export function catalogTranslate(catalog: Catalog): Translate {
  return (key, substitutions = []) => {
    const entry = catalog[key];
    if (!entry) return key;
    const fill = (text: string) => text.replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    });
  };
}

/** The language to show: the user's choice, or the browser's UI language when 'auto'. */
export function resolveLanguage(setting: 'auto' | Language, uiLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return uiLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The parts of a category's explanation, one locale key each per audience. */
export type CategoryPart = 'title' | 'why' | 'todo';

/** Locale keys cannot contain '-': `platform-move` -> `platform_move`. */
const keyPart = (id: string) => id.replace(/-/g, '_');

/** `cat_<category>_<audience>_<part>`, e.g. `cat_platform_move_parent_why`. */
export function categoryKey(category: string, audience: Audience, part: CategoryPart): string {
  return `cat_${keyPart(category)}_${audience}_${part}`;
}

/** A short label for a category ("Secrets"), the same for every audience. */
export function categoryName(t: Translate, category: string): string {
  return lookup(t, `cat_${keyPart(category)}_name`, 'cat_other_name');
}

export function categoryText(t: Translate, category: string, audience: Audience, part: CategoryPart): string {
  // A category added to the rules before its explanation is written still gets a calm text.
  return lookup(t, categoryKey(category, audience, part), `cat_other_${audience}_${part}`);
}

/** Name and one-line description of a grooming stage, for educators. */
export function stageText(t: Translate, stage: string, part: 'name' | 'desc'): string {
  return lookup(t, `stage_${keyPart(stage)}_${part}`, `stage_trust_${part}`);
}

function lookup(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? t(fallback as MessageKey) : text;
}
