/** The real messages.json files, so tests read exactly what the browser would show. */
import en from '~/public/_locales/en/messages.json';
import es from '~/public/_locales/es/messages.json';
import { catalogTranslate, type Catalog, type Language } from '~/lib/i18n';

const CATALOGS: Record<Language, Catalog> = { en, es };

export const loadCatalog = (language: Language): Catalog => CATALOGS[language];

export const translatorFor = (language: Language) => catalogTranslate(loadCatalog(language));
