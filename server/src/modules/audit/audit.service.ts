import { and, asc, desc, eq, lt, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { entryLeafHash } from './audit.entry.js';
import { auditAppended } from './audit.signal.js';
import { auditEvents } from './audit.table.js';

/** What happened: an action on a target, within an operation or not. */
export interface AuditEntry {
  operationId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Ids, enum values and counts only: never names, identifiers or free text. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log of its operation (or `global`). Call it
 * inside the transaction of the change it records, so the entry commits or
 * rolls back with it. It is one INSERT with the entry's own leaf hash: no
 * lock and no read of other entries, so writers never wait for each other;
 * the sequencer gives the entry its place in the tree a moment after commit.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  const fields = {
    chain: entry.operationId ?? 'global',
    at: new Date(),
    actorId: actor.userId,
    operationId: entry.operationId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    // exactly what jsonb will give back (dates as strings, no undefined), so the leaf re-computes from the row
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    ip: actor.ip,
  };
  await db.insert(auditEvents).values({ ...fields, leafHash: entryLeafHash(fields) });
  auditAppended(fields.chain);
}

export type AuditRow = typeof auditEvents.$inferSelect;

/** Every row of a chain in tree order (entries still waiting for their position come last): the coordinator's read and CSV export. */
export async function listAuditRows(db: Db, chain: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(asc(auditEvents.position), asc(auditEvents.id));
}

/** The newest events of an operation, leaving out the given actions: the activity feed's source. */
export async function recentAuditEvents(
  db: Db,
  operationId: string,
  options: { limit: number; before?: number; excludeActions: readonly string[] },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.operationId, operationId),
        options.excludeActions.length > 0 ? notInArray(auditEvents.action, [...options.excludeActions]) : undefined,
        options.before ? lt(auditEvents.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
}
