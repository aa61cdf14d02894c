import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberships, operations } from '../operations/operations.table.js';

export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** Host and path without scheme, `www.` or trailing slash: spots duplicates. */
    normalizedUrl: text('normalized_url').notNull(),
    category: text('category', {
      enum: [
        'social_media',
        'dating',
        'classified_ads',
        'escort_ads',
        'help_platform',
        'forum',
        'messaging',
        'dark_web',
        'other',
      ],
    }).notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    countryFocus: text('country_focus'),
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: ['unchecked', 'claimed', 'checked'] })
      .notNull()
      .default('unchecked'),
    claimedBy: uuid('claimed_by').references(() => memberships.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    verdict: text('verdict', { enum: ['no_indicators', 'suspected', 'confirmed'] }),
    followUp: boolean('follow_up').notNull().default(false),
    summary: text('summary'),
    checkedBy: uuid('checked_by').references(() => memberships.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    discovered: boolean('discovered').notNull().default(false),
    createdBy: uuid('created_by').references(() => memberships.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Increases with every change, so clients can drop stale events. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('platforms_operation_url_unique').on(t.operationId, t.normalizedUrl),
    index('platforms_operation_status_idx').on(t.operationId, t.status),
    index('platforms_claimed_by_idx').on(t.claimedBy, t.status),
    index('platforms_claim_expiry_idx').on(t.status, t.lastActivityAt),
  ],
);
