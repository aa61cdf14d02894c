import type { CountryTally, Tally } from '@actionday/shared';

const countryFields = [
  'participants',
  'platformsChecked',
  'suspects',
  'identifiers',
  'victims',
  'evidence',
  'matches',
] as const satisfies readonly (keyof CountryTally)[];

/** The headline figures of the default definitions the drill can count itself (see `defaultFigures`). */
const figureKeys = [
  'platforms_monitored',
  'platforms_suspected',
  'platforms_confirmed',
  'suspects_identified',
  'possible_victims',
  'platforms_follow_up',
  'identifiers_checked',
] as const;
type FigureKey = (typeof figureKeys)[number];

/** One difference between the drill's count and the server's. */
export interface Difference {
  what: string;
  drill: number;
  server: number;
}

/**
 * What the drill did that the server acknowledged (2xx), counted as the key figures count it: the drill's own
 * tally. Counts start from the server's figures when the drill began (`baseline`), so a drill on an operation
 * that already holds records checks only its own changes.
 */
export class Ledger {
  private readonly figures = new Map<FigureKey, number>();
  private readonly countries = new Map<string, Record<(typeof countryFields)[number], number>>();
  private readonly progress = { unchecked: 0, claimed: 0, checked: 0 };
  /** Planted values (shared across countries on purpose): who logged each, and from which country. */
  private readonly sightings = new Map<string, Map<string, string>>();
  readonly actions = new Map<string, number>();
  readonly refusals = new Map<string, number>();

  private bump(key: FigureKey, n = 1): void {
    this.figures.set(key, (this.figures.get(key) ?? 0) + n);
  }

  private at(country: string) {
    let row = this.countries.get(country);
    if (!row) {
      row = { participants: 0, platformsChecked: 0, suspects: 0, identifiers: 0, victims: 0, evidence: 0, matches: 0 };
      this.countries.set(country, row);
    }
    return row;
  }

  did(action: string): void {
    this.actions.set(action, (this.actions.get(action) ?? 0) + 1);
  }

  refused(code: string): void {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }

  joined(country: string): void {
    this.at(country).participants += 1;
  }

  discovered(): void {
    this.progress.unchecked += 1;
  }

  claimed(): void {
    this.progress.unchecked -= 1;
    this.progress.claimed += 1;
  }

  released(): void {
    this.progress.claimed -= 1;
    this.progress.unchecked += 1;
  }

  checked(country: string, verdict: string, followUp: boolean): void {
    this.progress.claimed -= 1;
    this.progress.checked += 1;
    this.at(country).platformsChecked += 1;
    this.bump('platforms_monitored');
    if (verdict === 'suspected') this.bump('platforms_suspected');
    if (verdict === 'confirmed') this.bump('platforms_confirmed');
    if (followUp) this.bump('platforms_follow_up');
  }

  suspect(country: string, identified: boolean): void {
    this.at(country).suspects += 1;
    if (identified) this.bump('suspects_identified');
  }

  identifier(country: string, authorId: string, plantedValue: string | null): void {
    this.at(country).identifiers += 1;
    this.bump('identifiers_checked');
    if (plantedValue === null) return;
    const seen = this.sightings.get(plantedValue) ?? new Map<string, string>();
    seen.set(authorId, country);
    this.sightings.set(plantedValue, seen);
  }

  victim(country: string): void {
    this.at(country).victims += 1;
    this.bump('possible_victims');
  }

  evidence(country: string): void {
    this.at(country).evidence += 1;
  }

  /** Planted values seen by two or more people: the matches the day must show. */
  get matches(): number {
    return [...this.sightings.values()].filter((seen) => seen.size >= 2).length;
  }

  /** The expected figures: the baseline plus what the drill did. */
  expected(baseline: Tally): Tally {
    const matchesPerCountry = new Map<string, number>();
    for (const seen of this.sightings.values()) {
      if (seen.size < 2) continue;
      for (const country of new Set(seen.values()))
        matchesPerCountry.set(country, (matchesPerCountry.get(country) ?? 0) + 1);
    }
    const byCountry: Record<string, CountryTally> = structuredClone(baseline.byCountry);
    const codes = new Set([...this.countries.keys(), ...matchesPerCountry.keys()]);
    for (const country of codes) {
      const mine = this.at(country);
      const row = (byCountry[country] ??= {
        participants: 0,
        platformsChecked: 0,
        suspects: 0,
        identifiers: 0,
        victims: 0,
        evidence: 0,
        matches: 0,
      });
      for (const field of countryFields)
        row[field] = (row[field] ?? 0) + (field === 'matches' ? (matchesPerCountry.get(country) ?? 0) : mine[field]);
    }
    return {
      ...baseline,
      figures: baseline.figures.map((figure) => ({
        ...figure,
        // the drill reads as a coordinator, who sees every count (null is a count suppressed for a viewer)
        value: (figure.value ?? 0) + (this.figures.get(figure.key as FigureKey) ?? 0),
      })),
      byCountry,
      progress: {
        unchecked: baseline.progress.unchecked + this.progress.unchecked,
        claimed: baseline.progress.claimed + this.progress.claimed,
        checked: baseline.progress.checked + this.progress.checked,
      },
    };
  }
}

/**
 * Where the server's figures differ from the drill's. Figures are compared by their headline value, and only
 * for the default definitions (the drill cannot count a coordinator's own filters).
 */
export function compareTallies(expected: Tally, server: Tally): Difference[] {
  const out: Difference[] = [];
  for (const figure of expected.figures) {
    if (!(figureKeys as readonly string[]).includes(figure.key)) continue;
    const theirs = server.figures.find((f) => f.key === figure.key)?.value ?? 0;
    const mine = figure.value ?? 0;
    if (theirs !== mine) out.push({ what: figure.key, drill: mine, server: theirs });
  }
  const codes = new Set([...Object.keys(expected.byCountry), ...Object.keys(server.byCountry)]);
  for (const country of [...codes].sort())
    for (const field of countryFields) {
      const mine = expected.byCountry[country]?.[field] ?? 0;
      const theirs = server.byCountry[country]?.[field] ?? 0;
      if (mine !== theirs) out.push({ what: `${country} ${field}`, drill: mine, server: theirs });
    }
  for (const field of ['unchecked', 'claimed', 'checked'] as const)
    if (expected.progress[field] !== server.progress[field])
      out.push({ what: `platforms ${field}`, drill: expected.progress[field], server: server.progress[field] });
  return out;
}
