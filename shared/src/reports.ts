import { z } from 'zod';
import { auditHeadSchema } from './audit.js';
import { idSchema, isoDateTime } from './common.js';
import { figureSubjects } from './figures.js';
import { exploitationTypes } from './findings.js';
import { identifierKindSchema } from './identifiers.js';
import { liaisonKindSchema } from './liaison.js';
import { type InterfaceLanguage, interfaceLanguages } from './locales.js';
import { operationStatusSchema } from './operations.js';
import { platformCategorySchema, verdictSchema } from './platforms.js';

/**
 * The after-action report: the key-figures statement, tables, timeline,
 * verdict funnel, leads and notes of one operation, as numbers with stable
 * field names. The same model renders as JSON, CSV, HTML and PDF.
 */
export const reportFormats = ['json', 'csv', 'html', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * `full`: everything the viewer's role may see (coordinators, analysts).
 * `public`: aggregates only, small counts suppressed — what observers always
 * get and what may be published.
 */
export const reportAudiences = ['full', 'public'] as const;
export type ReportAudience = (typeof reportAudiences)[number];

/** Languages of the statement and of the rendered pages: every shipped interface language. */
export const reportLanguages = interfaceLanguages;
export type ReportLanguage = InterfaceLanguage;

/** The tables of the report; each is one CSV file. */
export const reportTables = [
  'figures',
  'by_country',
  'by_category',
  'by_tag',
  'by_exploitation',
  'by_route',
  'liaison',
  'timeline',
  'funnel',
  'lead_platforms',
  'lead_matches',
  'notes',
] as const;
export type ReportTable = (typeof reportTables)[number];

/** `GET /api/operations/:operationId/report` */
export const reportQuerySchema = z.object({
  format: z.enum(reportFormats).default('json'),
  /** Default: `public` for observers (the only one they get), `full` for the others. */
  audience: z.enum(reportAudiences).optional(),
  lang: z.enum(reportLanguages).default('en'),
  /** With `format=csv`: this one table as a CSV file instead of a zip of all of them. */
  table: z.enum(reportTables).optional(),
});
export type ReportQuery = z.input<typeof reportQuerySchema>;

/** A count; `null` where suppressed (a small count in a public version: "<N"). */
const count = z.int().nullable();

/** A label in each report language: the translation of a default figure or breakdown, else the coordinator's words. */
const labelsSchema = z.object({
  en: z.string(),
  nl: z.string(),
  de: z.string(),
  fr: z.string(),
  es: z.string(),
  pl: z.string(),
  ro: z.string(),
  it: z.string(),
  uk: z.string(),
});

export const reportBreakdownSchema = z.object({
  key: z.string(),
  label: z.string(),
  labels: labelsSchema,
  value: count,
  display: z.string(),
});
export const reportFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  counts: z.enum(figureSubjects),
  labels: labelsSchema,
  value: count,
  /** The value as printed: `114`, or `<5` where suppressed. */
  display: z.string(),
  breakdowns: z.array(reportBreakdownSchema),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

/**
 * The key-figures statement in one language: one line per figure, the
 * sentence that anchors the audit log's head (null before it has one), and
 * the whole text (the lines, then that sentence).
 */
export const reportStatementSchema = z.object({
  lines: z.array(z.string()),
  audit: z.string().nullable(),
  text: z.string(),
});

export const reportCountryRowSchema = z.object({
  country: z.string(),
  participants: count,
  platformsChecked: count,
  suspects: count,
  identifiers: count,
  victims: count,
  matches: count,
});
export const reportCategoryRowSchema = z.object({
  category: platformCategorySchema,
  platforms: count,
  unchecked: count,
  claimed: count,
  noIndicators: count,
  suspected: count,
  confirmed: count,
  followUp: count,
});
export const reportTagRowSchema = z.object({
  tag: z.string(),
  platforms: count,
  checked: count,
  suspected: count,
  confirmed: count,
  followUp: count,
  suspects: count,
  identifiers: count,
  victims: count,
});
export const reportExploitationRowSchema = z.object({
  exploitation: z.enum(exploitationTypes),
  victims: count,
  minors: count,
  referredPolice: count,
  referredNgo: count,
});
/** Smuggling offers per route (origin → destination) and currency, with the median advertised price. */
export const reportRouteRowSchema = z.object({
  origin: z.string(),
  destination: z.string(),
  /** ISO 4217; null for offers without a price. */
  currency: z.string().nullable(),
  offers: count,
  /** In minor units of `currency`; null without prices, or where the count is suppressed. */
  medianPriceMinor: z.int().nullable(),
});
/** Requests to platforms per kind: how many reached each state, and the median time from sent to removed. */
export const reportLiaisonRowSchema = z.object({
  kind: liaisonKindSchema,
  requests: count,
  draft: count,
  sent: count,
  acknowledged: count,
  removed: count,
  refused: count,
  noAnswer: count,
  legalRequestNeeded: count,
  /** Minutes; null when nothing was removed. */
  medianMinutesToRemoval: z.int().nullable(),
});
export const reportTimelineBucketSchema = z.object({ start: isoDateTime, checked: count, findings: count });
export const reportFunnelSchema = z.object({
  /** Platforms on the list. */
  listed: count,
  checked: count,
  /** Checked with a verdict of suspected or confirmed. */
  withIndicators: count,
  confirmed: count,
  followUp: count,
});

/** A platform to follow up: flagged for monitoring or confirmed involved, with the country that checked it. */
export const reportLeadPlatformSchema = z.object({
  platformId: idSchema,
  name: z.string(),
  url: z.string(),
  category: platformCategorySchema,
  tags: z.array(z.string()),
  verdict: verdictSchema.nullable(),
  followUp: z.boolean(),
  /** The country of the participant who checked it: responsible for the follow-up. */
  country: z.string().nullable(),
  checkedAt: isoDateTime.nullable(),
  summary: z.string().nullable(),
});
export type ReportLeadPlatform = z.infer<typeof reportLeadPlatformSchema>;

/** A confirmed match: one identifier seen by several participants or found in reference lists, with its sightings. */
export const reportLeadMatchSchema = z.object({
  matchId: idSchema,
  strength: z.enum(['exact', 'possible']),
  identifierKind: identifierKindSchema,
  /** The shared value, only where the reader may see every sighting in full; otherwise null. */
  value: z.string().nullable(),
  sightings: z.int(),
  countries: z.array(z.string()),
  platforms: z.array(z.string()),
  referenceLists: z.array(z.string()),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export type ReportLeadMatch = z.infer<typeof reportLeadMatchSchema>;

/** A note's plain-text (Markdown) copy. */
export const reportNoteSchema = z.object({
  kind: z.enum(['log', 'platform']),
  platformId: idSchema.nullable(),
  platformName: z.string().nullable(),
  text: z.string(),
  updatedAt: isoDateTime,
});

export const reportSchema = z.object({
  /** Raised when a field changes meaning or disappears; new fields may appear without it. */
  schemaVersion: z.literal(1),
  operation: z.object({
    id: idSchema,
    name: z.string(),
    status: operationStatusSchema,
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    timeZone: z.string(),
    closedAt: isoDateTime.nullable(),
    focusTags: z.array(z.string()),
    focusNationalities: z.array(z.string()),
    countries: z.array(z.string()),
  }),
  generatedAt: isoDateTime,
  /** When the figures were counted (the closing time for frozen figures). */
  asOf: isoDateTime,
  /** True while the operation is not closed: the numbers can still change. */
  provisional: z.boolean(),
  audience: z.enum(reportAudiences),
  /** Counts from 1 to `below - 1` are shown as `<below` (null in JSON); public versions only. */
  suppression: z.object({ below: z.int(), applied: z.boolean() }),
  figures: z.array(reportFigureSchema),
  /** The statement in every shipped language. */
  statement: z.object({
    en: reportStatementSchema,
    nl: reportStatementSchema,
    de: reportStatementSchema,
    fr: reportStatementSchema,
    es: reportStatementSchema,
    pl: reportStatementSchema,
    ro: reportStatementSchema,
    it: reportStatementSchema,
    uk: reportStatementSchema,
  }),
  tables: z.object({
    byCountry: z.array(reportCountryRowSchema),
    byCategory: z.array(reportCategoryRowSchema),
    byTag: z.array(reportTagRowSchema),
    byExploitation: z.array(reportExploitationRowSchema),
    byRoute: z.array(reportRouteRowSchema),
    liaison: z.array(reportLiaisonRowSchema),
  }),
  timeline: z.object({ bucketMinutes: z.int(), buckets: z.array(reportTimelineBucketSchema) }),
  funnel: reportFunnelSchema,
  /** Null in public versions: leads name targets of ongoing investigations. */
  leads: z.object({ platforms: z.array(reportLeadPlatformSchema), matches: z.array(reportLeadMatchSchema) }).nullable(),
  /** Null in public versions and for roles that may not read notes. */
  notes: z.array(reportNoteSchema).nullable(),
  /**
   * The audit log's tree head to keep beside the report: the one sealed when
   * the operation closed, else the latest (null before the first). Checking
   * the log against it later proves nothing up to it was changed or removed.
   */
  auditHead: auditHeadSchema.nullable(),
});
export type Report = z.infer<typeof reportSchema>;

export const packageParamsSchema = z.object({
  operationId: idSchema,
  country: z.string().regex(/^[A-Za-z]{2}$/, 'An ISO 3166-1 alpha-2 country code'),
});

/** `manifest.json` of a per-country package: every other file with its SHA-256. */
export const packageManifestSchema = z.object({
  operationId: idSchema,
  operationName: z.string(),
  country: z.string(),
  generatedAt: isoDateTime,
  files: z.array(z.object({ name: z.string(), bytes: z.int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type PackageManifest = z.infer<typeof packageManifestSchema>;
