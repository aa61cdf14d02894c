import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberships, operations } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

const identifierKind = () =>
  text('identifier_kind', { enum: ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'] }).notNull();

/** Lists of identifiers an analyst imported, standing in for agency databases. */
export const referenceLists = pgTable('reference_lists', {
  id: uuid('id').primaryKey().defaultRandom(),
  operationId: uuid('operation_id')
    .notNull()
    .references(() => operations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  entryCount: integer('entry_count').notNull(),
  /** False while an import writes its entries in chunks: such a list matches nothing and is listed nowhere. */
  complete: boolean('complete').notNull().default(true),
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
    identifierKind: identifierKind(),
    normalizedValue: text('normalized_value').notNull(),
    /** For handles: the handle without its service, for possible matches with a handle of unknown service. */
    handle: text('handle'),
    label: text('label'),
  },
  (t) => [
    index('reference_entries_match_idx').on(t.operationId, t.normalizedValue),
    index('reference_entries_handle_idx').on(t.operationId, t.handle),
  ],
);

/**
 * One identifier finding as correlation sees it: its identity and the fields the sharing rules need, copied
 * from the finding (and kept up to date by the findings module), so matches never read another module's table.
 */
export const sightings = pgTable(
  'sightings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    /**
     * The finding it mirrors (no foreign key: findings write sightings, never the other way round): one for an
     * identifier, one per contact of a smuggling offer.
     */
    findingId: uuid('finding_id').notNull(),
    identifierKind: identifierKind(),
    value: text('value').notNull(),
    handle: text('handle'),
    service: text('service'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => memberships.id),
    country: text('country').notNull(),
    handling: text('handling', { enum: ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] }).notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The finding was deleted: the sighting no longer counts. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sightings_finding_value_unique').on(t.findingId, t.identifierKind, t.value),
    index('sightings_value_idx').on(t.operationId, t.value),
    index('sightings_handle_idx').on(t.operationId, t.handle),
  ],
);

/** A value (or, for `possible`, a handle) that two or more sources share: one per key, whatever the sightings. */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    strength: text('strength', { enum: ['exact', 'possible'] }).notNull(),
    key: text('key').notNull(),
    identifierKind: identifierKind(),
    /** Distinct sources: finding authors and reference lists. A match with fewer than two is not shown. */
    parties: integer('parties').notNull().default(0),
    /** Sources everybody may know of (TLP:RED sightings only once their country shared the contact). */
    publicParties: integer('public_parties').notNull().default(0),
    /** The countries of those sources (what the per-country table counts). */
    publicCountries: text('public_countries').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['open', 'confirmed', 'dismissed'] })
      .notNull()
      .default('open'),
    resolvedBy: uuid('resolved_by').references(() => memberships.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('matches_key_unique').on(t.operationId, t.strength, t.key),
    index('matches_operation_idx').on(t.operationId, t.status),
  ],
);

/** A TLP:RED owner's decision about telling the other countries of a match whom to contact. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    state: text('state', { enum: ['pending', 'shared', 'closed'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by').references(() => memberships.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('disclosures_match_country_unique').on(t.matchId, t.country)],
);
