import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/database.js';
import type { FindingRow } from './findings.dto.js';
import { sharedRecords } from './findings.stats.js';
import { findings } from './findings.table.js';

/** Finding rows by id (deleted ones included): what other modules show about the records they refer to. */
export async function findingRowsByIds(db: Db, ids: readonly string[]): Promise<Map<string, FindingRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(findings).where(inArray(findings.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The live identifiers of other authors with the same normalised value: who else saw it. */
export async function identifierPeers(tx: Db, finding: FindingRow): Promise<string[]> {
  if (!finding.normalizedValue) return [];
  const rows = await tx
    .select({ id: findings.id })
    .from(findings)
    .where(
      and(
        eq(findings.operationId, finding.operationId),
        eq(findings.normalizedValue, finding.normalizedValue),
        eq(findings.kind, 'identifier'),
        isNull(findings.deletedAt),
        ne(findings.authorId, finding.authorId),
        ne(findings.id, finding.id),
      ),
    );
  return rows.map((r) => r.id);
}

/** The live identifiers of an operation with their normalised values (matching an imported list against them). */
export async function liveIdentifiers(
  tx: Db,
  operationId: string,
): Promise<{ id: string; identifierKind: NonNullable<FindingRow['identifierKind']>; normalizedValue: string }[]> {
  const rows = await tx
    .select({ id: findings.id, identifierKind: findings.identifierKind, normalizedValue: findings.normalizedValue })
    .from(findings)
    .where(and(eq(findings.operationId, operationId), eq(findings.kind, 'identifier'), isNull(findings.deletedAt)));
  return rows.flatMap((r) =>
    r.identifierKind && r.normalizedValue
      ? [{ id: r.id, identifierKind: r.identifierKind, normalizedValue: r.normalizedValue }]
      : [],
  );
}

/** Every live finding of an operation, oldest first (country packages read them as one country would). */
export async function liveFindings(db: Db, operationId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(findings)
    .where(and(eq(findings.operationId, operationId), isNull(findings.deletedAt)))
    .orderBy(asc(findings.createdAt), asc(findings.id));
}

/** Findings logged per time bucket of the day, counted by SQL (the timeline); optionally without late entries. */
export async function loggedPerBucket(
  db: Db,
  operationId: string,
  origin: Date,
  bucketMinutes: number,
  withoutLate = false,
): Promise<Map<string, number>> {
  const interval = sql.raw(`'${Math.trunc(bucketMinutes)} minutes'::interval`);
  const rows = rowsOf<{ start: string | Date; n: string | number }>(
    await db.execute(sql`
      select date_bin(${interval}, created_at, ${origin.toISOString()}::timestamptz) as start, count(*) as n
      from findings where operation_id = ${operationId} and deleted_at is null${sharedRecords}${withoutLate ? sql` and not late` : sql``}
      group by 1`),
  );
  return new Map(rows.map((r) => [new Date(r.start).toISOString(), Number(r.n)]));
}
