import { z } from 'zod';
import { isoDateTime } from './common.js';

/** A SHA-256 hash, lower-case hex. */
export const hashHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash in lower-case hex');

/**
 * A signed tree head of an audit chain (RFC 9162 §4.10): the tree had `size`
 * entries with this root at `at`. `sealed` is the head stored when the
 * operation closed. Anchor it elsewhere (the report prints it) and a later
 * verification proves nothing before it was changed or removed.
 */
export const auditHeadSchema = z.object({
  size: z.int(),
  root: hashHexSchema,
  at: isoDateTime,
  /** SHA-256 of the Ed25519 public key that signed it (hex). */
  keyId: z.string(),
  /** Ed25519 signature, base64, over `actionday-audit-tree-head/v1\n<chain>\n<size>\n<root>\n<at>`. */
  signature: z.string(),
  sealed: z.boolean(),
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

/** A head given to check, as printed: `<size>:<root>`. */
export const anchoredHeadSchema = z
  .string()
  .regex(/^\d{1,15}:[0-9a-f]{64}$/, 'A tree head as <size>:<root hash in hex>')
  .transform((value) => {
    const [size, root] = value.split(':');
    return { size: Number(size), root: root ?? '' };
  });
export type AnchoredHead = z.output<typeof anchoredHeadSchema>;

/** What a verification can find wrong. */
export const auditProblems = [
  /** The entry's stored fields no longer give its leaf hash: it was edited. */
  'entry_altered',
  /** No entry holds this position any more: it was removed. */
  'entry_missing',
  /** Two entries claim one position. */
  'entry_duplicate',
  /** A stored subtree hash differs from the one the entries give (proofs would fail). */
  'node_mismatch',
  /** A head's root is not the root of the entries up to its size: an entry was edited, inserted, removed or moved. */
  'root_mismatch',
  /** A head counts more entries than the log holds: its tail was removed. */
  'head_beyond_log',
  /** The head's signature does not verify with this server's key. */
  'bad_signature',
  /** The given head counts more entries than the log holds: its tail was removed. */
  'anchor_beyond_log',
  /** The log's root at the given head's size is not the given root. */
  'anchor_mismatch',
] as const;

export const auditProblemSchema = z.object({
  problem: z.enum(auditProblems),
  /** The position (leaf index, from 0) concerned, when one is. */
  position: z.int().nullable(),
  /** The entry's id, when one is. */
  id: z.int().nullable(),
  /** The tree size of the head concerned, when one is. */
  size: z.int().nullable(),
});
export type AuditProblem = z.infer<typeof auditProblemSchema>;

/** `GET /api/operations/:operationId/audit/verify` */
export const auditVerifyQuerySchema = z.object({
  /** Also prove that the log extends this head (from the report, or kept elsewhere). */
  head: anchoredHeadSchema.optional(),
  /** Also prove that this entry is in the current head. */
  entry: z.coerce.number().int().positive().optional(),
});

/** The outcome of re-computing a chain's tree from its stored entries. */
export const auditVerdictSchema = z.object({
  chain: z.string(),
  ok: z.boolean(),
  /** Entries in the chain, integrated or not. */
  count: z.int(),
  /** Entries not yet given a position by the sequencer (a moment after their commit). */
  pending: z.int(),
  /** The latest head, or null before the first integration. */
  head: auditHeadSchema.nullable(),
  /** Stored heads whose root was re-computed. */
  heads: z.int(),
  /** Whether the latest and the sealed heads' signatures were checked (not without the key). */
  signatures: z.enum(['checked', 'not_checked']),
  /** The given head: whether the log extends it, with the consistency proof (RFC 9162 §2.1.4) to the latest head. */
  anchor: z
    .object({
      size: z.int(),
      root: hashHexSchema,
      extended: z.boolean(),
      proof: z.array(hashHexSchema).nullable(),
    })
    .nullable(),
  /** The given entry's inclusion proof (RFC 9162 §2.1.3) in the latest head. */
  inclusion: z
    .object({
      id: z.int(),
      position: z.int(),
      treeSize: z.int(),
      leaf: hashHexSchema,
      path: z.array(hashHexSchema),
      verified: z.boolean(),
    })
    .nullable(),
  problems: z.array(auditProblemSchema),
  /** All problems found; `problems` lists the first 100. */
  problemCount: z.int(),
});
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
