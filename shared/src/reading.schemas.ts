import { z } from 'zod';
import { identifierKindSchema } from './identifier-kinds.js';
import { readAsSchema } from './phones.schemas.js';
import { serviceIdSchema } from './services.js';

// Apart from reading.ts so that contracts do not pull the reading (and libphonenumber) into a client.

/** `exact`: the value names one account; `possible`: a handle with no known service, which may be any network's. */
export const identifierStrengths = ['exact', 'possible'] as const;
export const identifierStrengthSchema = z.enum(identifierStrengths);
export type IdentifierStrength = z.infer<typeof identifierStrengthSchema>;

/** How a value was read, for matching (`normalizedValue`) and for showing it back to the person. */
export const identifierReadingSchema = z.object({
  /** The kind it was read as: a wa.me link reads as a phone, t.me/x as a username. */
  identifierKind: identifierKindSchema,
  /** The identity compared across participants and reference lists (`telegram:katya`, `+31612345678`). */
  normalizedValue: z.string(),
  /** The network it was recognised on (for a phone: the app it was offered on, "WA +31…"), or null. */
  service: serviceIdSchema.nullable(),
  /** The handle as its service compares it, for usernames. */
  handle: z.string().nullable(),
  /** For people: "Telegram @katya", "+49 1512 3456789". */
  display: z.string(),
  /** For phones: what the number was read as, so the person can change the region. */
  readAs: readAsSchema.nullable(),
  strength: identifierStrengthSchema,
});
export type IdentifierReading = z.infer<typeof identifierReadingSchema>;
