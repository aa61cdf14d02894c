import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only log of who did what, when and from where: the leaves of one
 * Merkle tree per chain (an operation, or `global` for events outside
 * operations). Writers only insert, with the leaf hash of the row's own
 * fields; the sequencer gives each row its position in the tree later.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    operationId: uuid('operation_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Non-personal details only: ids, enum values, counts. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    /** The chain: the operation id, or `global`. */
    chain: text('chain').notNull().default('global'),
    /** RFC 9162 leaf hash (hex) of the row's canonical fields, computed by the writer. Null only on rows from before the tree. */
    leafHash: text('leaf_hash'),
    /** Leaf index in the chain's tree, from 0; null until the sequencer integrated the row. */
    position: bigint('position', { mode: 'number' }),
  },
  (t) => [
    index('audit_operation_idx').on(t.operationId, t.id),
    uniqueIndex('audit_position_unique').on(t.chain, t.position),
    // the sequencer's queue: only rows still waiting for a position are in it
    index('audit_pending_idx').on(t.chain, t.id).where(sql`${t.position} is null`),
  ],
);

/**
 * The perfect subtrees of two leaves or more of each chain's tree (a leaf is
 * its entry's `leaf_hash`, found by position), so roots
 * and proofs of any size cost O(log n) lookups instead of re-hashing the day.
 */
export const auditNodes = pgTable(
  'audit_nodes',
  {
    chain: text('chain').notNull(),
    /** The subtree covers 2^level leaves … */
    level: integer('level').notNull(),
    /** … starting at leaf `nodeIndex × 2^level`. */
    nodeIndex: bigint('node_index', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.level, t.nodeIndex] })],
);

/**
 * Signed tree heads: after each batch the sequencer publishes the size and
 * root of the chain's tree. `sealed` marks the head stored when the operation
 * closed, the one the after-action report prints.
 */
export const auditHeads = pgTable(
  'audit_heads',
  {
    chain: text('chain').notNull(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: text('root_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    /** SHA-256 of the Ed25519 public key that signed the head (hex). */
    keyId: text('key_id').notNull(),
    /** Ed25519 signature (base64) over the head's canonical bytes. */
    signature: text('signature').notNull(),
    sealed: boolean('sealed').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.chain, t.treeSize] })],
);
