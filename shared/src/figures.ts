import { z } from 'zod';
import { isoDateTime } from './common.js';
import { exploitationTypes, identifierResults, referralStatuses, suspectRoles } from './findings.js';
import { liaisonKinds, liaisonStates } from './liaison.js';
import { handlingCodes } from './handling.js';
import { matchStatuses, matchStrengths } from './matches.js';
import { identifierKinds } from './identifiers.js';
import type { OperationTheme } from './operations.js';
import { platformCategories, platformStatuses, verdicts } from './platforms.js';

/** What a key figure counts. */
export const figureSubjects = [
  'platforms',
  'suspects',
  'identifiers',
  'victims',
  'evidence',
  'matches',
  'offers',
  'requests',
] as const;
export type FigureSubject = (typeof figureSubjects)[number];

/** The type of value a filter field takes. */
type FieldType =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'country' }
  | { kind: 'tag' }
  | { kind: 'currency' };
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
  /** Smuggling offers: where they start and end, in which currency. */
  offers: { origin: country, destination: country, currency: { kind: 'currency' }, tags: tag, country },
  /** Requests to platforms. */
  requests: { kind: enumOf(liaisonKinds), state: enumOf(liaisonStates), legalRequestNeeded: bool, country },
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
                  : type.kind === 'currency'
                    ? typeof v === 'string' && /^[A-Z]{3}$/.test(v)
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

/** The presets a coordinator can start from: the 2022 trafficking set, smuggling, and the work with platforms. */
export const figurePresets = ['trafficking', 'smuggling', 'liaison'] as const;
export type FigurePreset = (typeof figurePresets)[number];

/** The presets an operation of these themes starts with: smuggling days ask platforms to take ads down. */
export function presetsOf(themes: readonly OperationTheme[]): FigurePreset[] {
  const trafficking = themes.includes('sexual') || themes.includes('labour');
  const smuggling = themes.includes('smuggling');
  return figurePresets.filter((p) => (p === 'trafficking' ? trafficking : smuggling));
}

/** Requests that reached the platform (a draft was never sent). */
const sentStates = liaisonStates.filter((state) => state !== 'draft');

/**
 * The figures of one preset, each broken down by every focus tag; victims also by each focus nationality
 * (`nationality:UA`). `trafficking` is the 2022 press release's set, with the platforms discovered during the
 * day counted on their own ("20 platforms discovered for further investigation").
 */
export function presetFigures(
  preset: FigurePreset,
  focusTags: readonly string[],
  focusNationalities: readonly string[],
): FigureDefinition[] {
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
    // requests carry no focus tags: they are broken down by what they asked
    breakdowns: counts === 'requests' ? extra : [...byTag, ...extra],
  });
  if (preset === 'smuggling')
    return [
      figure('offers_logged', 'smuggling offers logged', 'offers', {}),
      figure('smugglers_logged', 'suspected smugglers', 'suspects', { role: 'smuggler' }),
    ];
  if (preset === 'liaison')
    return [
      figure(
        'content_reported',
        'pieces of content reported to platforms',
        'requests',
        { state: sentStates },
        liaisonKinds.map((kind) => ({ key: kind, label: `of which ${kind}`, filter: { kind } })),
      ),
      figure('content_removed', 'pieces of content removed', 'requests', { kind: 'takedown', state: 'removed' }),
      figure('requests_refused', 'requests refused by platforms', 'requests', { state: 'refused' }),
      figure('referrals_made', 'possible victims referred for help', 'victims', { referral: ['police', 'ngo'] }),
    ];
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
    figure('platforms_discovered', 'platforms discovered during the day', 'platforms', { discovered: true }),
  ];
}

/**
 * The figures a new operation starts with: the presets of its themes, in order, each key once (the 2022
 * press release's set for a trafficking day).
 */
export function defaultFigures(
  focusTags: readonly string[],
  focusNationalities: readonly string[],
  themes: readonly OperationTheme[] = ['sexual', 'labour'],
): FigureDefinition[] {
  const seen = new Set<string>();
  return presetsOf(themes)
    .flatMap((preset) => presetFigures(preset, focusTags, focusNationalities))
    .filter((figure) => !seen.has(figure.key) && seen.add(figure.key));
}

/** Every preset figure with its untouched English label, by key (to tell a default label from a coordinator's). */
export const presetLabels: ReadonlyMap<string, string> = new Map(
  figurePresets.flatMap((preset) => presetFigures(preset, [], [])).map((f) => [f.key, f.label]),
);

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
