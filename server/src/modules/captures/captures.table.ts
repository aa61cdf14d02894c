import type { CaptureFile, CaptureTls } from '@actionday/shared';
import type { ErrorDetails } from '@actionday/shared';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { findings } from '../findings/findings.table.js';
import { memberships, operations } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

/**
 * Server-side web captures: the queue (a row per request, taken by one worker at a time under a lease, so a
 * restart or a crashed process resumes it) and, once done, what the page answered and the evidence it became.
 */
export const captures = pgTable(
  'captures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    findingId: uuid('finding_id').references(() => findings.id),
    url: text('url').notNull(),
    handling: text('handling', { enum: ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => memberships.id),
    /** The requester's account, as the audit entries of the capture name them. */
    requestedByUser: uuid('requested_by_user').notNull(),
    country: text('country').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** A running capture whose lease passed (its process died) is taken again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    capturedAt: timestamp('captured_at', { withTimezone: true }),
    finalUrl: text('final_url'),
    httpStatus: integer('http_status'),
    title: text('title'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    tls: jsonb('tls').$type<CaptureTls>(),
    manifestSha256: text('manifest_sha256'),
    files: jsonb('files').$type<CaptureFile[]>().notNull().default([]),
    failureCode: text('failure_code'),
    failureDetails: jsonb('failure_details').$type<ErrorDetails>(),
  },
  (t) => [
    index('captures_operation_idx').on(t.operationId, t.platformId),
    index('captures_queue_idx').on(t.status, t.requestedAt),
  ],
);
