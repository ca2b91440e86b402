// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { rememberTranslations } from '~/lib/panel-ui';
import type { Translate } from '~/lib/i18n';

describe('rememberTranslations', () => {
  it('looks each text up once, keeping substitutions apart, and stops remembering at its bound', () => {
    const lookup = vi.fn(((key, substitutions) => `${key}:${substitutions?.join(',') ?? ''}`) as Translate);
    const t = rememberTranslations(lookup, 3);
    expect(t('panel_brand')).toBe('panel_brand:');
    expect(t('panel_brand')).toBe('panel_brand:');
    expect(t('panel_announce', ['2'])).toBe('panel_announce:2');
    expect(t('panel_announce', ['3'])).toBe('panel_announce:3');
    expect(lookup).toHaveBeenCalledTimes(3);
    // Full: still right, just not remembered.
    expect(t('panel_close')).toBe('panel_close:');
    expect(t('panel_close')).toBe('panel_close:');
    expect(lookup).toHaveBeenCalledTimes(5);
  });
});
