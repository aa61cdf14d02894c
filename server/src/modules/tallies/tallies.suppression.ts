import type { CountryTally, FigureDefinition, FigureSubject, Tally } from '@actionday/shared';

/** Counts that could point at a person: suppressed when small for observers and in public versions. */
export const personSubjects: ReadonlySet<FigureSubject> = new Set([
  'suspects',
  'identifiers',
  'victims',
  'evidence',
  'matches',
]);

/** The per-country counts of persons (participants and platforms are never suppressed). */
const personColumns = [
  'suspects',
  'identifiers',
  'victims',
  'evidence',
  'matches',
] as const satisfies readonly (keyof CountryTally)[];

/** A count as published under a threshold: null (read "<N") when it is from 1 to N−1. */
export const suppressed = (value: number | null, below: number): number | null =>
  value !== null && below > 1 && value > 0 && value < below ? null : value;

/**
 * The figures as an observer sees them, live and on request: every small count of persons suppressed as the
 * coordinator set (`suppressBelow`), the same rule as the public report, so that no live number is more exact
 * than the published one.
 */
export function forObservers(tally: Tally, operation: { figures: FigureDefinition[]; suppressBelow: number }): Tally {
  const below = operation.suppressBelow;
  if (below <= 1) return { ...tally, suppressedBelow: null };
  const subjects = new Map(operation.figures.map((f) => [f.key, f.counts]));
  const figures = tally.figures.map((figure) => {
    if (!personSubjects.has(subjects.get(figure.key) ?? 'platforms')) return figure;
    return {
      ...figure,
      value: suppressed(figure.value, below),
      breakdowns: figure.breakdowns.map((b) => ({ ...b, value: suppressed(b.value, below) })),
    };
  });
  const byCountry: Record<string, CountryTally> = {};
  for (const [country, counts] of Object.entries(tally.byCountry)) {
    const row = { ...counts };
    for (const column of personColumns) row[column] = suppressed(row[column], below);
    byCountry[country] = row;
  }
  return { ...tally, figures, byCountry, suppressedBelow: below };
}
