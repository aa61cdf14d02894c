import { type SQL, and, asc, desc, eq, lt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { type EntryFields, entryLeafHash } from './audit.entry.js';
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
  const fields = entryFields(actor, entry);
  await db.insert(auditEvents).values({ ...fields, leafHash: entryLeafHash(fields) });
  auditAppended(fields.chain);
}

/** The row an entry becomes, as its leaf hash covers it. */
function entryFields(actor: Actor, entry: AuditEntry): EntryFields {
  return {
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
}

/**
 * A data-modifying statement (`UPDATE … RETURNING *`) and the audit entry of its change as one statement: the
 * entry is inserted only when the statement changed a row, atomically with it, with no transaction around
 * (one round trip instead of four on the hottest paths, such as a claim). Run `query`, then `appended()` when
 * rows came back.
 */
export function auditedStatement(
  statement: SQL,
  actor: Actor,
  entry: AuditEntry,
): { query: SQL; appended: () => void } {
  const fields = entryFields(actor, entry);
  const query = sql`with changed as (${statement}),
    audited as (
      insert into ${auditEvents} (chain, at, actor_id, operation_id, action, target_type, target_id, details, ip, leaf_hash)
      select ${fields.chain}::text, ${fields.at.toISOString()}::timestamptz, ${fields.actorId}::uuid,
        ${fields.operationId}::uuid, ${fields.action}::text, ${fields.targetType}::text, ${fields.targetId}::text,
        ${JSON.stringify(fields.details)}::jsonb, ${fields.ip}::text, ${entryLeafHash(fields)}::text
      from changed limit 1
    )
    select * from changed`;
  return { query, appended: () => auditAppended(fields.chain) };
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
