import type { Operation, Tally } from '@actionday/shared';
import { operationStatuses } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit, sealAuditLog } from '../audit/index.js';
import { assertNotClosed, type OperationRow } from './operations.policy.js';
import { toOperation } from './operations.service.js';
import { operations } from './operations.table.js';

/**
 * What closing the day freezes, computed in the closing transaction by the module that owns it (the
 * key figures, from tallies): wired in app.ts, so operations need not know it.
 */
export type CloseStep = (tx: Db, operation: OperationRow, now: Date) => Promise<Tally>;

/**
 * Moves the operation to a phase (planned → briefing → live → debrief → closed; the coordinator may step
 * back, except out of closed). Closing freezes the figures that the after-action report will use.
 */
export async function setPhase(
  deps: { db: Db; bus: EventBus; now: () => Date; config: { dataDir: string } },
  actor: Actor,
  operation: OperationRow,
  status: OperationRow['status'],
  freeze: CloseStep,
): Promise<Operation> {
  assertNotClosed(operation);
  if (!operationStatuses.includes(status)) fail('request.invalid', { params: { problem: 'unknown phase' } });
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    let frozen: Tally | null = null;
    if (status === 'closed') {
      // lock the operation so no late write slips between the recount and the close
      const [locked] = await tx.select().from(operations).where(eq(operations.id, operation.id)).for('update');
      if (!locked) throw new Error('operation vanished');
      frozen = { ...(await freeze(tx, locked, now)), frozen: true, seq: locked.tallySeq + 1 };
    }
    const [changed] = await tx
      .update(operations)
      .set({ status, ...(frozen ? { frozenTally: frozen, closedAt: now, tallySeq: frozen.seq } : {}) })
      .where(eq(operations.id, operation.id))
      .returning();
    if (!changed) throw new Error('operation vanished');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'operation.phase_changed',
      targetType: 'operation',
      targetId: operation.id,
      details: { from: operation.status, to: status },
    });
    // the head of the closed day's audit log commits with the close: the report prints it
    if (frozen) await sealAuditLog(tx, { dataDir: deps.config.dataDir, now }, operation.id);
    return changed;
  });
  deps.bus.publish('operation.changed', { operationId: operation.id });
  return toOperation(row);
}
