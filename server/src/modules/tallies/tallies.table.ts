import { bigserial, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { operations } from '../operations/operations.table.js';

/**
 * Every change of a countable record, written by a trigger in the change's own transaction (migration
 * `tally_capture`): the record's countable columns before (sign -1) and after (sign +1). No row is shared by
 * two writers, so writers never wait for each other; the running figures are the last snapshot plus these.
 * No foreign key: the trigger may write while an operation's rows are being removed.
 */
export const tallyDeltas = pgTable(
  'tally_deltas',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    operationId: uuid('operation_id').notNull(),
    subject: text('subject').notNull(),
    sign: smallint('sign').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tally_deltas_operation_idx').on(t.operationId, t.subject)],
);

/** Counted values as a snapshot keeps them: figure keys, `what\0country`, `status`. */
export interface SnapshotValues {
  figures: Record<string, number>;
  byCountry: Record<string, number>;
  progress: Record<string, number>;
}

/** The figures folded so far: a recount's values plus every change folded in since. */
export const tallySnapshots = pgTable('tally_snapshots', {
  operationId: uuid('operation_id')
    .primaryKey()
    .references(() => operations.id, { onDelete: 'cascade' }),
  /** The figure definitions it was counted for (their JSON); new definitions mean a new recount. */
  definitions: text('definitions').notNull(),
  values: jsonb('values').$type<SnapshotValues>().notNull(),
  countedAt: timestamp('counted_at', { withTimezone: true }).notNull(),
  foldedAt: timestamp('folded_at', { withTimezone: true }).notNull(),
});
