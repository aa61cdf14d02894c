import { z } from 'zod';
import { identifierKindSchema } from './identifier-kinds.js';
import { readAsSchema } from './phones.schemas.js';
import { identifierStrengthSchema } from './reading.schemas.js';
import { serviceIdSchema } from './services.js';

/** An identifier found in pasted text, read and ready to be logged. */
export const extractedIdentifierSchema = z.object({
  /** The kind as it stands in the text (a t.me link is a `profile_url` that reads as a Telegram username). */
  identifierKind: identifierKindSchema,
  /** What to log: E.164 for phones, "Telegram @katya" for a handle whose service was named, the URL, the e-mail de-obfuscated. */
  value: z.string(),
  /** Exactly as it stands in the text, and where. */
  raw: z.string(),
  start: z.int(),
  end: z.int(),
  service: serviceIdSchema.nullable(),
  /** The identity compared across participants (null when it could not be read: see `problem`). */
  normalizedValue: z.string().nullable(),
  display: z.string().nullable(),
  readAs: readAsSchema.nullable(),
  strength: identifierStrengthSchema.nullable(),
  problem: z.string().nullable(),
});
export type ExtractedIdentifier = z.infer<typeof extractedIdentifierSchema>;

/** Why a phone-like sequence gave no number: not valid in any region tried, spelled out in words, or past the reading limit. */
export const unrecognisedReasons = ['not_valid', 'spelled_out', 'too_many'] as const;

/** Something that looked like an identifier but is none as it stands: shown as "not recognised" with its text, never dropped. */
export const unrecognisedSchema = z.object({
  identifierKind: identifierKindSchema,
  raw: z.string(),
  start: z.int(),
  end: z.int(),
  reason: z.enum(unrecognisedReasons),
  message: z.string(),
  /** For spelled-out digits, the digits they spell: a hint to check, never a number by itself. */
  digits: z.string().nullable(),
});
export type Unrecognised = z.infer<typeof unrecognisedSchema>;

/** What `extractFromText` finds. */
export const extractionSchema = z.object({
  identifiers: z.array(extractedIdentifierSchema),
  unrecognised: z.array(unrecognisedSchema),
});
export type Extraction = z.infer<typeof extractionSchema>;
