import type { CreateOperation, Operation, UpdateOperation } from '@actionday/shared';
import { createOperationSchema, defaultFigures, updateOperationSchema } from '@actionday/shared';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { totpEnabledOf } from '../auth/index.js';
import { assertNotClosed, type OperationRow } from './operations.policy.js';
import { themeChange } from './operations.themes.js';
import { memberships, operations } from './operations.table.js';

/**
 * What other modules add to a new operation in its creating transaction (the indicator list, …):
 * wired in app.ts, so operations need not know them.
 */
export type OperationSetupStep = (tx: Db, operation: OperationRow) => Promise<void>;

/** The API shape of an operation row. */
export function toOperation(row: OperationRow): Operation {
  return {
    id: row.id,
    name: row.name,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    status: row.status,
    focusTags: row.focusTags,
    focusNationalities: row.focusNationalities,
    themes: row.themes,
    claimLimit: row.claimLimit,
    claimTimeoutMinutes: row.claimTimeoutMinutes,
    defaultHandling: row.defaultHandling,
    allowLateEntries: row.allowLateEntries,
    suppressBelow: row.suppressBelow,
    requireTotp: row.requireTotp,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates an operation; its creator becomes its first coordinator. */
export async function createOperation(
  db: Db,
  actor: Actor & { userId: string },
  input: CreateOperation,
  setupSteps: readonly OperationSetupStep[],
): Promise<Operation> {
  const data = createOperationSchema.parse(input);
  if (new Date(data.endsAt) <= new Date(data.startsAt)) {
    fail('operations.invalid_window');
  }
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(operations)
      .values({
        name: data.name,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        timeZone: data.timeZone,
        focusTags: [...new Set(data.focusTags)],
        focusNationalities: [...new Set(data.focusNationalities)],
        themes: data.themes,
        claimLimit: data.claimLimit,
        claimTimeoutMinutes: data.claimTimeoutMinutes,
        defaultHandling: data.defaultHandling,
        figures: defaultFigures(data.focusTags, data.focusNationalities, data.themes),
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await tx.insert(memberships).values({
      operationId: created.id,
      userId: actor.userId,
      role: 'coordinator',
      country: data.coordinatorCountry,
      agency: data.coordinatorAgency,
    });
    for (const step of setupSteps) await step(tx, created);
    await recordAudit(tx, actor, {
      operationId: created.id,
      action: 'operation.created',
      targetType: 'operation',
      targetId: created.id,
    });
    return created;
  });
  return toOperation(row);
}

/** The operations the user takes part in, newest first. */
export async function listOperationsOf(db: Db, userId: string): Promise<Operation[]> {
  const rows = await db
    .select({ operation: operations })
    .from(operations)
    .innerJoin(memberships, eq(memberships.operationId, operations.id))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(operations.startsAt));
  return rows.map((r) => toOperation(r.operation));
}

/** A coordinator changes settings; a closed operation is frozen. */
export async function updateOperation(
  deps: { db: Db; bus: EventBus },
  actor: Actor,
  operation: OperationRow,
  patch: UpdateOperation,
): Promise<Operation> {
  const data = updateOperationSchema.parse(patch);
  // the published report's suppression may still be set after closing; nothing else
  if (Object.keys(data).some((key) => key !== 'suppressBelow')) assertNotClosed(operation);
  const startsAt = data.startsAt ? new Date(data.startsAt) : operation.startsAt;
  const endsAt = data.endsAt ? new Date(data.endsAt) : operation.endsAt;
  if (endsAt <= startsAt) fail('operations.invalid_window');
  const themed = data.themes ? themeChange(operation, data.themes) : {};
  // whoever requires a second factor has one: a coordinator never locks themselves out with it
  if (data.requireTotp && !operation.requireTotp && !(actor.userId && (await totpEnabledOf(deps.db, actor.userId))))
    fail('operations.totp_required', { params: { role: 'coordinator' } });
  const row = await deps.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(operations)
      .set({ ...data, ...themed, startsAt, endsAt })
      .where(eq(operations.id, operation.id))
      .returning();
    if (!changed) throw new Error('operation vanished');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'operation.updated',
      targetType: 'operation',
      targetId: operation.id,
      details: { fields: Object.keys(data) },
    });
    return changed;
  });
  deps.bus.publish('operation.changed', { operationId: operation.id });
  return toOperation(row);
}

/** One operation row, or null. */
export async function getOperation(db: Db, operationId: string): Promise<OperationRow | null> {
  const [row] = await db.select().from(operations).where(eq(operations.id, operationId));
  return row ?? null;
}

/** Replaces the key-figure definitions (the route checked they are valid and the day is open). */
export async function setFigures(
  deps: { db: Db; bus: EventBus },
  actor: Actor,
  operation: OperationRow,
  figures: OperationRow['figures'],
): Promise<void> {
  assertNotClosed(operation);
  await deps.db.transaction(async (tx) => {
    await tx.update(operations).set({ figures }).where(eq(operations.id, operation.id));
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'figures.updated',
      details: { keys: figures.map((f) => f.key) },
    });
  });
  deps.bus.publish('operation.changed', { operationId: operation.id });
}

/**
 * Raises the operation's tally sequence number and returns the new value (the tallies module's counter). With a
 * fingerprint of the tally about to be pushed, only when it differs from the last one pushed by any process
 * (null when it does not).
 */
export async function raiseTallySeq(db: Db, operationId: string, fingerprint?: string): Promise<number | null> {
  const [row] = await db
    .update(operations)
    .set({ tallySeq: sql`${operations.tallySeq} + 1`, ...(fingerprint ? { tallyFingerprint: fingerprint } : {}) })
    .where(
      fingerprint
        ? and(eq(operations.id, operationId), sql`${operations.tallyFingerprint} is distinct from ${fingerprint}`)
        : eq(operations.id, operationId),
    )
    .returning({ seq: operations.tallySeq });
  return row?.seq ?? (fingerprint ? null : 0);
}

/** The claim timeout of every operation that is not closed: what the claim sweeper needs. */
export async function claimTimeouts(db: Db): Promise<{ operationId: string; minutes: number }[]> {
  return db
    .select({ operationId: operations.id, minutes: operations.claimTimeoutMinutes })
    .from(operations)
    .where(ne(operations.status, 'closed'));
}
