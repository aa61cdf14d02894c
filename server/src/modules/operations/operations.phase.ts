import type { Operation } from '@actionday/shared';
import { operationStatuses } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import { fail } from '../../http/errors.js';
import { sealAuditLog } from '../audit/audit.integrate.js';
import { type Actor, recordAudit } from '../audit/audit.service.js';
import { recount } from '../tallies/tallies.service.js';
import type { OperationRow } from './memberships.js';
import { toOperation } from './operations.service.js';
import { operations } from './operations.table.js';

/**
 * Moves the operation to a phase (planned → briefing → live → debrief →
 * closed; the coordinator may step back, except out of closed). Closing
 * freezes the figures that the after-action report will use.
 */
export async function setPhase(
  deps: { db: Db; bus: EventBus; now: () => Date; config: { dataDir: string } },
  actor: Actor,
  operation: OperationRow,
  status: OperationRow['status'],
): Promise<Operation> {
  if (operation.status === 'closed')
    fail('operations.closed', 'A closed operation stays closed: its figures are frozen');
  if (!operationStatuses.includes(status)) fail('request.invalid', 'Unknown phase');
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    let frozen = null;
    if (status === 'closed') {
      // lock the operation so no late write slips between the recount and the close
      await tx.select({ id: operations.id }).from(operations).where(eq(operations.id, operation.id)).for('update');
      frozen = { ...(await recount(tx, operation, now)), frozen: true, seq: operation.tallySeq + 1 };
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
