import { and, asc, desc, eq, lt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { type ChainVerdict, GENESIS, hashAuditRow, verifyChain } from './audit.chain.js';
import { auditEvents } from './audit.table.js';

export interface AuditEntry {
  operationId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Ids, enum values and counts only: never names, identifiers or free text. */
  details?: Record<string, unknown>;
}

/**
 * Appends one row to the audit chain of its operation. Call it inside the
 * transaction of the change it records (it nests as a savepoint); appends to
 * one chain are serialised by a transaction-scoped advisory lock, so the chain
 * stays a single line even with several server processes.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  const chain = entry.operationId ?? 'global';
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`);
    const [previous] = await tx
      .select({ hash: auditEvents.hash, chainIndex: auditEvents.chainIndex })
      .from(auditEvents)
      .where(eq(auditEvents.chain, chain))
      .orderBy(desc(auditEvents.chainIndex))
      .limit(1);
    const row = {
      chain,
      chainIndex: (previous?.chainIndex ?? 0) + 1,
      prevHash: previous?.hash ?? GENESIS,
      at: new Date(),
      actorId: actor.userId,
      operationId: entry.operationId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
      ip: actor.ip,
    };
    await tx.insert(auditEvents).values({ ...row, hash: hashAuditRow(row) });
  });
}

/** Re-walks an operation's chain (or `global`) from the database. */
export async function verifyAuditChain(db: Db, chain: string): Promise<ChainVerdict> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(asc(auditEvents.chainIndex));
  return verifyChain(chain, rows);
}

export type AuditRow = typeof auditEvents.$inferSelect;

/** Every row of a chain in order: the coordinator's read and CSV export. */
export async function listAuditRows(db: Db, chain: string): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(asc(auditEvents.chainIndex));
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
