import {
  type CreateFinding,
  type FindingCreated,
  type FindingView,
  type UpdateFinding,
  can,
  createFindingSchema,
  readIdentifier,
} from '@actionday/shared';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail, failField } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { type SightingInput, changeSighting, matchesOfFindings, recordSightings, settle } from '../matches/index.js';
import { type Access, assertFocusTags, entryPolicy } from '../operations/index.js';
import { platformInOperation, touchClaim } from '../platforms/index.js';
import { assertAdvertiser, assertOfferMoney, offerValues } from './findings.offers.js';
import { type FindingRow, toFinding, viewOf } from './findings.dto.js';
import { findings } from './findings.table.js';
import { type Viewer, sightOf } from '../sharing/index.js';

type FindingDeps = { db: Db; bus: EventBus; now: () => Date };

/** The identifiers of a finding as correlation sees them: an identifier's own, an offer's contacts. */
function sightingsOf(row: FindingRow): SightingInput[] {
  const of = (identifierKind: SightingInput['identifierKind'], value: string): SightingInput => ({
    operationId: row.operationId,
    findingId: row.id,
    identifierKind,
    value,
    authorId: row.authorId,
    country: row.country,
    handling: row.handling,
    platformId: row.platformId,
    createdAt: row.createdAt,
  });
  if (row.kind === 'identifier' && row.identifierKind && row.normalizedValue)
    return [of(row.identifierKind, row.normalizedValue)];
  if (row.kind === 'offer') return (row.contacts ?? []).map((c) => of(c.identifierKind, c.normalizedValue));
  return [];
}

/**
 * Links go to findings of the operation that the author may know of: a link to a record they may not see
 * answers as one to an id that does not exist (never telling that it does).
 */
async function assertLinks(db: Db, viewer: Viewer, operationId: string, links: string[]): Promise<void> {
  if (links.length === 0) return;
  const found = await db
    .select()
    .from(findings)
    .where(and(eq(findings.operationId, operationId), inArray(findings.id, links), isNull(findings.deletedAt)));
  const known = found.filter((row) => sightOf(row, viewer) !== 'none');
  if (known.length !== new Set(links).size) failField('findings.bad_link', 'links');
}

/**
 * Logs a finding on a platform of the operation. An identifier is normalised for matching (phones read in
 * the platform's or the author's region) and becomes a sighting in the same transaction: it makes or joins
 * the matches of its value. The answer tells the author which matches it is part of, as far as they may know.
 */
