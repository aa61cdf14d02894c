import { z } from 'zod';
import { idSchema, isoDateTime, tagSchema } from './common.js';
import { countrySchema } from './countries.js';
import { handlingSchema } from './handling.js';
import { identifierKindSchema } from './identifiers.js';
import { findingMatchSchema } from './matches.js';
import {
  offerContactSchema,
  offerFields,
  offerMeans,
  offerMoneyIssues,
  paymentStageSchema,
  paymentStageViewSchema,
} from './offers.js';
import { readAsSchema } from './phones.schemas.js';
import { serviceIdSchema } from './services.js';

export const findingKinds = ['suspect', 'identifier', 'victim', 'offer'] as const;
export const findingKindSchema = z.enum(findingKinds);
export type FindingKind = z.infer<typeof findingKindSchema>;

export const suspectRoles = ['recruiter', 'exploiter', 'smuggler', 'facilitator', 'unknown'] as const;
export const identifierResults = ['nothing_found', 'linked_suspect', 'linked_victim'] as const;
export const exploitationTypes = ['sexual', 'labour', 'criminal', 'cse', 'other'] as const;
export const referralStatuses = ['not_referred', 'police', 'ngo'] as const;

const common = {
  platformId: idSchema,
  tags: z.array(tagSchema).max(20).optional(),
  note: z.string().trim().max(4000).optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  handling: handlingSchema.optional(),
  /** Other findings this one relates to (same operation). */
  links: z.array(idSchema).max(50).optional(),
};

export const suspectInputSchema = z.object({
  kind: z.literal('suspect'),
  ...common,
  aliases: z.array(z.string().trim().min(1).max(200)).min(1, 'Give at least one alias or name').max(50),
  identified: z.boolean().default(false),
  nationality: countrySchema.optional(),
  role: z.enum(suspectRoles).optional(),
});

export const identifierInputSchema = z.object({
  kind: z.literal('identifier'),
  ...common,
  identifierKind: identifierKindSchema,
  value: z.string().trim().min(1).max(500),
  result: z.enum(identifierResults).default('nothing_found'),
  /** The network the person says it is on ("Telegram"); recognised from the value or the platform when absent. */
  service: serviceIdSchema.optional(),
  /** For a national phone number: the regions to read it in, as the person chose ("read in DE"). */
  regions: z.array(countrySchema).min(1).max(5).optional(),
});

export const victimInputSchema = z.object({
  kind: z.literal('victim'),
  ...common,
  /**
   * Not sent: the server gives every victim a pseudonymous reference per recording country ("V-NL-007"), so no
   * name can be typed into it. A request that still sends one is refused (`request.invalid` on `reference`).
   */
  reference: z.undefined({ error: 'The reference is assigned by the server; leave it out' }).optional(),
  nationality: countrySchema.optional(),
  minor: z.boolean().optional(),
  ageEstimate: z.int().min(0).max(120).optional(),
  exploitation: z.enum(exploitationTypes),
  referral: z.enum(referralStatuses).default('not_referred'),
});

