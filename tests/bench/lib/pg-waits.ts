import postgres from 'postgres';

/** What the server's connections were doing, averaged over the samples: e.g. "Lock:advisory" 4.8. */
export interface WaitProfile {
  samples: number;
  /** Mean number of active backends of the database. */
  activeMean: number;
  /** Mean backends per wait event ("CPU" when active without one), largest first. */
  waits: { event: string; mean: number }[];
}

/**
 * Samples `pg_stat_activity` of one database every `everyMs` while load runs:
 * where the time goes inside PostgreSQL (lock waits, I/O, client reads).
 */
export function sampleWaits(adminUrl: string, database: string, everyMs = 100): { stop(): Promise<WaitProfile> } {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const totals = new Map<string, number>();
  let samples = 0;
  let active = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sql<{ event: string; n: number }[]>`
        select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU')
                    else coalesce(state, 'unknown') end as event, count(*)::int as n
        from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid() group by 1`.catch(() => []);
      samples += 1;
      for (const row of rows) {
        totals.set(row.event, (totals.get(row.event) ?? 0) + row.n);
        if (!row.event.startsWith('idle')) active += row.n;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await sql.end({ timeout: 5 });
      const waits = [...totals]
        .map(([event, total]) => ({ event, mean: total / Math.max(1, samples) }))
        .sort((a, b) => b.mean - a.mean);
      return { samples, activeMean: active / Math.max(1, samples), waits };
    },
  };
}

/** The database name in a PostgreSQL URL. */
export function databaseOf(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}

/** Connections of `database` running a statement or holding a transaction open (the server still at work). */
export function busyConnections(
  adminUrl: string,
  database: string,
): { count(): Promise<number>; close(): Promise<void> } {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  return {
    async count() {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where datname = ${database} and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')`;
      return row?.n ?? 0;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
