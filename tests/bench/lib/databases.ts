import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { DbKind } from './args.js';

/** Where one benchmark's server keeps its data: a fresh PostgreSQL database or a fresh embedded directory. */
export interface DataTarget {
  kind: DbKind;
  /** The server's ACTIONDAY_DATA_DIR (evidence files; the embedded database lives in `<dataDir>/pglite`). */
  dataDir: string;
  /** Set for PostgreSQL: the fresh database's URL. */
  databaseUrl: string | null;
  /** The embedded database's directory, as the server opens it. */
  pgliteDir: string;
  /** Drops the database / removes the directory. */
  dispose(): Promise<void>;
}

/** A fresh database named for the run, on the server `adminUrl` points at (its `postgres` database). */
export async function freshTarget(kind: DbKind, adminUrl: string): Promise<DataTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'actionday-bench-'));
  const pgliteDir = join(dataDir, 'pglite');
  if (kind === 'pglite') {
    return {
      kind,
      dataDir,
      databaseUrl: null,
      pgliteDir,
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `actionday_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    databaseUrl: url.toString(),
    pgliteDir,
    async dispose() {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end({ timeout: 5 });
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
