import type { FindingMatch, IdentifierKind, Match, MatchResolution, MatchesQuery, Viewer } from '@actionday/shared';
import { can } from '@actionday/shared';
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { CountSource } from '../../db/counting.js';
import { type Db, rowsOf } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Access } from '../operations/index.js';
import { type MatchChange, refreshKeys } from './matches.detect.js';
import type { MatchEvent } from './matches.events.js';
import { type MatchKey, handleOf, keysOf, serviceOf } from './matches.keys.js';
import { type MatchRow, type MatchState, loadState, loadStates } from './matches.state.js';
import { disclosures, matches, sightings } from './matches.table.js';
import { matchView } from './matches.views.js';

export type MatchDeps = { db: Db; bus: EventBus; now: () => Date };

/** An identifier finding, as correlation needs it. */
export interface SightingInput {
  operationId: string;
  findingId: string;
  identifierKind: IdentifierKind;
  value: string;
  authorId: string;
  country: string;
  handling: 'TLP:RED' | 'TLP:AMBER' | 'TLP:GREEN';
  platformId: string;
  createdAt: Date;
}

/** What a change to sightings did, to announce after commit: the matches before, and the keys touched. */
export interface SightingChange {
  operationId: string;
  keys: MatchKey[];
  previous: Map<string, MatchState>;
  changes: MatchChange[];
}

/** The states of the matches of some keys as they stand now (to tell afterwards who lost sight of one). */
export async function statesOfKeys(
  tx: Db,
  operationId: string,
  keys: readonly MatchKey[],
): Promise<Map<string, MatchState>> {
  const rows: MatchRow[] = [];
  for (const strength of ['exact', 'possible'] as const) {
    const wanted = keys.filter((k) => k.strength === strength).map((k) => k.key);
    if (wanted.length === 0) continue;
    rows.push(
      ...(await tx
        .select()
        .from(matches)
        .where(
          and(eq(matches.operationId, operationId), eq(matches.strength, strength), inArray(matches.key, wanted)),
        )),
    );
  }
  return new Map(
    (
      await loadStates(
        tx,
        rows.filter((r) => r.parties >= 2),
      )
    ).map((s) => [s.match.id, s]),
  );
}

/** Keys once each, in order (an offer's two contacts may share a handle). */
function uniqueKeys(keys: readonly MatchKey[]): MatchKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(`${k.strength}\0${k.key}`) && seen.add(`${k.strength}\0${k.key}`));
}

/** A new identifier meets what is known, inside its logging transaction. */
export async function recordSighting(tx: Db, input: SightingInput): Promise<SightingChange> {
  return recordSightings(tx, input.operationId, [input]);
}

/** Several identifiers of one finding (an offer's contacts) meet what is known, inside its logging transaction. */
export async function recordSightings(
  tx: Db,
  operationId: string,
  inputs: readonly SightingInput[],
): Promise<SightingChange> {
  const keys = uniqueKeys(inputs.flatMap((input) => keysOf(input.identifierKind, input.value)));
  const previous = await statesOfKeys(tx, operationId, keys);
  if (inputs.length > 0)
    await tx.insert(sightings).values(
      inputs.map((input) => ({
        ...input,
        handle: handleOf(input.identifierKind, input.value),
        service: serviceOf(input.identifierKind, input.value),
      })),
    );
  const changes = await refreshKeys(tx, operationId, keys);
  return { operationId, keys, previous, changes };
}

/** A finding's handling changed, or it was deleted: its sightings follow, inside the finding's transaction. */
export async function changeSighting(
  tx: Db,
  findingId: string,
  patch: { handling?: SightingInput['handling']; withdrawn?: boolean },
  now: Date,
): Promise<SightingChange | null> {
  const mine = await tx.select().from(sightings).where(eq(sightings.findingId, findingId));
  const first = mine[0];
  if (!first) return null;
  const keys = uniqueKeys(mine.flatMap((s) => keysOf(s.identifierKind, s.value)));
  const previous = await statesOfKeys(tx, first.operationId, keys);
  await tx
    .update(sightings)
    .set({ ...(patch.handling ? { handling: patch.handling } : {}), ...(patch.withdrawn ? { withdrawnAt: now } : {}) })
    .where(eq(sightings.findingId, findingId));
  const changes = await refreshKeys(tx, first.operationId, keys);
  return { operationId: first.operationId, keys, previous, changes };
}

