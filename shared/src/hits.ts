import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { identifierKindSchema } from './identifiers.js';

export const hitStatuses = ['open', 'confirmed', 'dismissed'] as const;
export const hitStatusSchema = z.enum(hitStatuses);

/** Who to contact about a hit: never the other record's contents. */
export const hitContactSchema = z.object({ name: z.string(), country: z.string(), agency: z.string() });

/**
 * A hit as an analyst, a coordinator or a viewer who may see both records
 * receives it: the matched value and both sides.
 */
export const hitSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  redacted: z.literal(false),
  status: hitStatusSchema,
  identifierKind: identifierKindSchema,
  normalizedValue: z.string(),
  findingId: idSchema,
  matchedFindingId: idSchema.nullable(),
  referenceList: z.string().nullable(),
  referenceLabel: z.string().nullable(),
  contacts: z.array(hitContactSchema),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export type Hit = z.infer<typeof hitSchema>;

/** A hit as an investigator of another country learns of it: that there is one, and who to contact. */
export const redactedHitSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  redacted: z.literal(true),
  status: hitStatusSchema,
  /** Their own finding that matched. */
  findingId: idSchema.nullable(),
  contacts: z.array(hitContactSchema),
  createdAt: isoDateTime,
});
export type RedactedHit = z.infer<typeof redactedHitSchema>;
export const hitViewSchema = z.union([hitSchema, redactedHitSchema]);
export type HitView = z.infer<typeof hitViewSchema>;

export const hitParamsSchema = z.object({ hitId: idSchema });
export const resolveHitSchema = z.object({
  status: z.enum(['confirmed', 'dismissed']),
  note: z.string().trim().max(2000).optional(),
});

export const referenceListCreatedSchema = z.object({
  id: idSchema,
  name: z.string(),
  entries: z.int(),
  rejected: z.array(z.object({ line: z.int(), message: z.string() })),
  hits: z.int(),
});
