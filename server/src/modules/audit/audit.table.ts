import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only log of who did what, when and from where. Each row carries the
 * hash of the previous row of its chain (one chain per operation, one for
 * events outside operations), so an edited or deleted row is detectable.
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
    /** Position in the chain, from 1. */
    chainIndex: integer('chain_index').notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    /** SHA-256 over the previous hash and this row's fields. */
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('audit_operation_idx').on(t.operationId, t.id),
    uniqueIndex('audit_chain_unique').on(t.chain, t.chainIndex),
  ],
);
