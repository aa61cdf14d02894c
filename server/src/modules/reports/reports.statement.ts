import {
  type AuditHead,
  type FigureDefinition,
  type FigureSubject,
  type ReportFigure,
  type ReportLanguage,
  focusCountry,
  presetLabels,
} from '@actionday/shared';
import { type DefaultFigure, countryName, plural, words } from './reports.i18n.js';

/**
 * The key-figures statement in the shape of the 2022 press release, in every shipped language:
 * "45 possible victims found, of whom 25 nationals of Ukraine; 30 related to the Ukraine focus;". Each
 * breakdown is its own count of the figure (they overlap, they do not nest), so they are listed side by
 * side after one "of which" / "of whom". The default figures' labels agree with their number in each
 * language's plural rules; a label a coordinator wrote is used as written.
 */

/** The labels new operations start with, to tell an untouched label from a coordinator's own. */
const defaultLabels = presetLabels;

/** Figures that count people: "of whom" rather than "of which". */
const persons = new Set<FigureSubject>(['suspects', 'victims']);

function isDefaultFigure(key: string): key is DefaultFigure {
  return Object.hasOwn(words.en.figures, key);
}

/** A focus tag as the language reads it: the country it names, else the tag quoted. */
function focusName(tag: string, language: ReportLanguage): string {
  const country = focusCountry(tag);
  return country ? countryName(country, language) : words[language].quote(tag);
}

/** How a breakdown reads: a focus tag, a nationality, or the coordinator's own label. */
function breakdownPhrase(
  definition: FigureDefinition['breakdowns'][number] | undefined,
  label: string,
  language: ReportLanguage,
): string {
  const w = words[language];
  const filter = definition?.filter ?? {};
  const fields = Object.keys(filter);
  const own = label.replace(/^(of which|of whom)\s+/i, '');
  if (fields.length === 1 && typeof filter.tags === 'string' && label === `of which ${filter.tags}`)
    return w.focus(focusName(filter.tags, language));
  if (fields.length === 1 && typeof filter.nationality === 'string' && label === `of nationality ${filter.nationality}`)
    return w.nationality(countryName(filter.nationality, language));
  return own;
}

/**
 * The label of a figure in a language: the translation of an untouched default (in the form its count
 * takes, "1 suspect identified"), else the coordinator's words.
 */
export function figureLabel(key: string, label: string, language: ReportLanguage, count = 2): string {
  return isDefaultFigure(key) && defaultLabels.get(key) === label
    ? plural(language, count, words[language].figures[key])
    : label;
}

/** A breakdown's words in a language, without its number ("related to the Ukraine focus"). */
export function breakdownLabel(
  definitions: FigureDefinition[],
  figureKey: string,
  breakdown: { key: string; label: string },
  language: ReportLanguage,
): string {
  const definition = definitions.find((d) => d.key === figureKey)?.breakdowns.find((d) => d.key === breakdown.key);
  return breakdownPhrase(definition, breakdown.label, language);
}

/** "of which" or "of whom" (and their translations) for a figure's subject. */
export function breakdownJoiner(counts: FigureSubject, language: ReportLanguage): string {
  return persons.has(counts) ? words[language].ofWhich.persons : words[language].ofWhich.things;
}

/**
 * One line per figure, ended with ";" and the last with ".". Numbers are written the language's way; a
 * suppressed value reads "fewer than N" (and its label takes the plural).
 */
export function statementLines(
  figures: ReportFigure[],
  definitions: FigureDefinition[],
  language: ReportLanguage,
  suppressBelow: number,
): string[] {
  const w = words[language];
  const format = new Intl.NumberFormat(w.locale);
  const amount = (value: number | null) =>
    value === null ? w.fewerThan(format.format(suppressBelow)) : format.format(value);
  return figures.map((figure, index) => {
    const joiner = breakdownJoiner(figure.counts, language);
    const parts = figure.breakdowns.map(
      (b) => `${amount(b.value)} ${breakdownLabel(definitions, figure.key, b, language)}`,
    );
    const end = index === figures.length - 1 ? '.' : ';';
    const label = figureLabel(figure.key, figure.label, language, figure.value ?? suppressBelow);
    return `${amount(figure.value)} ${label}${parts.length ? `, ${joiner} ${parts.join('; ')}` : ''}${end}`;
  });
}

/**
 * The sentence that anchors the audit log beside the figures: its tree head as `pnpm audit:verify --
 * --head` takes it (`<size>:<root>`), when it was signed (in UTC, named), and whether it is the head sealed
 * at closing.
 */
export function auditSentence(head: AuditHead, language: ReportLanguage): string {
  const count = new Intl.NumberFormat(words[language].locale).format(head.size);
  const at = `${head.at.slice(0, 19).replace('T', ' ')} UTC`;
  return words[language].audit(`${head.size}:${head.root}`, count, at, head.sealed);
}
