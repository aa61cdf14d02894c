import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { findings } from '../findings/findings.table.js';
import { memberships, operations } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

/** Captured evidence: the file lives in the data directory, named by id, never altered; the row keeps its SHA-256. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    findingId: uuid('finding_id').references(() => findings.id),
    url: text('url'),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
    capturedBy: uuid('captured_by')
      .notNull()
      .references(() => memberships.id),
    country: text('country').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Path of the file relative to the data directory. */
    storagePath: text('storage_path').notNull(),
    handling: text('handling', { enum: ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the stored file was last hashed again (the background check, a download). */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** When the stored file was first found not to match its SHA-256 (missing or altered): flagged for good. */
    integrityFailedAt: timestamp('integrity_failed_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Which file of a server-side web capture this is (null: an upload); only the screenshot counts as evidence. */
    captureRole: text('capture_role', { enum: ['screenshot', 'archive', 'text', 'manifest'] }),
  },
  (t) => [index('evidence_operation_idx').on(t.operationId, t.platformId)],
);
