import { z } from 'zod';

/** Kinds of identifier an investigator checks. */
export const identifierKinds = ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'] as const;
export const identifierKindSchema = z.enum(identifierKinds);
export type IdentifierKind = z.infer<typeof identifierKindSchema>;
