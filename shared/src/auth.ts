import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { countrySchema } from './countries.js';
import { interfaceLanguages } from './locales.js';
import { membershipSchema } from './operations.js';
import { roleSchema } from './roles.js';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
/** Passwords: long enough to matter, short enough not to be a hashing DoS. */
export const passwordSchema = z.string().min(10, 'At least 10 characters').max(256);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(256),
  /** The second factor, for accounts that enabled it. */
  code: z
    .string()
    .regex(/^\d{6}$/, 'Six digits')
    .optional(),
});
export type SignIn = z.infer<typeof signInSchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  totpEnabled: z.boolean(),
  /** The interface language chosen for the account; null until one is chosen (the browser's language then). */
  language: z.enum(interfaceLanguages).nullable(),
});
export type User = z.infer<typeof userSchema>;

/** `PUT /api/me/language` */
export const languageChoiceSchema = z.object({ language: z.enum(interfaceLanguages) });
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

export const meSchema = z.object({ user: userSchema, memberships: z.array(membershipSchema) });
export type Me = z.infer<typeof meSchema>;

export const newAccountSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: emailSchema,
  password: passwordSchema,
});
export type NewAccount = z.infer<typeof newAccountSchema>;

export const setupSchema = newAccountSchema.extend({ token: z.string().min(1).max(200) });

export const createInviteSchema = z.object({
  role: roleSchema,
  country: countrySchema,
  agency: z.string().trim().min(1).max(120),
  /** Hours until the code expires; default three days. */
  expiresInHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export type CreateInvite = z.input<typeof createInviteSchema>;

export const inviteCreatedSchema = z.object({ code: z.string(), url: z.string(), expiresAt: isoDateTime });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

/** What an invite link shows before it is accepted. */
export const invitePreviewSchema = z.object({
  operationName: z.string(),
  role: roleSchema,
  country: z.string(),
  agency: z.string(),
  expiresAt: isoDateTime,
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const inviteParamsSchema = z.object({ code: z.string().min(1).max(200) });
