import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships, operations } from '../operations/operations.table.js';

/** Coordinators' broadcasts, kept so that a client that was offline sees them on return. */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => memberships.id),
    message: text('message').notNull(),
    /** The one country it is for; null for everybody. */
    country: text('country'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcements_operation_idx').on(t.operationId, t.createdAt)],
);
