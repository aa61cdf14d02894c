import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { identifierKindSchema } from './identifiers.js';

/** Where an analyst stands on a match. */
export const matchStatuses = ['open', 'confirmed', 'dismissed'] as const;
export const matchStatusSchema = z.enum(matchStatuses);
export type MatchStatus = z.infer<typeof matchStatusSchema>;

/**
 * How sure a match is: `exact` when every sighting has the same identity (`telegram:katya_sweet99`,
 * `+4915123456789`); `possible` when a handle with no known service meets the same handle on a service.
 */
export const matchStrengths = ['exact', 'possible'] as const;
export const matchStrengthSchema = z.enum(matchStrengths);
export type MatchStrength = z.infer<typeof matchStrengthSchema>;

/** Who to contact about a sighting: never the record's contents. */
export const matchContactSchema = z.object({ name: z.string(), country: z.string(), agency: z.string() });
export type MatchContact = z.infer<typeof matchContactSchema>;

/**
 * One place the value was seen: a finding (with its country, platform and time) or an imported reference
 * list. `value`, `platformId` and `findingId` are there only where the viewer may see the record in full
 * (their own, or as the sharing rules allow); `mine` marks the viewer's own findings.
 */
export const sightingSchema = z.object({
  id: idSchema,
  source: z.enum(['finding', 'reference']),
  findingId: idSchema.nullable(),
  country: z.string().nullable(),
  platformId: idSchema.nullable(),
  platformName: z.string().nullable(),
  value: z.string().nullable(),
  service: z.string().nullable(),
  referenceList: z.string().nullable(),
  referenceLabel: z.string().nullable(),
  contact: matchContactSchema.nullable(),
  mine: z.boolean(),
  at: isoDateTime,
});
export type Sighting = z.infer<typeof sightingSchema>;

/**
 * What the owner of a TLP:RED sighting decided about another country's sighting of the same value:
 * `pending` (that country learns nothing yet), `shared` (it learns whom to contact, never the contents),
 * `closed` (it never learns).
 */
export const disclosureStates = ['pending', 'shared', 'closed'] as const;
export const disclosureSchema = z.object({
  country: z.string(),
  state: z.enum(disclosureStates),
  decidedAt: isoDateTime.nullable(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

/**
 * One value that two or more sources share, with every sighting the viewer may know of. Analysts and
 * coordinators see the value and the sightings' contents as the sharing rules allow (`redacted: false`);
 * an investigator learns that their own sighting matched and whom to contact (`redacted: true`).
 */
export const matchSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  redacted: z.boolean(),
  status: matchStatusSchema,
  strength: matchStrengthSchema,
  identifierKind: identifierKindSchema,
  /** The shared value; null for viewers who may not see it. */
  value: z.string().nullable(),
  sightings: z.array(sightingSchema),
  /** The countries the viewer knows to be involved. */
  countries: z.array(z.string()),
  contacts: z.array(matchContactSchema),
  resolution: z.object({ note: z.string().nullable(), by: z.string().nullable(), at: isoDateTime }).nullable(),
  /** TLP:RED owners' decisions, for the owners and the coordinators. */
  disclosures: z.array(disclosureSchema),
  /** Whether this viewer may decide a pending disclosure (the RED owner's country, or a coordinator). */
  mayDisclose: z.boolean(),
  /**
   * For coordinators and analysts: whether an analyst of the operation may see this match, so that an open one
   * waits for an analyst (null for others).
   */
  analystMaySee: z.boolean().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.int(),
});
export type Match = z.infer<typeof matchSchema>;

export const matchParamsSchema = z.object({ matchId: idSchema });
export const matchesQuerySchema = z.object({
  status: matchStatusSchema.optional(),
  kind: identifierKindSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  strength: matchStrengthSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type MatchesQuery = z.infer<typeof matchesQuerySchema>;

export const matchResolutionSchema = z.object({
  status: matchStatusSchema,
  note: z.string().trim().max(2000).optional(),
  /** The version the analyst saw; a stale one answers 409. */
  version: z.int().optional(),
});
export type MatchResolution = z.infer<typeof matchResolutionSchema>;

/** Several matches resolved at once (the analyst's bulk action). */
export const bulkResolutionSchema = z.object({
  matchIds: z.array(idSchema).min(1).max(500),
  status: matchStatusSchema,
  note: z.string().trim().max(2000).optional(),
});

export const disclosureBodySchema = z.object({ share: z.boolean() });

/** What logging an identifier answers about its matches, as far as its author may know. */
export const findingMatchSchema = z.object({
  matchId: idSchema,
  status: matchStatusSchema,
  strength: matchStrengthSchema,
});
export type FindingMatch = z.infer<typeof findingMatchSchema>;

export const referenceListSchema = z.object({
  id: idSchema,
  name: z.string(),
  entries: z.int(),
  createdAt: isoDateTime,
});
export const referenceListCreatedSchema = z.object({
  id: idSchema,
  name: z.string(),
  entries: z.int(),
  rejected: z.array(z.object({ line: z.int(), message: z.string() })),
  matches: z.int(),
});

/** The link chart: what a viewer may open, as nodes and edges. */
export const graphNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['platform', 'country', 'suspect', 'identifier', 'victim', 'offer', 'match']),
  label: z.string(),
  /** The record the node opens (a finding, a platform, a match). */
  ref: z.string().nullable(),
  country: z.string().nullable(),
  tags: z.array(z.string()),
});
export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.enum(['seen_on', 'logged_by', 'linked', 'sighting']),
});
export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
export type Graph = z.infer<typeof graphSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
