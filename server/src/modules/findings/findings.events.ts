import type { IoServer } from '../../deps.js';
import type { EventBus } from '../../events/bus.js';
import { emitPerAudience } from '../../realtime/audience.js';
import { viewOf } from './findings.dto.js';

/** Pushes finding changes to the operation, each audience receiving the view the sharing rules allow. */
export function broadcastFindingEvents(bus: EventBus, io: IoServer): () => void {
  const off = [
    ...(['logged', 'updated'] as const).map((verb) =>
      bus.subscribe(`finding.${verb}`, ({ operationId, finding }) => {
        emitPerAudience(io, operationId, finding.country, `finding:${verb}`, (viewer) => {
          const view = viewOf(finding, { memberId: '', ...viewer });
          return view ? { finding: view } : null;
        });
      }),
    ),
    // someone who could see the finding and no longer may (AMBER → RED) is told it is gone for them
    bus.subscribe('finding.updated', ({ operationId, finding, previous }) => {
      emitPerAudience(io, operationId, finding.country, 'finding:deleted', (viewer) =>
        viewOf(previous, { memberId: '', ...viewer }) && !viewOf(finding, { memberId: '', ...viewer })
          ? { id: finding.id, operationId, platformId: finding.platformId, kind: finding.kind }
          : null,
      );
    }),
    bus.subscribe('finding.deleted', ({ operationId, finding }) => {
      emitPerAudience(io, operationId, finding.country, 'finding:deleted', (viewer) =>
        viewOf(finding, { memberId: '', ...viewer })
          ? { id: finding.id, operationId, platformId: finding.platformId, kind: finding.kind }
          : null,
      );
    }),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}
