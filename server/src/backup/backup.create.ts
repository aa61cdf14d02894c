import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/database.js';
import { HEAD_KEY_FILE } from '../modules/audit/index.js';
import { ArchiveWriter, digestOf } from './backup.archive.js';
import { appliedMigrations, readCatalog } from './backup.catalog.js';
import { type AuditHeadSummary, BACKUP_FORMAT, type Manifest, manifestSchema, parts } from './backup.manifest.js';
import { type BackupScope, rowsInScope, tablesIn } from './backup.scope.js';

/** Rows per part: bounds the memory of a backup and of a restore, whatever the size of a table. */
export const ROWS_PER_PART = 5000;

export interface BackupOptions {
  db: Db;
  source: 'pglite' | 'postgres';
  /** The data directory: evidence files and the audit log's signing key. */
  dataDir: string;
  scope: BackupScope;
  /** The archive to write; it appears under this name only once complete. */
  out: string;
  now: Date;
  /** Progress and warnings, in words. */
  log?: (line: string) => void;
}

interface EvidenceFile {
  storagePath: string;
  sha256: string;
}

/** A head of the audit log as `row_to_json` gives it. */
interface HeadRow {
  chain: string;
  tree_size: number;
  root_hash: string;
  signed_at: string;
  key_id: string;
  sealed: boolean;
}

/** The operation to back up is not in the database. */
export class UnknownOperationError extends Error {}

/**
 * Writes one archive of the scope: every row (one repeatable-read snapshot, so the parts agree with each other),
 * the notes' Yjs states with them (they are rows), the evidence files, the audit log's signing key, and a manifest
 * with the SHA-256 of every part and the audit log's head per chain. Answers the manifest.
 */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const draft = `${options.out}.partial-${process.pid}`;
  const archive = new ArchiveWriter(draft, options.now);
  try {
    const snapshot = await options.db.transaction((tx) => writeRows(tx, archive, options.scope, log), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
    const files: Manifest['files'] = [];
    const missingFiles: string[] = [];
    for (const file of snapshot.evidence) {
      const path = join(options.dataDir, file.storagePath);
      const size = await stat(path).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) {
        missingFiles.push(file.storagePath);
        log(`warning: evidence file ${file.storagePath} is not in ${options.dataDir}; its record is kept`);
        continue;
      }
      const digest = await archive.addFile(parts.file(file.storagePath), path, size);
      const altered = digest.sha256 !== file.sha256;
      if (altered) log(`warning: evidence file ${file.storagePath} no longer matches its SHA-256; archived as it is`);
      files.push({ storagePath: file.storagePath, sha256: digest.sha256, size: digest.size, altered });
    }
    const key = await readFile(join(options.dataDir, HEAD_KEY_FILE)).catch(() => null);
    if (key) await archive.add(parts.headKey, key);
    else if (snapshot.audit.length > 0)
      log(`warning: no ${HEAD_KEY_FILE} in ${options.dataDir}: the restored heads' signatures cannot be checked`);
    const manifest = manifestSchema.parse({
      format: BACKUP_FORMAT,
      createdAt: options.now.toISOString(),
      source: options.source,
      scope: snapshot.scope,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      files,
      missingFiles,
      audit: snapshot.audit,
      parts: archive.digests,
    } satisfies Manifest);
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await archive.add(parts.manifest, text, false);
    await archive.add(parts.manifestDigest, Buffer.from(`${digestOf(text).sha256}  ${parts.manifest}\n`), false);
    await archive.finish();
    await rename(draft, options.out);
    return manifest;
  } catch (error) {
    archive.abort(error instanceof Error ? error : new Error(String(error)));
    await rm(draft, { force: true });
    throw error;
  }
}

/** Writes the scope's rows, table by table in parents-first order, and gathers what the rest of the backup needs. */
async function writeRows(db: Db, archive: ArchiveWriter, scope: BackupScope, log: (line: string) => void) {
  let manifestScope: Manifest['scope'] = { kind: 'all' };
  if (scope.kind === 'operation') {
    const [operation] = rowsOf<{ name: string }>(
      await db.execute(sql`select name from operations where id = ${scope.operationId}::uuid`),
    );
    if (!operation) throw new UnknownOperationError(`No operation ${scope.operationId} in this database.`);
    manifestScope = { kind: 'operation', operationId: scope.operationId, name: operation.name };
  }
  const tables: Manifest['tables'] = [];
  const evidence: EvidenceFile[] = [];
  const heads = new Map<string, HeadRow>();
  for (const table of tablesIn(await readCatalog(db))) {
    const order = table.primaryKey.length
      ? sql` order by ${sql.join(
          table.primaryKey.map((c) => sql.identifier(c)),
          sql`, `,
        )}`
      : sql``;
    await db.execute(
      sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${sql.identifier(table.name)} t where ${rowsInScope(table, scope)}${order}`,
    );
    const names: string[] = [];
    let count = 0;
    for (;;) {
      const batch = rowsOf<{ row: string }>(
        await db.execute(sql.raw(`fetch forward ${ROWS_PER_PART} from backup_rows`)),
      ).map((r) => r.row);
      if (batch.length === 0) break;
      if (table.name === 'evidence')
        for (const line of batch) {
          const row = JSON.parse(line) as { storage_path: string; sha256: string };
          evidence.push({ storagePath: row.storage_path, sha256: row.sha256 });
        }
      if (table.name === 'audit_heads')
        for (const line of batch) {
          const row = JSON.parse(line) as HeadRow;
          const known = heads.get(row.chain);
          if (!known || Number(row.tree_size) > Number(known.tree_size)) heads.set(row.chain, row);
        }
      const name = parts.rows(table.name, names.length + 1);
      await archive.add(name, gzipSync(`${batch.join('\n')}\n`));
      names.push(name);
      count += batch.length;
    }
    await db.execute(sql.raw('close backup_rows'));
    tables.push({ name: table.name, columns: table.columns, rows: count, parts: names });
    log(`  ${table.name}: ${count} ${count === 1 ? 'row' : 'rows'}`);
  }
  const audit: AuditHeadSummary[] = [...heads.values()]
    .sort((a, b) => a.chain.localeCompare(b.chain))
    .map((h) => ({
      chain: h.chain,
      size: Number(h.tree_size),
      root: h.root_hash,
      signedAt: h.signed_at,
      keyId: h.key_id,
      sealed: h.sealed,
    }));
  return { scope: manifestScope, migrations: await appliedMigrations(db), tables, evidence, audit };
}
