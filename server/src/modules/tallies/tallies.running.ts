import type { CountryTally, Tally } from '@actionday/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { databaseErrorCode } from '../../http/safe-error.js';
import type { OperationRow } from '../operations/index.js';
import {
  countByCountry,
  countFigureValues,
  countProgress,
  deltaCountsAndProgress,
  deltaFigureValues,
  emptyCountry,
  figuresOf,
} from './tallies.count.js';
import { type SnapshotValues, tallyDeltas, tallySnapshots } from './tallies.table.js';

/** Fold the changes into the snapshot once this many have gathered (each running read sums them). */
export const FOLD_AFTER = 2000;

/** PostgreSQL's "could not serialize access": a REPEATABLE READ transaction met a concurrent write. */
const SERIALIZATION_FAILURE = '40001';

const definitionsOf = (operation: OperationRow) => JSON.stringify(operation.figures);

/** A recount in the snapshot's shape. */
async function recountValues(db: Db, operation: OperationRow): Promise<SnapshotValues> {
  const [figures, byCountry, progress] = await Promise.all([
    countFigureValues(db, operation.id, operation.figures),
    countByCountry(db, operation.id),
    countProgress(db, operation.id),
  ]);
  const flatCountries: Record<string, number> = {};
  for (const [country, counts] of Object.entries(byCountry)) {
    for (const [what, n] of Object.entries(counts)) flatCountries[`${what}|${country}`] = n ?? 0;
  }
  return { figures: Object.fromEntries(figures), byCountry: flatCountries, progress };
}

/**
 * A new snapshot from a full recount, and the changes it already holds dropped — in one REPEATABLE READ
 * transaction, so the recount and the dropped changes are exactly the same records (a change committed
 * meanwhile is neither counted nor dropped: it stays for the next read).
 */
export async function resetSnapshot(db: Db, operation: OperationRow, now: Date): Promise<void> {
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tally-fold:${operation.id}`}))`);
      const values = await recountValues(tx, operation);
      await tx.delete(tallyDeltas).where(eq(tallyDeltas.operationId, operation.id));
      await tx
        .insert(tallySnapshots)
        .values({
          operationId: operation.id,
          definitions: definitionsOf(operation),
          values,
          countedAt: now,
          foldedAt: now,
        })
        .onConflictDoUpdate({
          target: tallySnapshots.operationId,
          set: { definitions: definitionsOf(operation), values, countedAt: now, foldedAt: now },
        });
    },
    { isolationLevel: 'repeatable read' },
  );
}

const add = (base: Record<string, number>, delta: Map<string, number>) => {
  const out = { ...base };
  for (const [key, n] of delta) out[key] = (out[key] ?? 0) + n;
  return out;
};

/** The snapshot plus the changes since, read consistently (a fold waits for the read, and the other way round). */
async function runningValues(db: Db, operation: OperationRow): Promise<SnapshotValues | null> {
  return db.transaction(async (tx) => {
    const [snapshot] = await tx
      .select()
      .from(tallySnapshots)
      .where(eq(tallySnapshots.operationId, operation.id))
      .for('share');
    if (!snapshot || snapshot.definitions !== definitionsOf(operation)) return null;
    const figures = await deltaFigureValues(tx, operation.id, operation.figures);
    const { byCountry, progress } = await deltaCountsAndProgress(tx, operation.id);
    return {
      figures: add(snapshot.values.figures, figures),
      byCountry: add(snapshot.values.byCountry, byCountry),
      progress: add(snapshot.values.progress, progress),
    };
  });
}

/**
 * Moves the gathered changes into the snapshot: their sums are added and the rows removed, in one REPEATABLE
 * READ transaction so that what is summed is exactly what is removed. One fold at a time per operation, on
 * any number of processes.
 */
export async function foldChanges(db: Db, operation: OperationRow, now: Date): Promise<boolean> {
  return db.transaction(
    async (tx) => {
      const rows = await tx.execute(
        sql`select pg_try_advisory_xact_lock(hashtext(${`tally-fold:${operation.id}`})) as got`,
      );
      const got = (Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? []))[0] as
        | { got?: boolean }
        | undefined;
      if (!got?.got) return false;
      const [snapshot] = await tx
        .select()
        .from(tallySnapshots)
        .where(eq(tallySnapshots.operationId, operation.id))
        .for('update');
      if (!snapshot || snapshot.definitions !== definitionsOf(operation)) return false;
      const figures = await deltaFigureValues(tx, operation.id, operation.figures);
      const { byCountry, progress } = await deltaCountsAndProgress(tx, operation.id);
      await tx.delete(tallyDeltas).where(eq(tallyDeltas.operationId, operation.id));
      const values: SnapshotValues = {
        figures: add(snapshot.values.figures, figures),
        byCountry: add(snapshot.values.byCountry, byCountry),
        progress: add(snapshot.values.progress, progress),
      };
      await tx
        .update(tallySnapshots)
        .set({ values, foldedAt: now })
        .where(eq(tallySnapshots.operationId, operation.id));
      return true;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** How many changes wait to be folded. */
export async function pendingChanges(db: Db, operationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tallyDeltas)
    .where(eq(tallyDeltas.operationId, operationId));
  return Number(row?.n ?? 0);
}

/** Flat snapshot values as the API's tally. */
function tallyOf(operation: OperationRow, values: SnapshotValues, now: Date): Tally {
  const byCountry: Record<string, CountryTally> = {};
  for (const [key, n] of Object.entries(values.byCountry)) {
    const [what = '', country = ''] = key.split('|');
    const row = (byCountry[country] ??= emptyCountry());
    if (what in row) row[what as keyof CountryTally] = n;
  }
  // a country whose every count went back to zero is gone, as in a recount
  for (const [country, counts] of Object.entries(byCountry))
    if (Object.values(counts).every((n) => n === 0)) delete byCountry[country];
  return {
    operationId: operation.id,
    figures: figuresOf(operation.figures, new Map(Object.entries(values.figures))),
    byCountry,
    progress: {
      unchecked: values.progress.unchecked ?? 0,
      claimed: values.progress.claimed ?? 0,
      checked: values.progress.checked ?? 0,
    },
    asOf: now.toISOString(),
    seq: operation.tallySeq,
    frozen: false,
  };
}

/**
 * The live figures as `runningTally` reads them, or null when the snapshot is missing or outdated (without
 * recounting it): for a caller inside its own transaction.
 */
export async function runningTallyIfReady(db: Db, operation: OperationRow, now: Date): Promise<Tally | null> {
  const values = await runningValues(db, operation);
  return values ? tallyOf(operation, values, now) : null;
}

/**
 * The live figures: the snapshot plus the changes since. Their cost follows the changes since the last fold,
 * not the size of the day; a missing or outdated snapshot (new figure definitions) is recounted first.
 */
export async function runningTally(db: Db, operation: OperationRow, now: Date): Promise<Tally> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const values = await runningValues(db, operation);
    if (values) return tallyOf(operation, values, now);
    try {
      await resetSnapshot(db, operation, now);
    } catch (error) {
      // two readers found the snapshot missing at once: the one that waited for the other's recount cannot
      // write over it (its REPEATABLE READ view predates it), and reads the other's snapshot instead
      if (databaseErrorCode(error) !== SERIALIZATION_FAILURE) throw error;
    }
  }
  throw new Error('tally snapshot missing after a recount');
}

/** A full recount, as the API's tally: what the running figures are checked against, and what closing freezes. */
export async function recountTally(db: Db, operation: OperationRow, now: Date): Promise<Tally> {
  return tallyOf(operation, await recountValues(db, operation), now);
}