/** A smuggling offer as advertised: route, means, price and payment stages, contacts, the ad's language. */
export const offerInputSchema = z
  .object({ kind: z.literal('offer'), ...common, ...offerFields })
  .superRefine((offer, ctx) => {
    for (const issue of offerMoneyIssues(offer)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** The body of `POST /api/operations/:operationId/findings`: one finding of one kind. */
export const createFindingSchema = z.discriminatedUnion('kind', [
  suspectInputSchema,
  identifierInputSchema,
  victimInputSchema,
  offerInputSchema,
]);
export type CreateFinding = z.input<typeof createFindingSchema>;

/** `PATCH /api/findings/:findingId`: the fields of the finding's own kind that change. */
export const updateFindingSchema = z
  .object({
    tags: z.array(tagSchema).max(20),
    note: z.string().trim().max(4000).nullable(),
    handling: handlingSchema,
    links: z.array(idSchema).max(50),
    aliases: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    identified: z.boolean(),
    nationality: countrySchema.nullable(),
    role: z.enum(suspectRoles).nullable(),
    result: z.enum(identifierResults),
    minor: z.boolean().nullable(),
    ageEstimate: z.int().min(0).max(120).nullable(),
    exploitation: z.enum(exploitationTypes),
    referral: z.enum(referralStatuses),
    route: offerFields.route,
    means: z.array(z.enum(offerMeans)).max(offerMeans.length),
    priceMinor: offerFields.priceMinor.unwrap().nullable(),
    currency: offerFields.currency.unwrap().nullable(),
    stages: z.array(paymentStageSchema).max(10),
    stagesBeyondPrice: z.boolean(),
    advertiserId: offerFields.advertiserId.unwrap().nullable(),
    /** The version the editor saw: a change made meanwhile answers 409 instead of being overwritten. */
    version: z.int().min(1),
  })
  .partial()
  .strict();
export type UpdateFinding = z.infer<typeof updateFindingSchema>;

/** A finding as a viewer allowed to see it in full receives it. */
export const findingSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  platformId: idSchema,
  kind: findingKindSchema,
  redacted: z.literal(false),
  authorId: idSchema,
  country: z.string(),
  tags: z.array(z.string()),
  handling: handlingSchema,
  note: z.string().nullable(),
  language: z.string().nullable(),
  links: z.array(idSchema),
  aliases: z.array(z.string()).nullable(),
  identified: z.boolean().nullable(),
  nationality: z.string().nullable(),
  role: z.string().nullable(),
  identifierKind: identifierKindSchema.nullable(),
  value: z.string().nullable(),
  normalizedValue: z.string().nullable(),
  /** The network the identifier was read on, how it reads for people ("Telegram @katya", "+49 1512 3456789"), and for a phone what it was read as. */
  service: serviceIdSchema.nullable(),
  display: z.string().nullable(),
  readAs: readAsSchema.nullable(),
  result: z.string().nullable(),
  reference: z.string().nullable(),
  minor: z.boolean().nullable(),
  ageEstimate: z.int().nullable(),
  exploitation: z.string().nullable(),
  referral: z.string().nullable(),
  /** A smuggling offer: the route in order, means, price in minor units of `currency`, stages, contacts read as identifiers. */
  route: z.array(z.string()).nullable(),
  means: z.array(z.string()).nullable(),
  priceMinor: z.int().nullable(),
  currency: z.string().nullable(),
  stages: z.array(paymentStageViewSchema).nullable(),
  stagesBeyondPrice: z.boolean().nullable(),
  contacts: z.array(offerContactSchema).nullable(),
  advertiserId: idSchema.nullable(),
  /** Logged after closing, where late entries were allowed. */
  late: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.int(),
  /** The matches this finding is part of: for its author, analysts and coordinators (listed findings only). */
  matches: z.array(findingMatchSchema).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** What a viewer learns of a finding they may not see: that it exists, its kind and platform. */
export const redactedFindingSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  platformId: idSchema,
  kind: findingKindSchema,
  redacted: z.literal(true),
  country: z.string(),
  createdAt: isoDateTime,
});
export type RedactedFinding = z.infer<typeof redactedFindingSchema>;

export const findingViewSchema = z.union([findingSchema, redactedFindingSchema]);
export type FindingView = z.infer<typeof findingViewSchema>;

export const findingParamsSchema = z.object({ findingId: idSchema });
export const findingsQuerySchema = z.object({
  kind: findingKindSchema.optional(),
  platformId: idSchema.optional(),
});

/** The answer to logging a finding: an identifier says which matches it is part of, as far as its author may know. */
export const findingCreatedSchema = z.object({
  finding: findingSchema,
  matches: z.array(findingMatchSchema),
});
export type FindingCreated = z.infer<typeof findingCreatedSchema>;
