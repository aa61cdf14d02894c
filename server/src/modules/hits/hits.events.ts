import { perAudience, type Projections } from '../../events/delivery.js';
import type { HitRow } from './hits.detect.js';
import { hitView, involvedMembers, loadHitContext } from './hits.views.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    'hit.found': { operationId: string; hit: HitRow };
    'hit.resolved': { operationId: string; hit: HitRow };
  }
}

const deliver =
  (event: 'hit:found' | 'hit:resolved') =>
  async (
    { operationId, hit }: { operationId: string; hit: HitRow },
    { db }: { db: Parameters<typeof loadHitContext>[0] },
  ) => {
    const context = await loadHitContext(db, [hit]);
    // the people involved by their real role and country: their own view may say more than their audience's
    const members = involvedMembers(hit, context).flatMap((memberId) => {
      const contact = context.contacts.get(memberId);
      return contact ? [{ memberId, role: contact.role, country: contact.country }] : [];
    });
    return perAudience({
      operationId,
      event,
      countries: [...context.findings.values()].map((f) => f.country),
      members,
      build: (viewer) => {
        const view = hitView(hit, viewer, context);
        return view ? { hit: view } : null;
      },
    });
  };

/** Hits go to coordinators, analysts and the participants involved, each with the view they may see. */
export const hitProjections: Projections = {
  'hit.found': deliver('hit:found'),
  'hit.resolved': deliver('hit:resolved'),
};
