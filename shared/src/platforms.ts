import { z } from 'zod';
import { idSchema, isoDateTime, tagSchema } from './common.js';
import { countrySchema } from './countries.js';

/** Platform categories, the keys of the API; labels come from the client's catalogues. */
export const platformCategories = [
  'social_media',
  'dating',
  'classified_ads',
  'escort_ads',
  'help_platform',
  'forum',
  'messaging',
  'dark_web',
  'other',
] as const;
export const platformCategorySchema = z.enum(platformCategories);
export type PlatformCategory = z.infer<typeof platformCategorySchema>;

export const platformStatuses = ['unchecked', 'claimed', 'checked'] as const;
export const platformStatusSchema = z.enum(platformStatuses);
export type PlatformStatus = z.infer<typeof platformStatusSchema>;

export const verdicts = ['no_indicators', 'suspected', 'confirmed'] as const;
export const verdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof verdictSchema>;

/** An http(s) URL, or an onion address with or without scheme. */
export const platformUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(isPlatformAddress, { message: 'Not an http(s) URL or onion address' });

/** True for http(s) URLs and for v3 onion addresses (56 base32 characters). */
export function isPlatformAddress(value: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.hostname.endsWith('.onion'))
    return /^([a-z2-7]{56})\.onion$/.test(url.hostname.split('.').slice(-2).join('.'));
  return url.hostname.includes('.');
}

/**
 * The form used to spot the same platform twice: lower-case host without
 * `www.`, no scheme, no trailing slash, no fragment.
 */
export function normalizePlatformUrl(value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? value.trim() : `http://${value.trim()}`;
  const url = new URL(withScheme);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}

export const createPlatformSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: platformUrlSchema,
  category: platformCategorySchema,
  tags: z.array(tagSchema).max(20).default([]),
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/),
    )
    .max(20)
    .default([]),
  countryFocus: countrySchema.optional(),
  priority: z.int().min(0).max(100).default(0),
  discovered: z.boolean().default(false),
});
export type CreatePlatform = z.input<typeof createPlatformSchema>;

/** One platform, or a list of them, in one request. */
export const createPlatformsBodySchema = z.union([
  createPlatformSchema,
  z.array(createPlatformSchema).min(1).max(5000),
]);

export const platformSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  name: z.string(),
  url: z.string(),
  category: platformCategorySchema,
  tags: z.array(z.string()),
  languages: z.array(z.string()),
  countryFocus: z.string().nullable(),
  priority: z.int(),
  status: platformStatusSchema,
  claimedBy: idSchema.nullable(),
  claimedAt: isoDateTime.nullable(),
  /** Last sign of life of the claim's holder (heartbeat or action). */
  lastActivityAt: isoDateTime.nullable(),
  verdict: verdictSchema.nullable(),
  followUp: z.boolean(),
  summary: z.string().nullable(),
  checkedBy: idSchema.nullable(),
  checkedAt: isoDateTime.nullable(),
  discovered: z.boolean(),
  discoveredBy: idSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Increases with every change: a client keeps the highest version it has seen. */
  version: z.int(),
});
export type Platform = z.infer<typeof platformSchema>;

export const platformParamsSchema = z.object({ platformId: idSchema });

export const verdictBodySchema = z.object({
  verdict: verdictSchema,
  followUp: z.boolean().default(false),
  summary: z.string().trim().max(4000).optional(),
});
export type VerdictBody = z.input<typeof verdictBodySchema>;

export const assignBodySchema = z.object({ participantId: idSchema });

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/** Why one row of an import cannot be written. */
export const importProblemCodes = [
  'missing_name',
  'bad_url',
  'unknown_category',
  'unknown_tag',
  'duplicate_existing',
  'duplicate_in_file',
  'invalid',
] as const;
export const importProblemSchema = z.object({
  field: z.string(),
  code: z.enum(importProblemCodes),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  total: z.int(),
  valid: z.int(),
  invalid: z.int(),
  /** Rows written; 0 in a dry run. */
  created: z.int(),
  rows: z.array(
    z.object({
      line: z.int(),
      name: z.string(),
      url: z.string(),
      category: z.string(),
      problems: z.array(importProblemSchema),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** One platform category's funnel: how many, where they stand, the verdicts and follow-up flags. */
export const categorySummarySchema = z.object({
  category: platformCategorySchema,
  platforms: z.int(),
  unchecked: z.int(),
  claimed: z.int(),
  noIndicators: z.int(),
  suspected: z.int(),
  confirmed: z.int(),
  followUp: z.int(),
});
/**
 * `GET /api/operations/:operationId/platforms/summary`: the board as counts by category and verdict, with no
 * platform named — what observers get instead of the list (platform names are targets of ongoing investigations).
 */
export const platformSummarySchema = z.object({ categories: z.array(categorySummarySchema) });
export type PlatformSummary = z.infer<typeof platformSummarySchema>;
