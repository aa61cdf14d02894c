import type { Db } from '../../db/database.js';
import { auditEvents } from './audit.table.js';

/** Who acted, and from where. */
export interface Actor {
  userId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  operationId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Ids, enum values and counts only: never names, identifiers or free text. */
  details?: Record<string, unknown>;
}

/** Appends one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: actor.userId,
    ip: actor.ip,
    operationId: entry.operationId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
