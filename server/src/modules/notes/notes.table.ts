import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { operations } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

/** `bytea` as a Uint8Array on both drivers (postgres.js reads a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * One collaborative note: its Yjs document as one compacted update, and a
 * read-only Markdown copy of its text for search and the after-action report.
 */
export const notes = pgTable(
  'notes',
  {
    /** `log:<operationId>` or `platform:<platformId>` (see `noteDocName`). */
    docName: text('doc_name').primaryKey(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id').references(() => platforms.id, { onDelete: 'cascade' }),
    /** `Y.encodeStateAsUpdate` of the merged document: every write replaces it with a compacted whole. */
    state: bytea('state').notNull(),
    /** Markdown rendering of the document, rewritten with every state. */
    text: text('text').notNull().default(''),
    /** Writes so far; bumped by every store. */
    revision: integer('revision').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notes_operation_idx').on(t.operationId)],
);
