import { describe, expect, it } from 'vitest';
import { categoryKey, categoryName, categoryText, catalogTranslate, stageText, type Translate } from '~/lib/i18n';
import { AUDIENCES } from '~/lib/settings-schema';
import { CATEGORIES, STAGES } from '~/rules/categories';
import { loadCatalog } from './locale-catalog';

const PARTS = ['title', 'why', 'todo'] as const;

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

  it('cover all 17 categories of the rules', () => expect(CATEGORIES).toHaveLength(17));

  for (const [language, catalog] of [['en', en], ['es', es]] as const) {
    it.each(CATEGORIES)(`explain category %s for every audience in ${language}`, (category) => {
      for (const audience of AUDIENCES) {
        for (const part of PARTS) {
          const key = categoryKey(category, audience, part);
          expect(catalog[key]?.message, key).toBeTruthy();
        }
        const why = catalog[categoryKey(category, audience, 'why')]!.message;
        expect(why.length, `${category}/${audience}/why`).toBeGreaterThan(40);
      }
      expect(catalog[`cat_${category.replace(/-/g, '_')}_name`]?.message).toBeTruthy();
    });
  }

  it.each(CATEGORIES)('word category %s differently for each audience and language', (category) => {
    const texts = [en, es].flatMap((catalog) => AUDIENCES.map((audience) => catalog[categoryKey(category, audience, 'title')]?.message));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('name and describe every grooming stage for educators in both languages', () => {
    for (const catalog of [en, es]) {
      for (const stage of STAGES) {
        const t = catalogTranslate(catalog);
        expect(stageText(t, stage, 'name'), stage).not.toMatch(/^stage_/);
        expect(catalog[`stage_${stage.replace(/-/g, '_')}_desc`]?.message, stage).toBeTruthy();
      }
    }
  });

  it('keep no category key of the old single-audience form', () => {
    const old = Object.keys(en).filter((key) => /^cat_[a-z_]+_(title|why)$/.test(key) && !/_(teen|parent|educator)_/.test(key));
    expect(old).toEqual([]);
  });

  it('never calls anyone a predator or abuser', () => {
    for (const catalog of [en, es]) {
      for (const { message } of Object.values(catalog)) {
        expect(message).not.toMatch(/predator|depredador|pedophile|pedófilo|abuser|abusador/i);
      }
    }
  });

  it('speak to teens in the second person, and to parents about their child', () => {
    const t: Translate = catalogTranslate(en);
    for (const category of CATEGORIES) {
      expect(categoryText(t, category, 'teen', 'why') + categoryText(t, category, 'teen', 'todo'), category).toMatch(/\byou/i);
    }
    const parentTexts = CATEGORIES.map((category) => categoryText(t, category, 'parent', 'todo') + categoryText(t, category, 'parent', 'title'));
    expect(parentTexts.filter((text) => /\b(your child|them|they)\b/i.test(text)).length).toBeGreaterThan(10);
  });
});

describe('catalogTranslate', () => {
  const t = catalogTranslate(loadCatalog('en'));

  it('fills named placeholders from substitutions', () => {
    expect(t('help_call', ['1-888-373-7888'])).toBe('Call 1-888-373-7888');
  });

  it('falls back to a calm general text for a category without its own', () => {
    expect(categoryText(t, 'brand-new-category', 'parent', 'title')).toBe(t('cat_other_parent_title'));
    expect(categoryName(t, 'brand-new-category')).toBe(t('cat_other_name'));
  });

  it('shows the key for a missing string instead of an empty label', () => {
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});
