import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';

/** What a platform is asked to do with content: remove it, keep it for the investigation, or tell who is behind it. */
export const liaisonKinds = ['takedown', 'preservation', 'information'] as const;
export const liaisonKindSchema = z.enum(liaisonKinds);
export type LiaisonKind = z.infer<typeof liaisonKindSchema>;

/** The states of a request to a platform, in order: removed / refused / no answer end it. */
export const liaisonStates = ['draft', 'sent', 'acknowledged', 'removed', 'refused', 'no_answer'] as const;
export const liaisonStateSchema = z.enum(liaisonStates);
export type LiaisonState = z.infer<typeof liaisonStateSchema>;

/** Where each state may go next: forward only, never back. */
export const liaisonTransitions: Record<LiaisonState, readonly LiaisonState[]> = {
  draft: ['sent'],
  sent: ['acknowledged', 'removed', 'refused', 'no_answer'],
  acknowledged: ['removed', 'refused', 'no_answer'],
  removed: [],
  refused: [],
  no_answer: [],
};

/** States that end a request. */
export const liaisonFinalStates: readonly LiaisonState[] = ['removed', 'refused', 'no_answer'];

const reference = z.string().trim().min(1).max(120);
const note = z.string().trim().max(2000);

/** `POST /api/operations/:operationId/requests`: a request to a platform, about it or about one piece of content. */
export const createLiaisonSchema = z.object({
  platformId: idSchema,
  kind: liaisonKindSchema,
  /** The content concerned (a post, a profile); absent: the platform as a whole. */
  contentUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** The platform answers only formal legal requests (through a prosecutor, an MLA): the slow route. */
  legalRequestNeeded: z.boolean().default(false),
  /** Sent at once (state `sent`) rather than kept as a draft. */
  state: z.enum(['draft', 'sent']).default('draft'),
  platformReference: reference.optional(),
  note: note.optional(),
});
export type CreateLiaison = z.input<typeof createLiaisonSchema>;

/** `PATCH /api/requests/:requestId`: the next state, the platform's reference, a note; `version` guards lost updates. */
export const updateLiaisonSchema = z
  .object({
    state: liaisonStateSchema,
    platformReference: reference.nullable(),
    legalRequestNeeded: z.boolean(),
    note: note.nullable(),
    version: z.int().min(1),
  })
  .partial()
  .strict();
export type UpdateLiaison = z.infer<typeof updateLiaisonSchema>;

/** One change of state, with its time. */
export const liaisonStepSchema = z.object({ state: liaisonStateSchema, at: isoDateTime, by: idSchema });

export const liaisonRequestSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  platformId: idSchema,
  kind: liaisonKindSchema,
  contentUrl: z.string().nullable(),
  legalRequestNeeded: z.boolean(),
  state: liaisonStateSchema,
  platformReference: z.string().nullable(),
  note: z.string().nullable(),
  authorId: idSchema,
  country: z.string(),
  /** Every state it was in, oldest first: when it was drafted, sent, acknowledged, ended. */
  history: z.array(liaisonStepSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.int(),
});
export type LiaisonRequest = z.infer<typeof liaisonRequestSchema>;

export const liaisonParamsSchema = z.object({ requestId: idSchema });
export const liaisonQuerySchema = z.object({
  platformId: idSchema.optional(),
  kind: liaisonKindSchema.optional(),
  state: liaisonStateSchema.optional(),
  legalRequestNeeded: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type LiaisonQuery = z.infer<typeof liaisonQuerySchema>;
