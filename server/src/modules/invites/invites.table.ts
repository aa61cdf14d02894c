import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { operations } from '../operations/operations.table.js';

/** One-time invitations; the code is shown once, the table keeps its SHA-256. */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    role: text('role', { enum: ['coordinator', 'investigator', 'analyst', 'observer'] }).notNull(),
    country: text('country').notNull(),
    agency: text('agency').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invites_operation_idx').on(t.operationId)],
);