export async function createFinding(
  deps: FindingDeps,
  actor: Actor,
  access: Access,
  input: CreateFinding,
): Promise<FindingCreated> {
  const { operation, membership } = access;
  const { late } = entryPolicy(operation);
  const data = createFindingSchema.parse(input);
  const platform = await platformInOperation(deps.db, operation.id, data.platformId);
  const tags = [...new Set(data.tags ?? platform.tags)];
  assertFocusTags(operation, tags);
  const links = [...new Set(data.links ?? [])];
  await assertLinks(deps.db, access.viewer, operation.id, links);

  const values: typeof findings.$inferInsert = {
    operationId: operation.id,
    platformId: platform.id,
    kind: data.kind,
    authorId: membership.id,
    country: membership.country,
    tags,
    handling: data.handling ?? operation.defaultHandling,
    note: data.note ?? null,
    language: data.language ?? null,
    links,
    late,
  };
  if (data.kind === 'suspect') {
    Object.assign(values, {
      aliases: data.aliases,
      identified: data.identified,
      nationality: data.nationality ?? null,
      role: data.role ?? null,
    });
  } else if (data.kind === 'identifier') {
    // read as a person would: the service from the value, the choice or the platform; a national number in the
    // first region where it is valid (the platform's focus, the ad's language or script, the investigator's own)
    const read = readIdentifier(data.identifierKind, data.value, {
      service: data.service ?? null,
      regions: data.regions ?? null,
      platformRegion: platform.countryFocus,
      language: data.language ?? platform.languages,
      text: data.note ?? null,
      ownRegion: membership.country,
      platformHost: platform.url,
    });
    if (!read.ok) failField('findings.bad_identifier', 'value', { reason: read.message });
    const { reading } = read;
    Object.assign(values, {
      identifierKind: reading.identifierKind,
      value: data.value,
      normalizedValue: reading.normalizedValue,
      service: reading.service,
      display: reading.display,
      readAs: reading.readAs,
      result: data.result,
    });
  } else if (data.kind === 'offer') {
    if (!operation.themes.includes('smuggling'))
      fail('findings.theme_off', {
        params: { theme: 'smuggling' },
        fields: [{ path: 'kind', message: 'No smuggling theme' }],
      });
    if (data.advertiserId) await assertAdvertiser(deps.db, operation.id, data.advertiserId);
    Object.assign(
      values,
      offerValues(data, {
        platformRegion: platform.countryFocus,
        language: data.language ?? platform.languages,
        text: data.note ?? null,
        ownRegion: membership.country,
        platformHost: platform.url,
      }),
    );
  } else {
    Object.assign(values, {
      nationality: data.nationality ?? null,
      minor: data.minor ?? (data.ageEstimate !== undefined ? data.ageEstimate < 18 : null),
      ageEstimate: data.ageEstimate ?? null,
      exploitation: data.exploitation,
      referral: data.referral,
    });
  }

  const now = deps.now();
  const { created: row, sighting } = await deps.db.transaction(async (tx) => {
    if (values.kind === 'victim')
      values.reference = await nextVictimReference(tx, operation.id, membership.country, values.handling === 'TLP:RED');
    const [created] = await tx
      .insert(findings)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error('finding insert returned no row');
    await touchClaim(tx, platform.id, membership.id, now);
    // two countries logging the same identifier at the same moment still meet: the sighting waits for the other
    const inputs = sightingsOf(created);
    const sighting = inputs.length > 0 ? await recordSightings(tx, operation.id, inputs) : null;
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'finding.logged',
      targetType: 'finding',
      targetId: created.id,
      details: { kind: created.kind, platformId: platform.id, handling: created.handling },
    });
    return { created, sighting };
  });

  deps.bus.publish('finding.logged', { operationId: operation.id, finding: row });
  if (sighting) await settle(deps, sighting);
  const matches = sighting ? ((await matchesOfFindings(deps.db, access.viewer, [row.id])).get(row.id) ?? []) : [];
  return { finding: toFinding(row), matches };
}

/**
 * The next victim reference of a country in an operation: `V-<country>-<n>`, numbered from 001 in the order they
 * were logged (deleted ones keep their number); TLP:RED victims have a sequence of their own, `V-<country>-R-<n>`,
 * so every number of one sequence is seen by the same people and no gap tells of a record the viewer may not see.
 * Two victims logged at once wait for each other on a lock held to the end of the transaction.
 */
async function nextVictimReference(tx: Db, operationId: string, country: string, red: boolean): Promise<string> {
  const prefix = red ? `V-${country}-R-` : `V-${country}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`victim-reference:${operationId}:${prefix}`}))`);
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${findings.reference} from '[0-9]+$')::int), 0)` })
    .from(findings)
    .where(
      and(
        eq(findings.operationId, operationId),
        eq(findings.kind, 'victim'),
        sql`${findings.reference} ~ ${`^${prefix}[0-9]+$`}`,
      ),
    );
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(3, '0')}`;
}

/** The findings a viewer may know of, newest first; others' victims and RED records filtered as the rules say. */
export async function listFindings(
  db: Db,
  viewer: Viewer,
  operationId: string,
  filter: { kind?: FindingRow['kind']; platformId?: string },
): Promise<FindingView[]> {
  const conditions = [eq(findings.operationId, operationId), isNull(findings.deletedAt)];
  if (filter.kind) conditions.push(eq(findings.kind, filter.kind));
  if (filter.platformId) conditions.push(eq(findings.platformId, filter.platformId));
  const rows = await db
    .select()
    .from(findings)
    .where(and(...conditions))
    .orderBy(desc(findings.createdAt));
  const views = rows.map((row) => viewOf(row, viewer)).filter((view): view is FindingView => view !== null);
  // an identifier says which matches it is part of, to its author and to those who see every match
  const matched = await matchesOfFindings(
    db,
    viewer,
    views.filter((v) => !v.redacted && v.kind === 'identifier').map((v) => v.id),
  );
  return views.map((view) =>
    !view.redacted && matched.has(view.id) ? { ...view, matches: matched.get(view.id) } : view,
  );
}

/** One finding row (deleted ones included), or 404. */
export async function getFindingRow(db: Db, findingId: string): Promise<FindingRow> {
  const [row] = await db.select().from(findings).where(eq(findings.id, findingId));
  return row ?? fail('findings.not_found');
}

