import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { pageTranslator } from '~/lib/choose-translator';
import { isRequest } from '~/lib/messages';
import { loadCatalog } from './locale-catalog';

describe('pageTranslator (the chat page panel\'s strings)', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("reads the chosen language's catalog from the background, never the browser's lookup", async () => {
    const asked: unknown[] = [];
    browser.runtime.onMessage.addListener((message: unknown) => {
      asked.push(message);
      return isRequest(message) && message.type === 'get-catalog' ? Promise.resolve(loadCatalog(message.language)) : undefined;
    });
    const lookup = vi.spyOn(browser.i18n, 'getMessage');
    const en = await pageTranslator('en');
    const es = await pageTranslator('es');
    expect(en('panel_brand')).toBe(loadCatalog('en').panel_brand!.message);
    expect(es('panel_close')).toBe(loadCatalog('es').panel_close!.message);
    expect(asked).toEqual([
      { type: 'get-catalog', language: 'en' },
      { type: 'get-catalog', language: 'es' },
    ]);
    expect(lookup).not.toHaveBeenCalled();
  });

  it("falls back to the browser's lookup when the background cannot answer", async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    const lookup = vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('Heads Up');
    const t = await pageTranslator('en');
    expect(t('panel_brand')).toBe('Heads Up');
    expect(lookup).toHaveBeenCalledWith('panel_brand', undefined);
  });
});