/** Announces what a committed change did, each change once, with the match before and after. */
export async function announce(deps: MatchDeps, change: SightingChange, extra: MatchChange[] = []): Promise<void> {
  const all = new Map([...change.changes, ...extra].map((c) => [c.matchId, c]));
  for (const { matchId, change: what } of all.values()) {
    const current = await loadState(deps.db, matchId);
    const event: MatchEvent = {
      operationId: change.operationId,
      matchId,
      previous: change.previous.get(matchId) ?? null,
      current: current && current.match.parties >= 2 ? current : null,
    };
    deps.bus.publish(what === 'found' ? 'match.found' : 'match.updated', event);
  }
}

/**
 * After commit: the keys are matched once more (a reference list imported at the same moment is seen now),
 * and every change is announced.
 */
export async function settle(deps: MatchDeps, change: SightingChange): Promise<void> {
  const late = await deps.db.transaction((tx) => refreshKeys(tx, change.operationId, change.keys));
  await announce(deps, change, late);
}

/** The matches each finding is part of, as far as this viewer may know (their own findings; all for analysts). */
export async function matchesOfFindings(
  db: Db,
  viewer: Viewer,
  findingIds: readonly string[],
): Promise<Map<string, FindingMatch[]>> {
  const out = new Map<string, FindingMatch[]>();
  if (findingIds.length === 0) return out;
  const mine = await db
    .select({
      findingId: sightings.findingId,
      operationId: sightings.operationId,
      value: sightings.value,
      handle: sightings.handle,
    })
    .from(sightings)
    .where(and(inArray(sightings.findingId, [...findingIds]), isNull(sightings.withdrawnAt)));
  if (mine.length === 0) return out;
  const operationId = mine[0]?.operationId ?? '';
  const values = [...new Set(mine.map((s) => s.value))];
  const handles = [...new Set(mine.map((s) => s.handle).filter((h): h is string => !!h))];
  const rows = await db
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.operationId, operationId),
        gte(matches.parties, 2),
        sql`((${matches.strength} = 'exact' and ${matches.key} in (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )}))${
          handles.length > 0
            ? sql` or (${matches.strength} = 'possible' and ${matches.key} in (${sql.join(
                handles.map((v) => sql`${v}`),
                sql`, `,
              )}))`
            : sql``
        })`,
      ),
    );
  const states = await loadStates(db, rows);
  for (const state of states) {
    const view = matchView(state, viewer);
    if (!view) continue;
    for (const s of state.sightings) {
      if (!findingIds.includes(s.findingId)) continue;
      // a viewer learns of a finding's matches if they may see the match and the finding is theirs, or they see all
      if (s.authorId !== viewer.memberId && !can(viewer.role, 'match.read_all')) continue;
      out.set(s.findingId, [
        ...(out.get(s.findingId) ?? []),
        { matchId: state.match.id, status: state.match.status, strength: state.match.strength },
      ]);
    }
  }
  return out;
}

/** The operation's matches as this viewer may see them, newest change first, filtered. */
export async function listMatches(db: Db, viewer: Viewer, operationId: string, query: MatchesQuery): Promise<Match[]> {
  const conditions = [eq(matches.operationId, operationId), gte(matches.parties, 2)];
  if (query.status) conditions.push(eq(matches.status, query.status));
  if (query.kind) conditions.push(eq(matches.identifierKind, query.kind));
  if (query.strength) conditions.push(eq(matches.strength, query.strength));
  const rows = await db
    .select()
    .from(matches)
    .where(and(...conditions))
    .orderBy(desc(matches.updatedAt));
  const q = query.q?.toLowerCase();
  return (await loadStates(db, rows))
    .map((state) => matchView(state, viewer))
    .filter((view): view is Match => view !== null)
    .filter((view) => !query.country || view.countries.includes(query.country))
    .filter(
      (view) =>
        !q ||
        (view.value ?? '').toLowerCase().includes(q) ||
        view.contacts.some((c) => c.name.toLowerCase().includes(q)),
    );
}

/** One match as this viewer may see it; a match they may not know of answers as if it did not exist. */
export async function getMatch(db: Db, viewer: Viewer, matchId: string): Promise<{ view: Match; state: MatchState }> {
  const state = await loadState(db, matchId);
  const view = state && state.match.parties >= 2 ? matchView(state, viewer) : null;
  if (!state || !view) fail('matches.not_found');
  return { view, state };
}

/** Whether a viewer may know of a match (what the activity feed asks before naming that one was resolved). */
export async function matchSeen(db: Db, viewer: Viewer, matchId: string): Promise<boolean> {
  const state = await loadState(db, matchId);
  return !!state && state.match.parties >= 2 && matchView(state, viewer) !== null;
}

/** The operation a match belongs to, or 404 (every caller then authorizes in it). */
export async function operationOfMatch(db: Db, matchId: string): Promise<string> {
  const [row] = await db.select({ operationId: matches.operationId }).from(matches).where(eq(matches.id, matchId));
  return row?.operationId ?? fail('matches.not_found');
}

