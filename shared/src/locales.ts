/**
 * The interface languages the app ships (client catalogues, server report and statement), in the order
 * the switcher lists them. English is the fallback of every other.
 */
export const interfaceLanguages = ['en', 'nl', 'de', 'fr', 'es', 'pl', 'ro', 'it', 'uk'] as const;
export type InterfaceLanguage = (typeof interfaceLanguages)[number];

/** True for a language the app ships. */
export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (interfaceLanguages as readonly string[]).includes(value);
}

/** Scripts written right to left (by primary language subtag), for the page's `dir` before any catalogue ships. */
const rightToLeft = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

/** `rtl` or `ltr` for a BCP 47 language tag. */
export function languageDirection(tag: string): 'rtl' | 'ltr' {
  return rightToLeft.has(tag.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
