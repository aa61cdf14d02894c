import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/** Interface languages, with their own names for the switcher. */
export const languages = { en: 'English', nl: 'Nederlands' } as const;
export type Language = keyof typeof languages;

const STORAGE_KEY = 'actionday.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(languages, value);
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
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
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
 * (English is in the first load, as the language of most and the fallback of all).
 */
const catalogues: Record<Exclude<Language, 'en'>, () => Promise<typeof en>> = {
  // every catalogue must have every key of the English one (checked by the compiler here, and by a test)
  nl: async () => (await import('./nl.json')).default satisfies typeof en,
};

async function loadCatalogue(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await catalogues[language]());
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const language = detectLanguage();
  const resources: Partial<Record<Language, { translation: typeof en }>> = { en: { translation: en } };
  if (language !== 'en') resources[language] = { translation: await catalogues[language]() };
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: Object.keys(languages),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
