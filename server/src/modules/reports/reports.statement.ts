import {
  type AuditHead,
  type FigureDefinition,
  type FigureSubject,
  type ReportFigure,
  type ReportLanguage,
  defaultFigures,
} from '@actionday/shared';
import { countryName, words } from './reports.i18n.js';

/**
 * The key-figures statement in the shape of the 2022 press release:
 * "114 online platforms monitored, of which 30 related to the focus on
 * Ukraine; …". Generic for any figure set: label and value, then each
 * breakdown "of which N <breakdown>". Labels of the default figures and the
 * default breakdowns (a focus tag, a nationality) are translated; a label a
 * coordinator wrote is used as written.
 */

/** The default figures' labels per language, by key. */
const figureLabels: Record<string, Record<ReportLanguage, string>> = {
  platforms_monitored: { en: 'online platforms monitored', nl: 'online platforms gemonitord' },
  platforms_suspected: { en: 'platforms suspected of involvement', nl: 'platforms verdacht van betrokkenheid' },
  platforms_confirmed: { en: 'platforms confirmed involved', nl: 'platforms waarvan betrokkenheid is bevestigd' },
  suspects_identified: { en: 'suspects identified', nl: 'verdachten geïdentificeerd' },
  possible_victims: { en: 'possible victims found', nl: 'mogelijke slachtoffers gevonden' },
  platforms_follow_up: {
    en: 'platforms for further investigation and monitoring',
    nl: 'platforms voor verder onderzoek en monitoring',
  },
  identifiers_checked: { en: 'persons / usernames checked', nl: 'personen / gebruikersnamen gecontroleerd' },
};

/** The labels new operations start with, to tell an untouched label from a coordinator's own. */
const defaultLabels = new Map(defaultFigures([], []).map((f) => [f.key, f.label]));

/** Figures that count people: "of whom" rather than "of which". */
const persons = new Set<FigureSubject>(['suspects', 'victims']);

const connector: Record<ReportLanguage, { things: string; persons: string }> = {
  en: { things: 'of which', persons: 'of whom' },
  nl: { things: 'waarvan', persons: 'onder wie' },
};

/** Focus tags that name a country (`ukraine`, `united-kingdom`) read as that country in each language. */
let countryByName: Map<string, string> | null = null;
function countryOfTag(tag: string): string | null {
  if (!countryByName) {
    countryByName = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters)
      for (const b of letters) {
        const name = names.of(a + b);
        if (name && name !== 'Unknown Region') countryByName.set(name.toLowerCase().replace(/[^a-z]+/g, '-'), a + b);
      }
  }
  return countryByName.get(tag.toLowerCase().replace(/[^a-z]+/g, '-')) ?? null;
}

function focusName(tag: string, language: ReportLanguage): string {
  const country = countryOfTag(tag);
  if (country) return countryName(country, language);
  return language === 'nl' ? `‘${tag}’` : `“${tag}”`;
}

/** How a breakdown reads: a focus tag, a nationality, or the coordinator's own label. */
function breakdownPhrase(
  definition: FigureDefinition['breakdowns'][number] | undefined,
  label: string,
  language: ReportLanguage,
): string {
  const filter = definition?.filter ?? {};
  const fields = Object.keys(filter);
  const own = label.replace(/^(of which|of whom)\s+/i, '');
  const isDefault = (expected: string) => label === expected;
  if (fields.length === 1 && typeof filter.tags === 'string') {
    const tag = filter.tags;
    if (language === 'nl' || isDefault(`of which ${tag}`))
      return language === 'nl'
        ? `in verband met de focus op ${focusName(tag, 'nl')}`
        : `related to the focus on ${focusName(tag, 'en')}`;
  }
  if (fields.length === 1 && typeof filter.nationality === 'string') {
    const code = filter.nationality;
    if (language === 'nl' || isDefault(`of nationality ${code}`))
      return language === 'nl'
        ? `staatsburgers van ${countryName(code, 'nl')}`
        : `nationals of ${countryName(code, 'en')}`;
  }
  return own;
}

/** The label of a figure in a language: the translation of an untouched default, else the coordinator's words. */
export function figureLabel(key: string, label: string, language: ReportLanguage): string {
  const translated = figureLabels[key];
  return translated && defaultLabels.get(key) === label ? translated[language] : label;
}

/** A breakdown's words in a language, without its number ("related to the focus on Ukraine"). */
export function breakdownLabel(
  definitions: FigureDefinition[],
  figureKey: string,
  breakdown: { key: string; label: string },
  language: ReportLanguage,
): string {
  const definition = definitions.find((d) => d.key === figureKey)?.breakdowns.find((d) => d.key === breakdown.key);
  return breakdownPhrase(definition, breakdown.label, language);
}

/** "of which" or "of whom" (and their Dutch) for a figure's subject. */
export function breakdownJoiner(counts: FigureSubject, language: ReportLanguage): string {
  return persons.has(counts) ? connector[language].persons : connector[language].things;
}

/**
 * One line per figure, ended with ";" and the last with ".". `number`
 * formats a value for the language; a suppressed value reads "fewer than N".
 */
export function statementLines(
  figures: ReportFigure[],
  definitions: FigureDefinition[],
  language: ReportLanguage,
  suppressBelow: number,
): string[] {
  const format = new Intl.NumberFormat(words[language].locale);
  const amount = (value: number | null) =>
    value === null ? words[language].fewerThan(format.format(suppressBelow)) : format.format(value);
  return figures.map((figure, index) => {
    const joiner = breakdownJoiner(figure.counts, language);
    const parts = figure.breakdowns.map(
      (b) => `${joiner} ${amount(b.value)} ${breakdownLabel(definitions, figure.key, b, language)}`,
    );
    const end = index === figures.length - 1 ? '.' : ';';
    return `${amount(figure.value)} ${figureLabel(figure.key, figure.label, language)}${parts.length ? `, ${parts.join(', ')}` : ''}${end}`;
  });
}

/**
 * The sentence that anchors the audit log beside the figures: its tree head
 * as `pnpm audit:verify -- --head` takes it (`<size>:<root>`), when it was
 * signed, and whether it is the head sealed at closing.
 */
export function auditSentence(head: AuditHead, language: ReportLanguage): string {
  const count = new Intl.NumberFormat(words[language].locale).format(head.size);
  const at = `${head.at.slice(0, 19).replace('T', ' ')} UTC`;
  const anchor = `${head.size}:${head.root}`;
  return language === 'nl'
    ? `Auditlog: boomkop ${anchor} (${count} regels, ondertekend ${at}, ${head.sealed ? 'verzegeld bij het afsluiten' : 'de operatie loopt nog'}).`
    : `Audit log: tree head ${anchor} (${count} entries, signed ${at}, ${head.sealed ? 'sealed at closing' : 'the operation is still open'}).`;
}
