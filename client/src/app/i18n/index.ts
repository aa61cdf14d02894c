import { type InterfaceLanguage, interfaceLanguages, isInterfaceLanguage } from '@actionday/shared';
import i18next, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/** Interface languages, with their own names for the switcher (the order of `interfaceLanguages`). */
export const languages: Record<InterfaceLanguage, string> = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  pl: 'Polski',
  ro: 'Română',
  it: 'Italiano',
  uk: 'Українська',
};
export type Language = InterfaceLanguage;
export const languageCodes: readonly Language[] = interfaceLanguages;

const STORAGE_KEY = 'actionday.language';

export function isLanguage(value: unknown): value is Language {
  return isInterfaceLanguage(value);
}

/** The first supported language of a list of BCP 47 tags (`de-AT` → `de`), or null. */
export function pickLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/** The remembered choice, else the first supported browser language, else English. */
export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage can be blocked; fall through to the browser's languages
  }
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return pickLanguage(preferred) ?? 'en';
}

/** Switches the interface language and remembers the choice on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
  await loadCatalogue(language);
  await i18next.changeLanguage(language);
}

/**
 * The catalogues other than English, loaded when chosen: each person downloads the language they read
 * (English is in the first load, as the language of most and the fallback of all). Every catalogue has every
 * key of the English one, with the plural forms its language needs (`scripts/check-i18n.mjs`).
 */
type Catalogue = Record<string, unknown>;
const catalogues: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  nl: async () => (await import('./nl.json')).default,
  de: async () => (await import('./de.json')).default,
  fr: async () => (await import('./fr.json')).default,
  es: async () => (await import('./es.json')).default,
  pl: async () => (await import('./pl.json')).default,
  ro: async () => (await import('./ro.json')).default,
  it: async () => (await import('./it.json')).default,
  uk: async () => (await import('./uk.json')).default,
};

async function loadCatalogue(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await catalogues[language]());
}

/**
 * The locale for dates and numbers: the browser's own variant of the
 * interface language when it has one (en-GB, nl-BE), else the language.
 */
export function formattingLocale(language: string): string {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Every number put into a sentence is written the way its language writes numbers (1,234 · 1.234 · 1 234),
 * so no catalogue needs `{{count, number}}`: i18next calls this for every value (`alwaysFormat`).
 */
const localeNumbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value, _format, lng) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value as string;
    const locale = formattingLocale(lng ?? 'en');
    let format = numberFormats.get(locale);
    if (!format) {
      format = new Intl.NumberFormat(locale);
      numberFormats.set(locale, format);
    }
    return format.format(value);
  },
};

/** The page's language and writing direction follow the interface language (right-to-left safe). */
function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', applyToDocument);
  const language = detectLanguage();
  const resources: Partial<Record<Language, { translation: Catalogue }>> = { en: { translation: en } };
  if (language !== 'en') resources[language] = { translation: await catalogues[language]() };
  await i18next
    .use(initReactI18next)
    .use(localeNumbers)
    .init({
      resources,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...interfaceLanguages],
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  applyToDocument(language);
  return i18next;
}
