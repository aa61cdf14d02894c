import { rooms } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { IoServer } from '../../deps.js';
import type { EventBus } from '../../events/bus.js';
import { toOperation } from './operations.service.js';
import { operations } from './operations.table.js';
import { safeError } from '../../http/safe-error.js';

/** Pushes the operation's new settings or phase to its room. */
export function broadcastOperationEvents(
  bus: EventBus,
  io: IoServer,
  db: Db,
  log: { error: (obj: object, msg: string) => void },
): () => void {
  return bus.subscribe('operation.changed', ({ operationId }) => {
    db.select()
      .from(operations)
      .where(eq(operations.id, operationId))
      .then(([row]) => {
        if (row) io.to(rooms.operation(operationId)).emit('operation:updated', { operation: toOperation(row) });
      })
      .catch((error: unknown) => log.error({ error: safeError(error) }, 'operation broadcast failed'));
  });
}
