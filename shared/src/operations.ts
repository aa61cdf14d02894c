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
  /** Coordinators and analysts need a second factor (TOTP) on their account to act in this operation. */
  requireTotp: z.boolean(),
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
    requireTotp: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateOperation = z.input<typeof updateOperationSchema>;

export const operationStatusBodySchema = z.object({ status: operationStatusSchema });

export const operationParamsSchema = z.object({ operationId: idSchema });

export const participantParamsSchema = operationParamsSchema.extend({ participantId: idSchema });

/**
 * The answer to `POST …/participants/:participantId/revoke`: `revoked` at once, or `pending` when a coordinator
 * asked to revoke another coordinator and a second coordinator (or an administrator) must confirm.
 */
export const revocationResultSchema = z.object({ status: z.enum(['revoked', 'pending']) });
export type RevocationResult = z.infer<typeof revocationResultSchema>;

/** A participant whose revocation waits for a second coordinator, or who was revoked (an administrator may undo it). */
export const revocationSchema = z.object({
  participant: participantSchema,
  /** Who asked for it (pending) or revoked (revoked), by name. */
  byName: z.string().nullable(),
  byUserId: idSchema.nullable(),
  at: isoDateTime,
});
export type Revocation = z.infer<typeof revocationSchema>;

/** `GET /api/operations/:operationId/revocations` (coordinators and administrators). */
export const revocationsSchema = z.object({
  pending: z.array(revocationSchema),
  revoked: z.array(revocationSchema),
});
export type Revocations = z.infer<typeof revocationsSchema>;