const kindFields: Record<FindingRow['kind'], (keyof UpdateFinding)[]> = {
  suspect: ['aliases', 'identified', 'nationality', 'role'],
  identifier: ['result'],
  victim: ['nationality', 'minor', 'ageEstimate', 'exploitation', 'referral'],
  offer: ['route', 'means', 'priceMinor', 'currency', 'stages', 'stagesBeyondPrice', 'advertiserId'],
};
const commonFields: (keyof UpdateFinding)[] = ['tags', 'note', 'handling', 'links', 'version'];

/**
 * The author or a coordinator may change or delete a finding that still exists. A finding the caller may not
 * know of answers as one that does not exist (404), never "not yours" (403), which would tell that it does.
 */
function assertMayChange(access: Access, row: FindingRow): void {
  if (row.deletedAt || sightOf(row, access.viewer) === 'none') fail('findings.not_found');
  if (row.authorId !== access.membership.id && !can(access.membership.role, 'finding.manage'))
    fail('findings.not_author');
}

/** The author or a coordinator changes a finding; fields of another kind are refused. */
export async function updateFinding(
  deps: FindingDeps,
  actor: Actor,
  access: Access,
  row: FindingRow,
  patch: UpdateFinding,
): Promise<FindingView> {
  const { operation } = access;
  entryPolicy(operation);
  assertMayChange(access, row);
  const allowed = [...commonFields, ...kindFields[row.kind]];
  const wrong = Object.keys(patch).filter((key) => !allowed.includes(key as keyof UpdateFinding));
  if (wrong.length > 0) {
    fail('findings.kind_mismatch', {
      params: { kind: row.kind, fields: wrong },
      fields: wrong.map((path) => ({ path, message: `A ${row.kind} has no ${path}` })),
    });
  }
  if (patch.tags) assertFocusTags(operation, patch.tags);
  if (row.kind === 'offer') {
    assertOfferMoney(row, patch);
    if (patch.advertiserId) await assertAdvertiser(deps.db, operation.id, patch.advertiserId);
  }
  if (patch.links)
    await assertLinks(
      deps.db,
      access.viewer,
      operation.id,
      patch.links.filter((id) => id !== row.id),
    );
  const now = deps.now();
  const { updated, previous, sighting } = await deps.db.transaction(async (tx) => {
    // the row as it stands now, locked: the view before the change is the one others saw
    const [before] = await tx
      .select()
      .from(findings)
      .where(and(eq(findings.id, row.id), isNull(findings.deletedAt)))
      .for('update');
    if (!before) fail('findings.not_found');
    if (patch.version !== undefined && patch.version !== before.version) fail('findings.version_conflict');
    const { version: _expected, ...changes } = patch;
    const [changed] = await tx
      .update(findings)
      .set({ ...changes, updatedAt: now, version: sql`${findings.version} + 1` })
      .where(eq(findings.id, row.id))
      .returning();
    if (!changed) throw new Error('finding vanished');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'finding.updated',
      targetType: 'finding',
      targetId: row.id,
      details: { fields: Object.keys(changes) },
    });
    // a new handling code changes who may know of the identifier's sighting
    const sighting =
      changed.handling !== before.handling
        ? await changeSighting(tx, row.id, { handling: changed.handling }, now)
        : null;
    return { updated: changed, previous: before, sighting };
  });
  deps.bus.publish('finding.updated', { operationId: operation.id, finding: updated, previous });
  if (sighting) await settle(deps, sighting);
  return viewOf(updated, access.viewer) ?? fail('findings.not_found');
}

/** Soft delete by the author or a coordinator: the record stays for the audit trail and stops counting. */
export async function deleteFinding(deps: FindingDeps, actor: Actor, access: Access, row: FindingRow): Promise<void> {
  const { operation } = access;
  entryPolicy(operation);
  assertMayChange(access, row);
  const now = deps.now();
  const { deleted, sighting } = await deps.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(findings)
      .set({ deletedAt: now, updatedAt: now, version: sql`${findings.version} + 1` })
      .where(and(eq(findings.id, row.id), isNull(findings.deletedAt)))
      .returning();
    if (!changed) fail('findings.not_found');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'finding.deleted',
      targetType: 'finding',
      targetId: row.id,
      details: { kind: row.kind },
    });
    const sighting = await changeSighting(tx, row.id, { withdrawn: true }, now);
    return { deleted: changed, sighting };
  });
  deps.bus.publish('finding.deleted', { operationId: operation.id, finding: deleted });
  if (sighting) await settle(deps, sighting);
}
