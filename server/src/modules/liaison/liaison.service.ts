import {
  type CreateLiaison,
  type LiaisonQuery,
  type LiaisonRequest,
  type LiaisonState,
  type UpdateLiaison,
  can,
  createLiaisonSchema,
  liaisonFinalStates,
  liaisonTransitions,
} from '@actionday/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { type Access, entryPolicy } from '../operations/index.js';
import { platformInOperation } from '../platforms/index.js';
import { type LiaisonRow, toLiaison } from './liaison.dto.js';
import { type LiaisonStep, platformRequests } from './liaison.table.js';

type LiaisonDeps = { db: Db; bus: EventBus; now: () => Date };

/** The dates a state sets: sent, and the end (removed, refused, no answer). */
function datesOf(state: LiaisonState, now: Date): Partial<Pick<LiaisonRow, 'sentAt' | 'endedAt'>> {
  if (state === 'sent') return { sentAt: now };
  if (liaisonFinalStates.includes(state)) return { endedAt: now };
  return {};
}

/** A member who may make requests asks a platform to take down, preserve or tell; audited, live. */
export async function createLiaison(
  deps: LiaisonDeps,
  actor: Actor,
  access: Access,
  input: CreateLiaison,
): Promise<LiaisonRequest> {
  const { operation, membership } = access;
  const { late } = entryPolicy(operation);
  const data = createLiaisonSchema.parse(input);
  const platform = await platformInOperation(deps.db, operation.id, data.platformId);
  const now = deps.now();
  const at = now.toISOString();
  const history: LiaisonStep[] = [{ state: 'draft', at, by: membership.id }];
  if (data.state === 'sent') history.push({ state: 'sent', at, by: membership.id });
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(platformRequests)
      .values({
        operationId: operation.id,
        platformId: platform.id,
        kind: data.kind,
        contentUrl: data.contentUrl ?? null,
        legalRequestNeeded: data.legalRequestNeeded,
        state: data.state,
        platformReference: data.platformReference ?? null,
        note: data.note ?? null,
        authorId: membership.id,
        country: membership.country,
        history,
        ...datesOf(data.state, now),
        late,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('request insert returned no row');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'request.created',
      targetType: 'request',
      targetId: created.id,
      details: { kind: created.kind, state: created.state, platformId: platform.id },
    });
    return created;
  });
  deps.bus.publish('request.updated', { operationId: operation.id, request: row });
  return toLiaison(row);
}

/** The operation's requests, newest first, filtered by platform, kind, state or the legal route. */
export async function listLiaison(db: Db, operationId: string, query: LiaisonQuery): Promise<LiaisonRequest[]> {
  const q = query;
  const conditions = [eq(platformRequests.operationId, operationId)];
  if (q.platformId) conditions.push(eq(platformRequests.platformId, q.platformId));
  if (q.kind) conditions.push(eq(platformRequests.kind, q.kind));
  if (q.state) conditions.push(eq(platformRequests.state, q.state));
  if (q.legalRequestNeeded !== undefined)
    conditions.push(eq(platformRequests.legalRequestNeeded, q.legalRequestNeeded));
  const rows = await db
    .select()
    .from(platformRequests)
    .where(and(...conditions))
    .orderBy(desc(platformRequests.createdAt), desc(platformRequests.id));
  return rows.map(toLiaison);
}

/** One request row, or 404. */
export async function getLiaisonRow(db: Db, requestId: string): Promise<LiaisonRow> {
  const [row] = await db.select().from(platformRequests).where(eq(platformRequests.id, requestId));
  return row ?? fail('requests.not_found');
}

/**
 * Its author or a coordinator moves a request on (draft → sent → acknowledged → removed / refused / no answer,
 * forward only), notes the platform's reference or the legal route; each change is dated, audited and live. The
 * same state again is no change (a retry).
 */
export async function updateLiaison(
  deps: LiaisonDeps,
  actor: Actor,
  access: Access,
  row: LiaisonRow,
  patch: UpdateLiaison,
): Promise<LiaisonRequest> {
  const { operation, membership } = access;
  entryPolicy(operation);
  if (row.authorId !== membership.id && !can(membership.role, 'request.manage')) fail('requests.not_author');
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(platformRequests).where(eq(platformRequests.id, row.id)).for('update');
    if (!before) fail('requests.not_found');
    if (patch.version !== undefined && patch.version !== before.version) fail('requests.version_conflict');
    const { version: _expected, state, ...fields } = patch;
    const moves = state !== undefined && state !== before.state;
    if (moves && !liaisonTransitions[before.state].includes(state)) {
      const next = liaisonTransitions[before.state];
      fail('requests.bad_transition', {
        params: { from: before.state, to: state, next: next.length > 0 ? next.join(', ') : 'none' },
        fields: [{ path: 'state', message: `A ${before.state} request cannot become ${state}` }],
      });
    }
    const changed = Object.entries(fields).filter(([key, value]) => before[key as keyof typeof fields] !== value);
    if (!moves && changed.length === 0) return { updated: before, changedAnything: false };
    const [updated] = await tx
      .update(platformRequests)
      .set({
        ...fields,
        ...(moves
          ? {
              state,
              history: [...before.history, { state, at: now.toISOString(), by: membership.id }],
              ...datesOf(state, now),
            }
          : {}),
        updatedAt: now,
        version: sql`${platformRequests.version} + 1`,
      })
      .where(eq(platformRequests.id, row.id))
      .returning();
    if (!updated) throw new Error('request vanished');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: moves ? 'request.state_changed' : 'request.updated',
      targetType: 'request',
      targetId: row.id,
      details: { fields: changed.map(([key]) => key), ...(moves ? { from: before.state, to: state } : {}) },
    });
    return { updated, changedAnything: true };
  });
  if (result.changedAnything)
    deps.bus.publish('request.updated', { operationId: operation.id, request: result.updated });
  return toLiaison(result.updated);
}
