import { sql } from 'drizzle-orm';
import type { OfferContact, PaymentStage, ReadAs } from '@actionday/shared';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships, operations } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

/**
 * Suspects, identifiers checked and possible victims, in one table with the
 * columns of each kind, so that key figures are plain SQL counts.
 */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    kind: text('kind', { enum: ['suspect', 'identifier', 'victim', 'offer'] }).notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => memberships.id),
    /** The author's country at the time of logging (handling codes and victim protection use it). */
    country: text('country').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    handling: text('handling', { enum: ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] }).notNull(),
    note: text('note'),
    language: text('language'),
    links: uuid('links').array().notNull().default(sql`'{}'::uuid[]`),
    // suspect
    aliases: text('aliases').array(),
    identified: boolean('identified'),
    nationality: text('nationality'),
    role: text('role'),
    // identifier
    identifierKind: text('identifier_kind', { enum: ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'] }),
    value: text('value'),
    normalizedValue: text('normalized_value'),
    service: text('service'),
    display: text('display'),
    readAs: jsonb('read_as').$type<ReadAs>(),
    result: text('result'),
    // victim (pseudonymous: a reference, never a name)
    reference: text('reference'),
    minor: boolean('minor'),
    ageEstimate: integer('age_estimate'),
    exploitation: text('exploitation'),
    referral: text('referral'),
    // smuggling offer: the route in order (ISO countries), means, price in minor units of an ISO 4217 currency
    route: text('route').array(),
    /** The route's first and last countries, kept by the database (what the route table and figures count by). */
    origin: text('origin').generatedAlwaysAs(sql`route[1]`),
    destination: text('destination').generatedAlwaysAs(sql`route[array_upper(route, 1)]`),
    means: text('means').array(),
    priceMinor: integer('price_minor'),
    currency: text('currency'),
    stages: jsonb('stages').$type<PaymentStage[]>(),
    stagesBeyondPrice: boolean('stages_beyond_price'),
    /** Contacts the ad gives, read as identifiers; each is a sighting of its own for matching. */
    contacts: jsonb('contacts').$type<OfferContact[]>(),
    /** The suspect finding of who placed the ad (same operation). */
    advertiserId: uuid('advertiser_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Soft delete: deleted findings stay for the audit trail and do not count. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Logged after the operation closed, where the coordinator allowed late entries: not in the frozen figures. */
    late: boolean('late').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('findings_operation_kind_idx').on(t.operationId, t.kind),
    index('findings_platform_idx').on(t.platformId),
    index('findings_match_idx').on(t.operationId, t.normalizedValue),
  ],
);
