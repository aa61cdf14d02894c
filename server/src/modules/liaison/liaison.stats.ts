import { type LiaisonKind, type LiaisonState, liaisonKinds, liaisonStates } from '@actionday/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { CountSource } from '../../db/counting.js';
import { type Db, rowsOf } from '../../db/database.js';

/** Requests to platforms as key figures count them. */
export const liaisonCountSource: CountSource = {
  table: 'platform_requests',
  where: () => sql`true`,
  columns: { kind: 'kind', state: 'state', legalRequestNeeded: 'legal_request_needed', country: 'country' },
};

/** One row of the report's liaison table: a kind of request, how many in each state, the median time to removal. */
export interface LiaisonCounts {
  kind: LiaisonKind;
  total: number;
  states: Record<LiaisonState, number>;
  legalRequestNeeded: number;
  /** Median minutes from sent to removed, of the removed ones (null: none removed). */
  medianMinutesToRemoval: number | null;
}

/** Requests per kind and state, with the median time from sent to removed, counted by SQL. */
export async function countLiaison(db: Db, operationId: string, frozen: boolean): Promise<LiaisonCounts[]> {
  const late: SQL = frozen ? sql` and not late` : sql``;
  const rows = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      select kind, ${sql.join(
        liaisonStates.map((state) => sql`count(*) filter (where state = ${state}) as ${sql.identifier(state)}`),
        sql`, `,
      )},
        count(*) as total,
        count(*) filter (where legal_request_needed) as legal,
        percentile_cont(0.5) within group (order by extract(epoch from ended_at - sent_at) / 60)
          filter (where state = 'removed' and sent_at is not null) as median
      from platform_requests where operation_id = ${operationId}${late} group by kind`),
  );
  const byKind = new Map(rows.map((r) => [String(r.kind), r]));
  return liaisonKinds.map((kind) => {
    const r = byKind.get(kind) ?? {};
    const states = Object.fromEntries(liaisonStates.map((state) => [state, Number(r[state] ?? 0)])) as Record<
      LiaisonState,
      number
    >;
    return {
      kind,
      total: Number(r.total ?? 0),
      states,
      legalRequestNeeded: Number(r.legal ?? 0),
      medianMinutesToRemoval: r.median === null || r.median === undefined ? null : Math.round(Number(r.median)),
    };
  });
}