/** An analyst or coordinator confirms, dismisses or reopens matches (undo is reopening), with a note shown afterwards. */
export async function resolveMatches(
  deps: MatchDeps,
  actor: Actor,
  access: Access,
  matchIds: readonly string[],
  body: MatchResolution,
): Promise<Match[]> {
  const states = new Map<string, MatchState>();
  for (const id of matchIds) states.set(id, (await getMatch(deps.db, access.viewer, id)).state);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    for (const id of matchIds) {
      const [changed] = await tx
        .update(matches)
        .set({
          status: body.status,
          resolvedBy: body.status === 'open' ? null : access.membership.id,
          resolvedAt: body.status === 'open' ? null : now,
          resolutionNote: body.status === 'open' ? null : (body.note ?? null),
          updatedAt: now,
          version: sql`${matches.version} + 1`,
        })
        .where(
          and(
            eq(matches.id, id),
            eq(matches.operationId, access.operation.id),
            body.version !== undefined && matchIds.length === 1 ? eq(matches.version, body.version) : undefined,
          ),
        )
        .returning({ id: matches.id });
      if (!changed) fail('matches.version_conflict');
      await recordAudit(tx, actor, {
        operationId: access.operation.id,
        action: body.status === 'open' ? 'match.reopened' : `match.${body.status}`,
        targetType: 'match',
        targetId: id,
      });
    }
  });
  const out: Match[] = [];
  for (const id of matchIds) {
    const current = await loadState(deps.db, id);
    if (!current) continue;
    deps.bus.publish('match.resolved', {
      operationId: access.operation.id,
      matchId: id,
      previous: states.get(id) ?? null,
      current,
    });
    const view = matchView(current, access.viewer);
    if (view) out.push(view);
  }
  return out;
}

/**
 * The owners of a TLP:RED sighting (its country) or a coordinator decide whether the other side of a match
 * learns whom to contact (never the contents), or nothing. A coordinator names the country when several are waiting.
 */
export async function discloseMatch(
  deps: MatchDeps,
  actor: Actor,
  access: Access,
  matchId: string,
  body: { share: boolean; country?: string },
): Promise<Match> {
  const { state } = await getMatch(deps.db, access.viewer, matchId);
  const { viewer } = access;
  const open = state.disclosures.filter((d) => d.state !== 'shared');
  const country =
    body.country ?? (viewer.role === 'coordinator' && open.length === 1 ? open[0]?.country : viewer.country);
  const decision = open.find((d) => d.country === country);
  if (!decision) fail('matches.no_disclosure');
  if (viewer.role !== 'coordinator' && (viewer.country !== decision.country || !can(viewer.role, 'finding.create'))) {
    fail('matches.not_owner');
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(disclosures)
      .set({ state: body.share ? 'shared' : 'closed', decidedBy: access.membership.id, decidedAt: now })
      .where(eq(disclosures.id, decision.id));
    await recordAudit(tx, actor, {
      operationId: access.operation.id,
      action: body.share ? 'match.contact_shared' : 'match.kept_closed',
      targetType: 'match',
      targetId: matchId,
      details: { country: decision.country },
    });
    await refreshKeys(tx, access.operation.id, [{ strength: state.match.strength, key: state.match.key }]);
  });
  const current = await loadState(deps.db, matchId);
  deps.bus.publish('match.resolved', { operationId: access.operation.id, matchId, previous: state, current });
  return (current && matchView(current, viewer)) ?? fail('matches.not_found');
}

/** Matches as key figures count them: those everybody may know of. */
export const matchCountSource: CountSource = {
  table: 'matches',
  where: (col) => sql`${col.int('public_parties')} >= 2`,
  columns: { status: 'status', strength: 'strength', identifierKind: 'identifier_kind' },
};

/** Matches everybody may know of, per country with a sighting in them (the per-country table). */
export async function matchesPerCountry(db: Db, operationId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ country: string; n: string | number }>(
    await db.execute(sql`
      select country, count(*) as n from ${matches}, unnest(${matches.publicCountries}) as country
      where ${matches.operationId} = ${operationId} and ${matches.publicParties} >= 2 group by country`),
  );
  return new Map(rows.map((r) => [r.country, Number(r.n)]));
}

/** Confirmed matches with their states (the report's leads). */
export async function confirmedMatchStates(db: Db, operationId: string): Promise<MatchState[]> {
  const rows = await db
    .select()
    .from(matches)
    .where(and(eq(matches.operationId, operationId), eq(matches.status, 'confirmed'), gte(matches.parties, 2)))
    .orderBy(matches.createdAt, matches.id);
  return loadStates(db, rows);
}
