import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';

/**
 * French first, English complete, one key set (checked by i18n.test.ts).
 * The language chosen with the header switch is kept in localStorage; until
 * the user picks one, the signed-in account's `locale` is the default.
 */

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'socle.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The header switch: remember the choice and apply it. */
export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for the page.
  }
  void i18next.changeLanguage(language);
}

/** The account's language applies only when the user never chose one here. */
export function applyAccountLanguage(language: Language): void {
  if (storedLanguage() === null && i18next.language !== language) void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'fr';
}

function syncDocumentLanguage(language: string) {
  document.documentElement.lang = isLanguage(language) ? language : 'fr';
}

i18next.on('languageChanged', syncDocumentLanguage);

void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage() ?? 'fr',
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
syncDocumentLanguage(i18next.language);

export default i18next;
