import type { Handling } from '@actionday/shared';
import { perAudience, type Projections } from '../../events/delivery.js';
import { sightOf } from '../sharing/index.js';
import type { LinkedFinding } from './evidence.service.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    'evidence.uploaded': {
      operationId: string;
      evidenceId: string;
      platformId: string;
      country: string;
      handling: Handling;
      capturedBy: string;
      linked: LinkedFinding | null;
    };
  }
}

/** Those who may see new evidence are told it is there (they fetch it as usual). */
export const evidenceProjections: Projections = {
  'evidence.uploaded': ({ operationId, evidenceId, platformId, country, handling, capturedBy, linked }) => {
    const guard = { kind: 'evidence', handling, country, authorId: capturedBy };
    return perAudience({
      operationId,
      event: 'evidence:uploaded',
      countries: [country, ...(linked ? [linked.country] : [])],
      build: (viewer) =>
        sightOf(guard, viewer) === 'full' && (!linked || sightOf(linked, viewer) === 'full')
          ? { operationId, platformId, evidenceId }
          : null,
    });
  },
};
