/**
 * The words of the rendered report (HTML, PDF, CSV headings) and of the key-figures statement in one
 * language. The client has its own catalogues; these are the server's, because a printed report must not
 * depend on a browser. Counted phrases carry their plural forms (CLDR categories, chosen with
 * `Intl.PluralRules`): Polish and Ukrainian need one/few/many, Romanian one/few.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The default figures, by key, as a noun phrase after their number ("114 online platforms monitored"). */
export type DefaultFigure =
  | 'platforms_monitored'
  | 'platforms_suspected'
  | 'platforms_confirmed'
  | 'suspects_identified'
  | 'possible_victims'
  | 'platforms_follow_up'
  | 'identifiers_checked'
  | 'platforms_discovered'
  | 'offers_logged'
  | 'smugglers_logged'
  | 'content_reported'
  | 'content_removed'
  | 'requests_refused'
  | 'referrals_made';

export interface ReportWords {
  locale: string;
  title: string;
  provisional: string;
  provisionalNote: string;
  final: string;
  publicVersion: string;
  publicNote: string;
  suppressedNote: (below: string, highest: string) => string;
  fewerThan: (below: string) => string;
  generated: string;
  asOf: string;
  window: string;
  countries: string;
  keyFigures: string;
  statement: string;
  timeline: string;
  /** "per 15 minutes": the plural of minutes, with `{n}` for the number. */
  timelineNote: Plural;
  funnel: string;
  byCountry: string;
  byCategory: string;
  byTag: string;
  byExploitation: string;
  /** The route table of smuggling offers, and the table of requests to platforms. */
  byRoute: string;
  liaisonTable: string;
  /** An offer without a price, in the route table; the unit after a median time in minutes. */
  noPrice: string;
  minutes: string;
  leads: string;
  leadPlatforms: string;
  leadHits: string;
  noLeads: string;
  noHits: string;
  notes: string;
  situationLog: string;
  noteOn: (name: string) => string;
  total: string;
  columns: Record<string, string>;
  category: Record<string, string>;
  verdict: Record<string, string>;
  exploitation: Record<string, string>;
  liaisonKind: Record<string, string>;
  funnelSteps: Record<string, string>;
  series: { checked: string; findings: string };
  yes: string;
  source: Record<string, string>;
  footer: string;
  /** The statement's sentences. */
  figures: Record<DefaultFigure, Plural>;
  /** Before the breakdowns of a figure: "of which" (things), "of whom" (people). */
  ofWhich: { things: string; persons: string };
  /** A focus-tag breakdown: "related to the Ukraine focus". */
  focus: (name: string) => string;
  /** A nationality breakdown: "nationals of Ukraine". */
  nationality: (country: string) => string;
  /** A focus tag that names no country, quoted as the language quotes. */
  quote: (tag: string) => string;
  /** The audit-log anchor: tree head, entry count (formatted), when signed (with its zone), sealed or not. */
  audit: (anchor: string, entries: string, at: string, sealed: boolean) => string;
}
