import type { ReportLeadHit, ReportLeadPlatform } from '@actionday/shared';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { type Viewer, sightOf } from '../findings/visibility.js';
import { hits } from '../hits/hits.table.js';
import { loadHitContext } from '../hits/hits.views.js';
import { notes } from '../notes/notes.table.js';
import { memberships } from '../operations/operations.table.js';
import { platforms } from '../platforms/platforms.table.js';

/**
 * Platforms to follow up: flagged for monitoring, or checked and confirmed
 * involved. The country responsible is the country of the participant who
 * checked it. Confirmed first, then by country and name.
 */
export async function leadPlatforms(db: Db, operationId: string, country?: string): Promise<ReportLeadPlatform[]> {
  const rows = await db
    .select({ p: platforms, country: memberships.country })
    .from(platforms)
    .leftJoin(memberships, eq(memberships.id, platforms.checkedBy))
    .where(
      and(
        eq(platforms.operationId, operationId),
        or(eq(platforms.followUp, true), and(eq(platforms.status, 'checked'), eq(platforms.verdict, 'confirmed'))),
        country ? eq(memberships.country, country) : undefined,
      ),
    )
    .orderBy(
      sql`case when ${platforms.verdict} = 'confirmed' then 0 else 1 end`,
      asc(memberships.country),
      asc(platforms.name),
    );
  return rows.map(({ p, country: responsible }) => ({
    platformId: p.id,
    name: p.name,
    url: p.url,
    category: p.category,
    tags: p.tags,
    verdict: p.verdict,
    followUp: p.followUp,
    country: responsible,
    checkedAt: p.checkedAt?.toISOString() ?? null,
    summary: p.summary,
  }));
}

/** A confirmed hit with what a report needs: both findings, platform names, countries. */
export interface ConfirmedHit {
  lead: ReportLeadHit;
  /** The findings on each side (the second is absent for a reference-list hit). */
  findingIds: string[];
  findingCountries: string[];
}

/**
 * Confirmed cross-hits whose logged finding still stands. The matched value
 * is given only where `viewer` may see both records in full.
 */
export async function confirmedHits(db: Db, operationId: string, viewer: Viewer): Promise<ConfirmedHit[]> {
  const rows = await db
    .select()
    .from(hits)
    .where(and(eq(hits.operationId, operationId), eq(hits.status, 'confirmed')))
    .orderBy(asc(hits.createdAt), asc(hits.id));
  if (rows.length === 0) return [];
  const context = await loadHitContext(db, rows);
  const platformIds = [...new Set([...context.findings.values()].map((f) => f.platformId))];
  const names = new Map(
    platformIds.length
      ? (
          await db
            .select({ id: platforms.id, name: platforms.name })
            .from(platforms)
            .where(inArray(platforms.id, platformIds))
        ).map((p) => [p.id, p.name])
      : [],
  );
  const out: ConfirmedHit[] = [];
  for (const hit of rows) {
    const own = context.findings.get(hit.findingId);
    if (!own || own.deletedAt) continue;
    const other = hit.matchedFindingId ? context.findings.get(hit.matchedFindingId) : undefined;
    const sides = [own, other].filter((f) => !!f && !f.deletedAt) as (typeof own)[];
    const reference = hit.referenceEntryId ? context.references.get(hit.referenceEntryId) : undefined;
    const seesBoth =
      sides.every((f) => sightOf(f, viewer) === 'full') && (viewer.role === 'coordinator' || viewer.role === 'analyst');
    // a hit whose other side the reader may not know of (TLP:RED elsewhere) is not theirs to see at all
    if (sides.some((f) => sightOf(f, viewer) === 'none')) continue;
    out.push({
      lead: {
        hitId: hit.id,
        source: hit.matchedFindingId ? 'finding' : 'reference',
        identifierKind: hit.identifierKind,
        value: seesBoth ? hit.normalizedValue : null,
        countries: [...new Set(sides.map((f) => f.country))].sort(),
        platforms: [...new Set(sides.map((f) => names.get(f.platformId) ?? ''))].filter(Boolean),
        referenceList: reference?.list ?? null,
        createdAt: hit.createdAt.toISOString(),
        resolvedAt: hit.resolvedAt?.toISOString() ?? null,
      },
      findingIds: sides.map((f) => f.id),
      findingCountries: sides.map((f) => f.country),
    });
  }
  return out;
}

/** The notes' Markdown copies that have any text: the situation log first, then platform notes by name. */
export async function noteTexts(db: Db, operationId: string) {
  const rows = await db
    .select({
      docName: notes.docName,
      platformId: notes.platformId,
      platformName: platforms.name,
      text: notes.text,
      updatedAt: notes.updatedAt,
    })
    .from(notes)
    .leftJoin(platforms, eq(platforms.id, notes.platformId))
    .where(and(eq(notes.operationId, operationId), sql`length(trim(${notes.text})) > 0`))
    .orderBy(sql`${notes.platformId} is not null`, asc(platforms.name));
  return rows.map((r) => ({
    kind: r.platformId ? ('platform' as const) : ('log' as const),
    platformId: r.platformId,
    platformName: r.platformName,
    text: r.text,
    updatedAt: r.updatedAt.toISOString(),
  }));
}
