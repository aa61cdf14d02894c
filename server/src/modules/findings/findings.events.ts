import { perAudience, type Projections } from '../../events/delivery.js';
import { type FindingRow, viewOf } from './findings.dto.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    'finding.logged': { operationId: string; finding: FindingRow };
    'finding.updated': { operationId: string; finding: FindingRow; previous: FindingRow };
    'finding.deleted': { operationId: string; finding: FindingRow };
  }
}

const gone = (finding: FindingRow) => ({
  id: finding.id,
  operationId: finding.operationId,
  platformId: finding.platformId,
  kind: finding.kind,
});

/** Finding changes, each audience receiving the view the sharing rules allow. */
export const findingProjections: Projections = {
  'finding.logged': ({ operationId, finding }) =>
    perAudience({
      operationId,
      event: 'finding:logged',
      countries: [finding.country],
      build: (viewer) => {
        const view = viewOf(finding, viewer);
        return view ? { finding: view } : null;
      },
    }),
  'finding.updated': ({ operationId, finding, previous }) => [
    ...perAudience({
      operationId,
      event: 'finding:updated',
      countries: [finding.country],
      build: (viewer) => {
        const view = viewOf(finding, viewer);
        return view ? { finding: view } : null;
      },
    }),
    // someone who could see the finding and no longer may (AMBER → RED) is told it is gone for them
    ...perAudience({
      operationId,
      event: 'finding:deleted',
      countries: [finding.country],
      build: (viewer) => (viewOf(previous, viewer) && !viewOf(finding, viewer) ? gone(finding) : null),
    }),
  ],
  'finding.deleted': ({ operationId, finding }) =>
    perAudience({
      operationId,
      event: 'finding:deleted',
      countries: [finding.country],
      build: (viewer) => (viewOf(finding, viewer) ? gone(finding) : null),
    }),
};
