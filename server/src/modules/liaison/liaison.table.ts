import type { LiaisonState } from '@actionday/shared';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships, operations } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

/** One state a request was in, with when and by whom (membership id). */
export type LiaisonStep = { state: LiaisonState; at: string; by: string };

/** Requests to platforms: take content down, preserve it, or tell who is behind it. */
export const platformRequests = pgTable(
  'platform_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    kind: text('kind', { enum: ['takedown', 'preservation', 'information'] }).notNull(),
    /** The post or profile concerned; null: the platform as a whole. */
    contentUrl: text('content_url'),
    legalRequestNeeded: boolean('legal_request_needed').notNull().default(false),
    state: text('state', { enum: ['draft', 'sent', 'acknowledged', 'removed', 'refused', 'no_answer'] }).notNull(),
    platformReference: text('platform_reference'),
    note: text('note'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => memberships.id),
    /** The author's country when it was made (the per-country figures). */
    country: text('country').notNull(),
    history: jsonb('history').$type<LiaisonStep[]>().notNull(),
    /** When it reached each state that the figures time (sent, and the end). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Made after the operation closed, where late entries were allowed: not in the frozen figures. */
    late: boolean('late').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('platform_requests_operation_idx').on(t.operationId, t.state),
    index('platform_requests_platform_idx').on(t.platformId),
  ],
);
