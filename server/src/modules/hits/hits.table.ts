import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { findings } from '../findings/findings.table.js';
import { memberships, operations } from '../operations/operations.table.js';

/** Lists of identifiers an analyst imported, standing in for agency databases. */
export const referenceLists = pgTable('reference_lists', {
  id: uuid('id').primaryKey().defaultRandom(),
  operationId: uuid('operation_id')
    .notNull()
    .references(() => operations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  entryCount: integer('entry_count').notNull(),
  uploadedBy: uuid('uploaded_by')
    .notNull()
    .references(() => memberships.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const referenceEntries = pgTable(
  'reference_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => referenceLists.id, { onDelete: 'cascade' }),
    operationId: uuid('operation_id').notNull(),
    identifierKind: text('identifier_kind', {
      enum: ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'],
    }).notNull(),
    normalizedValue: text('normalized_value').notNull(),
    label: text('label'),
  },
  (t) => [index('reference_entries_match_idx').on(t.operationId, t.normalizedValue)],
);

/** A match between a logged identifier and one already known (another finding or a reference entry). */
export const hits = pgTable(
  'hits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    identifierKind: text('identifier_kind', {
      enum: ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'],
    }).notNull(),
    normalizedValue: text('normalized_value').notNull(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    matchedFindingId: uuid('matched_finding_id').references(() => findings.id),
    referenceEntryId: uuid('reference_entry_id').references(() => referenceEntries.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'confirmed', 'dismissed'] })
      .notNull()
      .default('open'),
    resolvedBy: uuid('resolved_by').references(() => memberships.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hits_operation_idx').on(t.operationId, t.status),
    uniqueIndex('hits_pair_unique').on(t.findingId, t.matchedFindingId),
    uniqueIndex('hits_reference_unique').on(t.findingId, t.referenceEntryId),
  ],
);
