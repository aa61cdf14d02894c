import { sql } from 'drizzle-orm';
import type { FigureDefinition, Tally } from '@actionday/shared';
import { boolean, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';

export const operations = pgTable('operations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  timeZone: text('time_zone').notNull(),
  status: text('status', { enum: ['planned', 'briefing', 'live', 'debrief', 'closed'] })
    .notNull()
    .default('planned'),
  focusTags: text('focus_tags').array().notNull().default(sql`'{}'::text[]`),
  focusNationalities: text('focus_nationalities').array().notNull().default(sql`'{}'::text[]`),
  /** Trafficking for sexual or labour exploitation, migrant smuggling: what forms and presets follow. */
  themes: text('themes', { enum: ['sexual', 'labour', 'smuggling'] })
    .array()
    .notNull()
    .default(sql`'{sexual,labour}'::text[]`),
  claimLimit: integer('claim_limit').notNull().default(2),
  claimTimeoutMinutes: integer('claim_timeout_minutes').notNull().default(20),
  /** Handling code given to new findings and evidence unless the author picks another. */
  defaultHandling: text('default_handling', { enum: ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] })
    .notNull()
    .default('TLP:AMBER'),
  /** Key-figure definitions: configuration of the operation, not code. */
  figures: jsonb('figures').$type<FigureDefinition[]>().notNull().default([]),
  /** Raised with every pushed tally change, so clients can spot a missed one. */
  tallySeq: integer('tally_seq').notNull().default(0),
  /** A hash of the last pushed tally: any process pushes only what differs from it, whichever pushed last. */
  tallyFingerprint: text('tally_fingerprint'),
  /** The figures as they stood at closing: what the after-action report uses. */
  frozenTally: jsonb('frozen_tally').$type<Tally>(),
  /** After closing, accept late entries (flagged) instead of refusing them. */
  allowLateEntries: boolean('allow_late_entries').notNull().default(false),
  /** Published (public/observer) reports show counts from 1 to N-1 as "<N"; 0 turns it off. */
  suppressBelow: integer('suppress_below').notNull().default(0),
  /** Coordinators and analysts must have a second factor (TOTP) on their account to act in this operation. */
  requireTotp: boolean('require_totp').notNull().default(false),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person's part in one operation: role, country (ISO alpha-2) and agency. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['coordinator', 'investigator', 'analyst', 'observer'] }).notNull(),
    country: text('country').notNull(),
    agency: text('agency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a coordinator revoked the participant: they are out at once. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The user who revoked (or confirmed the revocation of) the participant. */
    revokedBy: uuid('revoked_by'),
    /** A coordinator asked to revoke this coordinator; another coordinator (or an administrator) must confirm. */
    revocationRequestedBy: uuid('revocation_requested_by'),
    revocationRequestedAt: timestamp('revocation_requested_at', { withTimezone: true }),
  },
  (t) => [unique('memberships_operation_user_unique').on(t.operationId, t.userId)],
);
