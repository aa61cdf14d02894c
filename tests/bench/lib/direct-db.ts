import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { BareTarget } from '../workers/protocol.js';
import type { DataTarget } from './databases.js';

/** One parameterised statement, answering its rows. */
export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A direct connection to the server's database, past the app (the embedded one only while the server is stopped). */
export interface DirectDb {
  query: Query;
  close(): Promise<void>;
}

/** Opens the target as the server would: the same pool size on PostgreSQL, one embedded instance. */
export async function connectDirect(target: BareTarget): Promise<DirectDb> {
  if (target.kind === 'postgres') {
    const sql = postgres(target.url, { max: target.poolSize, onnotice: () => {} });
    return {
      query: async (text, params = []) => [
        ...(await sql.unsafe<Record<string, unknown>[]>(text, params as postgres.ParameterOrJSON<never>[])),
      ],
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const db = await PGlite.create(target.dir);
  return {
    query: async (text, params = []) => (await db.query<Record<string, unknown>>(text, params)).rows,
    close: () => db.close(),
  };
}

/** The server's own pool size on PostgreSQL (server/src/db/database.ts): baselines use the same. */
export const serverPoolSize = 10;

/** The bare-baseline view of a benchmark's data target. */
export function bareTargetOf(target: DataTarget): BareTarget {
  return target.databaseUrl
    ? { kind: 'postgres', url: target.databaseUrl, poolSize: serverPoolSize }
    : { kind: 'pglite', dir: target.pgliteDir };
}
