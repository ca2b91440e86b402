/**
 * Picks how UI strings are looked up: on the extension's own pages (chooseTranslator), the
 * browser's own i18n when the chosen language is the browser's, else the chosen language's catalog
 * from the background; in a chat page, always the catalog (pageTranslator).
 */
import { browser } from 'wxt/browser';
import { browserTranslate, catalogTranslate, type Language, type Translate } from '~/lib/i18n';
import { sendToBackground } from '~/lib/messages';

export async function chooseTranslator(language: Language, browserLanguage = browser.i18n.getUILanguage()): Promise<Translate> {
  const uiLanguage = browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
  if (language === uiLanguage) return browserTranslate;
  return pageTranslator(language);
}

/**
 * The translator for a chat page's panel: the chosen language's catalog from the background, even
 * when it is the browser's language. A page's first `browser.i18n.getMessage` costs its main
 * thread 5-17 ms (Chromium loads the extension's catalogs then; measured in the content script,
 * docs/performance.md), and it would come with the page's first alert, in a busy chat; the catalog
 * arrives as one message and is read with plain look-ups. The browser's lookup is the fallback.
 */
export async function pageTranslator(language: Language): Promise<Translate> {
  try {
    return catalogTranslate(await sendToBackground({ type: 'get-catalog', language }));
  } catch {
    // Showing the browser's language beats showing nothing.
    return browserTranslate;
  }
}
