import type { Tally } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { type OperationRow, raiseTallySeq } from '../operations/index.js';
import { recountTally, runningTally } from './tallies.running.js';

/** A full recount of an operation's figures (closing freezes it; checks compare the running figures with it). */
export async function recount(db: Db, operation: OperationRow, now: Date): Promise<Tally> {
  return recountTally(db, operation, now);
}

/** The tallies to show: the frozen ones of a closed operation, otherwise the running figures. */
export async function currentTally(db: Db, operation: OperationRow, now: Date): Promise<Tally> {
  if (operation.status === 'closed' && operation.frozenTally) return operation.frozenTally;
  return runningTally(db, operation, now);
}

/** The next sequence number for a tally with this fingerprint, or null when the last one pushed was the same. */
export async function nextSeq(db: Db, operationId: string, fingerprint: string): Promise<number | null> {
  return raiseTallySeq(db, operationId, fingerprint);
}
