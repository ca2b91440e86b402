import { describe, expect, it } from 'vitest';
import { categoryTitle, categoryWhy, catalogTranslate } from '~/lib/i18n';
import { loadCatalog } from './locale-catalog';

const CATEGORIES = [
  'flattery', 'personal-questions', 'supervision', 'secrecy', 'isolation', 'platform-move', 'gifts',
  'personal-info', 'pictures', 'sexual-talk', 'meeting', 'pressure', 'threats', 'recruitment', 'disclosure',
];

describe('locale files', () => {
  const en = loadCatalog('en');
  const es = loadCatalog('es');

  it('have the same keys and placeholders in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(es[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
    }
  });

  it('name the extension Heads Up in both languages', () => {
    expect(en.extName?.message).toBe('Heads Up');
    expect(es.extName?.message).toBe('Heads Up');
    expect(en.extDescription?.message).not.toBe(es.extDescription?.message);
  });

  it.each(CATEGORIES)('explain category %s in both languages, differently', (category) => {
    const tEn = catalogTranslate(en);
    const tEs = catalogTranslate(es);
    const other = [tEn('cat_other_title'), tEs('cat_other_title')];
    for (const t of [tEn, tEs]) {
      expect(other).not.toContain(categoryTitle(t, category));
      expect(categoryWhy(t, category).length).toBeGreaterThan(40);
    }
    expect(categoryTitle(tEs, category)).not.toBe(categoryTitle(tEn, category));
  });

  it('never calls anyone a predator or abuser', () => {
    for (const catalog of [en, es]) {
      for (const { message } of Object.values(catalog)) {
        expect(message).not.toMatch(/predator|depredador|pedophile|pedófilo|abuser|abusador/i);
      }
    }
  });
});

describe('catalogTranslate', () => {
  const t = catalogTranslate(loadCatalog('en'));

  it('fills named placeholders from substitutions', () => {
    expect(t('help_call', ['1-888-373-7888'])).toBe('Call 1-888-373-7888');
  });

  it('falls back to a calm general text for a category without its own', () => {
    expect(categoryTitle(t, 'brand-new-category')).toBe(t('cat_other_title'));
  });

  it('shows the key for a missing string instead of an empty label', () => {
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});
