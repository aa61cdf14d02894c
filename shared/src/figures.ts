import { z } from 'zod';
import { isoDateTime } from './common.js';
import { exploitationTypes, identifierResults, referralStatuses, suspectRoles } from './findings.js';
import { handlingCodes } from './handling.js';
import { matchStatuses, matchStrengths } from './matches.js';
import { identifierKinds } from './identifiers.js';
import { platformCategories, platformStatuses, verdicts } from './platforms.js';

/** What a key figure counts. */
export const figureSubjects = ['platforms', 'suspects', 'identifiers', 'victims', 'evidence', 'matches'] as const;
export type FigureSubject = (typeof figureSubjects)[number];

/** The type of value a filter field takes. */
type FieldType =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'country' }
  | { kind: 'tag' };
const enumOf = (values: readonly string[]): FieldType => ({ kind: 'enum', values });
const bool: FieldType = { kind: 'boolean' };
const country: FieldType = { kind: 'country' };
const tag: FieldType = { kind: 'tag' };

/** The fields each subject can be filtered on, with the values they take. */
export const figureFields: Record<FigureSubject, Record<string, FieldType>> = {
  platforms: {
    status: enumOf(platformStatuses),
    verdict: enumOf(verdicts),
    followUp: bool,
    discovered: bool,
    category: enumOf(platformCategories),
    tags: tag,
    countryFocus: country,
  },
  suspects: { identified: bool, nationality: country, role: enumOf(suspectRoles), tags: tag, country },
  identifiers: { identifierKind: enumOf(identifierKinds), result: enumOf(identifierResults), tags: tag, country },
  victims: {
    exploitation: enumOf(exploitationTypes),
    minor: bool,
    nationality: country,
    referral: enumOf(referralStatuses),
    tags: tag,
    country,
  },
  evidence: { handling: enumOf(handlingCodes), country },
  matches: { status: enumOf(matchStatuses), strength: enumOf(matchStrengths), identifierKind: enumOf(identifierKinds) },
};

/** A filter: each field must equal the value (or one of the values); for `tags`, carry the tag. */
export const figureFilterSchema = z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string()).min(1)]));
export type FigureFilter = z.infer<typeof figureFilterSchema>;

const keySchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_:-]{0,59}$/, 'Keys are letters, digits, _ : or -');

export const figureBreakdownSchema = z.object({
  key: keySchema,
  label: z.string().trim().min(1).max(200),
  filter: figureFilterSchema,
});

export const figureDefinitionSchema = z
  .object({
    key: keySchema,
    label: z.string().trim().min(1).max(200),
    counts: z.enum(figureSubjects),
    filter: figureFilterSchema.default({}),
    breakdowns: z.array(figureBreakdownSchema).max(30).default([]),
  })
  .superRefine((figure, ctx) => {
    const check = (filter: FigureFilter, path: (string | number)[]) => {
      for (const [field, value] of Object.entries(filter)) {
        const type = figureFields[figure.counts][field];
        if (!type) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, field],
            message: `Unknown field "${field}" for ${figure.counts}; known: ${Object.keys(figureFields[figure.counts]).join(', ')}`,
          });
          continue;
        }
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) {
          const ok =
            type.kind === 'boolean'
              ? typeof v === 'boolean'
              : type.kind === 'enum'
                ? type.values.includes(String(v))
                : type.kind === 'country'
                  ? typeof v === 'string' && /^[A-Z]{2}$/.test(v)
                  : typeof v === 'string' && /^[a-z0-9][a-z0-9_-]*$/.test(v);
          if (!ok)
            ctx.addIssue({
              code: 'custom',
              path: [...path, field],
              message: `Unknown value ${JSON.stringify(v)} for ${field}${type.kind === 'enum' ? ` (one of ${type.values.join(', ')})` : ''}`,
            });
        }
      }
    };
    check(figure.filter, ['filter']);
    figure.breakdowns.forEach((b, i) => check(b.filter, ['breakdowns', i, 'filter']));
  });
export type FigureDefinition = z.infer<typeof figureDefinitionSchema>;

export const figureDefinitionsSchema = z
  .array(figureDefinitionSchema)
  .max(50)
  .refine((list) => new Set(list.map((f) => f.key)).size === list.length, { message: 'Figure keys must be unique' });

/**
 * The key figures of the 2022 press release, each broken down by every focus
 * tag; victims also by each focus nationality (`nationality:UA`).
 */
export function defaultFigures(focusTags: string[], focusNationalities: string[]): FigureDefinition[] {
  const byTag = focusTags.map((t) => ({ key: t, label: `of which ${t}`, filter: { tags: t } }));
  const figure = (
    key: string,
    label: string,
    counts: FigureSubject,
    filter: FigureFilter,
    extra: FigureDefinition['breakdowns'] = [],
  ): FigureDefinition => ({
    key,
    label,
    counts,
    filter,
    breakdowns: [...byTag, ...extra],
  });
  return [
    figure('platforms_monitored', 'online platforms monitored', 'platforms', { status: 'checked' }),
    figure('platforms_suspected', 'platforms suspected of involvement', 'platforms', {
      status: 'checked',
      verdict: 'suspected',
    }),
    figure('platforms_confirmed', 'platforms confirmed involved', 'platforms', {
      status: 'checked',
      verdict: 'confirmed',
    }),
    figure('suspects_identified', 'suspects identified', 'suspects', { identified: true }),
    figure(
      'possible_victims',
      'possible victims found',
      'victims',
      {},
      focusNationalities.map((n) => ({
        key: `nationality:${n}`,
        label: `of nationality ${n}`,
        filter: { nationality: n },
      })),
    ),
    figure('platforms_follow_up', 'platforms for further investigation and monitoring', 'platforms', {
      followUp: true,
    }),
    figure('identifiers_checked', 'persons / usernames checked', 'identifiers', {}),
  ];
}

/** A count as one viewer sees it: null where it is a small count of persons suppressed for them ("fewer than N"). */
const shownCount = z.int().nullable();
export const tallyBreakdownSchema = z.object({ key: z.string(), label: z.string(), value: shownCount });
export const tallyFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: shownCount,
  breakdowns: z.array(tallyBreakdownSchema),
});
export const countryTallySchema = z.object({
  participants: z.int(),
  platformsChecked: z.int(),
  suspects: shownCount,
  identifiers: shownCount,
  victims: shownCount,
  evidence: shownCount,
  /** Matches with a sighting of this country that everybody may know of. */
  matches: shownCount,
});
export const tallySchema = z.object({
  operationId: z.string(),
  figures: z.array(tallyFigureSchema),
  byCountry: z.record(z.string(), countryTallySchema),
  progress: z.object({ unchecked: z.int(), claimed: z.int(), checked: z.int() }),
  asOf: isoDateTime,
  /** Increases with every pushed change; a client that sees a gap fetches again. */
  seq: z.int(),
  /** True once the operation is closed: these are the figures of the after-action report. */
  frozen: z.boolean(),
  /** Set where counts of persons from 1 to N−1 are suppressed for this viewer (observers): they read "<N". */
  suppressedBelow: z.int().nullable().optional(),
});
export type Tally = z.infer<typeof tallySchema>;
export type CountryTally = z.infer<typeof countryTallySchema>;
