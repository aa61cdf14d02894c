import { z } from 'zod';
import { idSchema, isoDateTime, tagSchema, timeZoneSchema } from './common.js';
import { countrySchema } from './countries.js';
import { handlingSchema } from './handling.js';
import { roleSchema } from './roles.js';

/**
 * What an operation is about: trafficking for sexual or labour exploitation, migrant smuggling, or several.
 * Forms, indicator lists and key-figure presets follow the themes; a coordinator may change them until the day
 * goes live.
 */
export const operationThemes = ['sexual', 'labour', 'smuggling'] as const;
export const operationThemeSchema = z.enum(operationThemes);
export type OperationTheme = z.infer<typeof operationThemeSchema>;
const themesSchema = z
  .array(operationThemeSchema)
  .min(1, 'Choose at least one theme')
  .max(operationThemes.length)
  .transform((themes) => operationThemes.filter((theme) => themes.includes(theme)));

/** Phases of an operation day, in order. */
export const operationStatuses = ['planned', 'briefing', 'live', 'debrief', 'closed'] as const;
export const operationStatusSchema = z.enum(operationStatuses);

export const createOperationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: timeZoneSchema,
  focusTags: z.array(tagSchema).max(20).default([]),
  focusNationalities: z.array(countrySchema).max(20).default([]),
  themes: themesSchema.default(['sexual', 'labour']),
  claimLimit: z.int().min(1).max(20).default(2),
  claimTimeoutMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .default(20),
  defaultHandling: handlingSchema.default('TLP:AMBER'),
  /** The creator joins as coordinator with this country and agency (default: Europol, NL). */
  coordinatorCountry: countrySchema.default('NL'),
  coordinatorAgency: z.string().trim().min(1).max(120).default('Europol'),
});
export type CreateOperation = z.input<typeof createOperationSchema>;

export const operationSchema = z.object({
  id: idSchema,
  name: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: z.string(),
  status: operationStatusSchema,
  focusTags: z.array(z.string()),
  focusNationalities: z.array(z.string()),
  themes: z.array(operationThemeSchema),
  claimLimit: z.int(),
  claimTimeoutMinutes: z.int(),
  defaultHandling: handlingSchema,
  allowLateEntries: z.boolean(),
  /** Public and observer reports show counts from 1 to N-1 as "<N"; 0 = off. */
  suppressBelow: z.int(),
  closedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Operation = z.infer<typeof operationSchema>;

export const membershipSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  userId: idSchema,
  role: roleSchema,
  country: z.string(),
  agency: z.string(),
});
export type Membership = z.infer<typeof membershipSchema>;

/** A member as other members see them on the board. */
export const participantSchema = z.object({
  id: idSchema,
  userId: idSchema,
  name: z.string(),
  role: roleSchema,
  country: z.string(),
  agency: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

/** `PATCH /api/operations/:operationId`: a coordinator changes settings (frozen once closed). */
export const updateOperationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    timeZone: timeZoneSchema,
    focusTags: z.array(tagSchema).max(20),
    focusNationalities: z.array(countrySchema).max(20),
    /** Until the day goes live; the presets of added themes join the key figures. */
    themes: themesSchema,
    claimLimit: z.int().min(1).max(20),
    claimTimeoutMinutes: z
      .int()
      .min(1)
      .max(24 * 60),
    defaultHandling: handlingSchema,
    allowLateEntries: z.boolean(),
    /** Small-count suppression of published reports; the one setting still open after closing. */
    suppressBelow: z.int().min(0).max(1000),
  })
  .partial()
  .strict();
export type UpdateOperation = z.input<typeof updateOperationSchema>;

export const operationStatusBodySchema = z.object({ status: operationStatusSchema });

export const operationParamsSchema = z.object({ operationId: idSchema });
