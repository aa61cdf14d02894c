import type { Tally } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { type OperationRow, raiseTallySeq } from '../operations/index.js';
import { countByCountry, countFigures, countProgress } from './tallies.count.js';

/** A fresh recount of an operation's figures, with the last pushed sequence number. */
export async function recount(db: Db, operation: OperationRow, now: Date): Promise<Tally> {
  const [figures, byCountry, progress] = await Promise.all([
    countFigures(db, operation.id, operation.figures),
    countByCountry(db, operation.id),
    countProgress(db, operation.id),
  ]);
  return {
    operationId: operation.id,
    figures,
    byCountry,
    progress,
    asOf: now.toISOString(),
    seq: operation.tallySeq,
    frozen: false,
  };
}

/** The tallies to show: the frozen ones of a closed operation, otherwise a recount. */
export async function currentTally(db: Db, operation: OperationRow, now: Date): Promise<Tally> {
  if (operation.status === 'closed' && operation.frozenTally) return operation.frozenTally;
  return recount(db, operation, now);
}

/** Raises the operation's tally sequence number and returns the new value. */
export async function nextSeq(db: Db, operationId: string): Promise<number> {
  return raiseTallySeq(db, operationId);
}
