import { z } from 'zod';

// Apart from phones.ts so that contracts (findings, extraction) do not pull libphonenumber's metadata into a client.

/** Why a number was read in its region: written internationally, or which clue chose the region. */
export const readingBases = ['international', 'chosen', 'given', 'platform', 'language', 'own'] as const;
export const readingBasisSchema = z.enum(readingBases);
export type ReadingBasis = z.infer<typeof readingBasisSchema>;

/** What a phone number was read as, for "read as +49 1512 3456789" with a way to change the region. */
export const readAsSchema = z.object({
  /** ISO 3166-1 alpha-2 of the number (from its country code), null for non-geographic numbers. */
  region: z.string().nullable(),
  /** International format for people ("+49 1512 3456789"). */
  international: z.string(),
  basis: readingBasisSchema,
  /** Valid in the numbering plan; false only for an international number that is merely possible. */
  valid: z.boolean(),
});
export type ReadAs = z.infer<typeof readAsSchema>;
