import type { IoServer } from '../../deps.js';
import type { EventBus } from '../../events/bus.js';
import { sightOf } from '../findings/visibility.js';
import { emitPerAudience } from '../../realtime/audience.js';

/** Tells those who may see new evidence that it is there (they fetch it as usual). */
export function broadcastEvidenceEvents(bus: EventBus, io: IoServer): () => void {
  return bus.subscribe(
    'evidence.uploaded',
    ({ operationId, evidenceId, platformId, country, handling, capturedBy, linked }) => {
      const guard = { kind: 'evidence', handling, country, authorId: capturedBy };
      emitPerAudience(io, operationId, country, 'evidence:uploaded', (viewer) => {
        const v = { memberId: '', ...viewer };
        const seen = sightOf(guard, v) === 'full' && (!linked || sightOf(linked, v) === 'full');
        return seen ? { operationId, platformId, evidenceId } : null;
      });
    },
  );
}
