import { forObservers } from './tallies.suppression.js';
import { createHash } from 'node:crypto';
import type { Tally } from '@actionday/shared';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { DomainEvents } from '../../events/bus.js';
import { safeError } from '../../http/safe-error.js';
import { type OperationRow, getOperation } from '../operations/index.js';
import { FOLD_AFTER, foldChanges, pendingChanges, runningTally, runningTallyIfReady } from './tallies.running.js';
import { nextSeq } from './tallies.service.js';

/** Domain events that can move a figure. */
const movers: (keyof DomainEvents)[] = [
  'platform.created',
  'platform.claimed',
  'platform.assigned',
  'platform.released',
  'platform.expired',
  'platform.checked',
  'platform.reopened',
  'finding.logged',
  'finding.updated',
  'finding.deleted',
  'match.found',
  'match.updated',
  'match.resolved',
  'evidence.uploaded',
  'request.updated',
  'operation.changed',
];

interface Slot {
  timer: NodeJS.Timeout | null;
  running: boolean;
  dirty: boolean;
}

const fingerprintOf = (tally: Tally) =>
  createHash('sha256')
    .update(JSON.stringify([tally.figures, tally.byCountry, tally.progress]))
    .digest('hex');

/**
 * The running tally with the sequence number it is pushed with, or null when it equals the last one pushed by
 * any process. Read and numbered under one lock per operation, in one transaction: with several processes
 * recounting at once, a higher number always holds a later reading (its reads began after the lower one
 * committed), so clients that keep the highest number never go back to older figures.
 */
async function orderedTally(db: Db, operation: OperationRow, now: Date): Promise<Tally | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tally-push:${operation.id}`}))`);
      const tally = await runningTallyIfReady(tx, operation, now);
      if (!tally) return 'recount' as const;
      const seq = await nextSeq(tx, operation.id, fingerprintOf(tally));
      return seq === null ? null : { ...tally, seq };
    });
    if (result !== 'recount') return result;
    // no snapshot yet (or new figure definitions): recount it in its own transaction, then read again
    await runningTally(db, operation, now);
  }
  return null;
}

/**
 * Recounts an operation's tallies after changes, coalesced: at most one
 * recount per `delayMs` per operation, with a trailing run for changes that
 * arrive during a recount. A burst of 500 writes a second costs a handful of
 * queries and messages. Only a recount that changed something is pushed,
 * with the next sequence number.
 */
export class TallyScheduler {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(
    private readonly deps: Deps,
    private readonly log: FastifyBaseLogger,
    private readonly delayMs = 100,
  ) {
    for (const name of movers)
      deps.bus.subscribe(name, (event) => this.touch((event as { operationId: string }).operationId));
  }

  /** Marks an operation's figures as possibly changed. */
  touch(operationId: string): void {
    if (this.stopped) return;
    const slot = this.slots.get(operationId) ?? { timer: null, running: false, dirty: false };
    this.slots.set(operationId, slot);
    slot.dirty = true;
    if (!slot.timer && !slot.running) slot.timer = setTimeout(() => void this.run(operationId, slot), this.delayMs);
  }

  private async run(operationId: string, slot: Slot): Promise<void> {
    slot.timer = null;
    slot.running = true;
    slot.dirty = false;
    try {
      const operation = await getOperation(this.deps.db, operationId);
      if (operation && operation.status !== 'closed') {
        const tally = await orderedTally(this.deps.db, operation, this.deps.now());
        if (tally)
          this.deps.bus.publish('tally.updated', { operationId, tally, observed: forObservers(tally, operation) });
        // the changes since the last fold are what every read sums: fold them before they pile up
        if ((await pendingChanges(this.deps.db, operationId)) >= FOLD_AFTER)
          await foldChanges(this.deps.db, operation, this.deps.now());
      }
    } catch (error) {
      if (!this.stopped) this.log.error({ error: safeError(error) }, 'tally recount failed');
    } finally {
      slot.running = false;
      if (slot.dirty && !this.stopped) slot.timer = setTimeout(() => void this.run(operationId, slot), this.delayMs);
    }
  }

  /** Stops scheduling; pending recounts are dropped (the database is about to close). */
  stop(): void {
    this.stopped = true;
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
  }
}
