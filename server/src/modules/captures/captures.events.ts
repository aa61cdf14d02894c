import type { Capture } from '@actionday/shared';
import { type Emit, perAudience, type Projections } from '../../events/delivery.js';
import type { LinkedFinding } from '../evidence/index.js';
import type { CaptureRow } from './captures.service.js';
import { captureVisible } from './captures.service.js';

/** A capture's progress, with the finding it documents (the sharing rules need it). */
interface CaptureChange {
  row: CaptureRow;
  capture: Capture;
  linked: LinkedFinding | null;
}

declare module '../../events/bus.js' {
  interface DomainEvents {
    'capture.queued': CaptureChange;
    'capture.started': CaptureChange;
    'capture.done': CaptureChange;
    'capture.failed': CaptureChange;
  }
}

const progress =
  (event: 'capture:queued' | 'capture:started' | 'capture:done' | 'capture:failed') =>
  ({ row, capture, linked }: CaptureChange): Emit[] =>
    perAudience({
      operationId: row.operationId,
      event,
      countries: [row.country, ...(linked ? [linked.country] : [])],
      build: (viewer) => (captureVisible(row, viewer, linked) ? { capture } : null),
    });

/** Each step of a capture goes to those who may see its evidence. */
export const captureProjections: Projections = {
  'capture.queued': progress('capture:queued'),
  'capture.started': progress('capture:started'),
  'capture.done': progress('capture:done'),
  'capture.failed': progress('capture:failed'),
};
