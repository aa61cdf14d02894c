import { rooms } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import type { IoServer } from '../../deps.js';
import type { EventBus } from '../../events/bus.js';
import type { HitRow } from './hits.detect.js';
import { hitView, involvedMembers, loadHitContext } from './hits.views.js';
import { safeError } from '../../http/safe-error.js';

/**
 * Pushes hits to the coordinators and analysts of the operation and to the
 * participants involved, each with the view they may see.
 */
export function broadcastHitEvents(
  bus: EventBus,
  io: IoServer,
  db: Db,
  log: { error: (obj: object, msg: string) => void },
): () => void {
  const send = async (event: 'hit:found' | 'hit:resolved', operationId: string, hit: HitRow) => {
    const context = await loadHitContext(db, [hit]);
    const coordinatorView = hitView(hit, { memberId: '', role: 'coordinator', country: '' }, context);
    if (coordinatorView) io.to(rooms.operationRole(operationId, 'coordinator')).emit(event, { hit: coordinatorView });
    // an analyst of no particular country: full unless TLP:RED keeps them out
    const analystView = hitView(hit, { memberId: '', role: 'analyst', country: '~elsewhere' }, context);
    if (analystView) io.to(rooms.operationRole(operationId, 'analyst')).emit(event, { hit: analystView });
    for (const memberId of involvedMembers(hit, context)) {
      const contact = context.contacts.get(memberId);
      const finding = [...context.findings.values()].find((f) => f.authorId === memberId);
      const role = finding ? 'investigator' : 'analyst';
      if (!contact || role === 'analyst') continue;
      const view = hitView(hit, { memberId, role, country: contact.country }, context);
      if (view)
        io.to(rooms.user(contact.userId))
          .except(rooms.operationRole(operationId, 'coordinator'))
          .emit(event, { hit: view });
    }
  };
  const handler =
    (event: 'hit:found' | 'hit:resolved') =>
    ({ operationId, hit }: { operationId: string; hit: HitRow }) => {
      send(event, operationId, hit).catch((error: unknown) =>
        log.error({ error: safeError(error) }, 'hit broadcast failed'),
      );
    };
  const off = [
    bus.subscribe('hit.found', handler('hit:found')),
    bus.subscribe('hit.resolved', handler('hit:resolved')),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}
