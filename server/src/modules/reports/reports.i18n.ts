import type { ReportLanguage } from '@actionday/shared';
import { de } from './words/de.js';
import { en } from './words/en.js';
import { es } from './words/es.js';
import { fr } from './words/fr.js';
import { it } from './words/it.js';
import { nl } from './words/nl.js';
import { pl } from './words/pl.js';
import { ro } from './words/ro.js';
import type { Plural, ReportWords } from './words/types.js';
import { uk } from './words/uk.js';

export type { DefaultFigure, Plural, ReportWords } from './words/types.js';

/** The report's words in every shipped language (one file each under `words/`). */
export const words: Record<ReportLanguage, ReportWords> = { en, nl, de, fr, es, pl, ro, it, uk };

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of a counted phrase for `count` in a language (CLDR plural rules via `Intl.PluralRules`). */
export function plural(language: ReportLanguage, count: number, forms: Plural): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(words[language].locale);
    pluralRules.set(language, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in a language (`UA` → "Ukraine" / "Oekraïne"); the code when unknown. */
export function countryName(code: string, language: string): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
