/**
 * Picks how UI strings are looked up in the content script: the browser's own i18n when the
 * chosen language is the browser's, else the chosen language's catalog from the background.
 */
import { browser } from 'wxt/browser';
import { browserTranslate, catalogTranslate, type Language, type Translate } from '~/lib/i18n';
import { sendToBackground } from '~/lib/messages';

export async function chooseTranslator(language: Language, browserLanguage = browser.i18n.getUILanguage()): Promise<Translate> {
  const uiLanguage = browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
  if (language === uiLanguage) return browserTranslate;
  try {
    return catalogTranslate(await sendToBackground({ type: 'get-catalog', language }));
  } catch {
    // Showing the browser's language beats showing nothing.
    return browserTranslate;
  }
}
