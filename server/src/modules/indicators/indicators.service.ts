import { defaultIndicators } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { indicators } from './indicators.table.js';

/** An indicator phrase and the language it is written in. */
export interface Indicator {
  language: string;
  phrase: string;
}

/** The operation's indicator phrases. */
export async function listIndicators(db: Db, operationId: string): Promise<Indicator[]> {
  return db
    .select({ language: indicators.language, phrase: indicators.phrase })
    .from(indicators)
    .where(eq(indicators.operationId, operationId))
    .orderBy(indicators.language, indicators.phrase);
}

/** Gives a new operation the default indicator list (a setup step of every new operation). */
export async function seedIndicators(db: Db, operation: { id: string }): Promise<void> {
  await db
    .insert(indicators)
    .values(defaultIndicators.map((i) => ({ ...i, operationId: operation.id })))
    .onConflictDoNothing();
}

/** A coordinator replaces the list. */
export async function replaceIndicators(
  db: Db,
  actor: Actor,
  operationId: string,
  list: Indicator[],
): Promise<Indicator[]> {
  await db.transaction(async (tx) => {
    await tx.delete(indicators).where(eq(indicators.operationId, operationId));
    if (list.length > 0)
      await tx
        .insert(indicators)
        .values(list.map((i) => ({ ...i, operationId })))
        .onConflictDoNothing();
    await recordAudit(tx, actor, { operationId, action: 'indicators.replaced', details: { count: list.length } });
  });
  return listIndicators(db, operationId);
}
