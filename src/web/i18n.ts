import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';

/**
 * French first, English complete, one key set (checked by i18n.test.ts).
 * Signed out, the language chosen with the header switch is kept in
 * localStorage. Signed in, the account's `locale` rules (the switch saves it
 * to the account, so it follows the user from browser to browser); it is
 * copied to localStorage so that the login page speaks it after signing out.
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

/** Remember the choice in this browser and apply it. */
export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for the page.
  }
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

/** The signed-in account's language (from /api/auth/me or the login answer) wins over this browser's. */
export function applyAccountLanguage(language: Language): void {
  if (storedLanguage() !== language || i18next.language !== language) chooseLanguage(language);
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
