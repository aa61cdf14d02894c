import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, type Db, checkBeforeMigrating, rowsOf } from '../db/database.js';
import { HEAD_KEY_FILE, existingHeadSigner, verifyAuditLog } from '../modules/audit/index.js';
import { DamagedArchiveError, digestOf, hashOfFile, hashing, readArchive, readPart } from './backup.archive.js';
import { type CatalogTable, appliedMigrations, readCatalog } from './backup.catalog.js';
import { type Manifest, parts, storagePathSchema } from './backup.manifest.js';
import { type CheckedArchive, checkArchive } from './backup.verify.js';

/** The target cannot take this archive (not empty, another version, another signing key): nothing was changed. */
export class RestoreRefusedError extends Error {}

export interface RestoreOptions {
  /** The target database, opened; it is migrated here. */
  database: Database;
  /** The target data directory: evidence files and the audit signing key go there. */
  dataDir: string;
  file: string;
  /** The archive already checked against its manifest (the command checks before it opens the database). */
  checked?: CheckedArchive;
  log?: (line: string) => void;
}

/** What a restored audit chain verifies to, against the head the archive recorded. */
export interface RestoredChain {
  chain: string;
  ok: boolean;
  entries: number;
  /** The restored log extends the archived head (it is that head, or that head plus later entries). */
  extendsArchivedHead: boolean;
  signaturesChecked: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  audit: RestoredChain[];
}

const TABLE_PART_LIMIT = 512 * 1024 * 1024;

/**
 * Brings an archive into an empty database: checks the whole archive against its manifest first, then the
 * target (empty, a schema that has every archived column, no other signing key, no other evidence file under the
 * same name), then copies every row in one transaction with the tables' own triggers off (the rows are copies:
 * the key-figure capture must not count them again, nor the claim limit judge them), continues the sequences,
 * writes the evidence files and the key, and finally verifies each restored audit chain against the archived head.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const { manifest, headKey } = options.checked ?? (await checkArchive(options.file));
  const { database } = options;
  await checkBeforeMigrating(database);
  await database.migrate();
  const catalog = await readCatalog(database.db);
  await refuseUnfit(database.db, catalog, manifest);
  const keyPath = join(options.dataDir, HEAD_KEY_FILE);
  const presentKey = await readFile(keyPath).catch(() => null);
  if (presentKey && headKey && !presentKey.equals(headKey))
    throw new RestoreRefusedError(
      `${keyPath} holds another audit signing key than the archive's: the restored heads would not verify. Restore into a data directory without ${HEAD_KEY_FILE} (a server started on a new data directory makes one: if nothing was signed with it yet, move it away).`,
    );
  const existing = new Set<string>();
  for (const file of manifest.files) {
    const path = join(options.dataDir, file.storagePath);
    const hash = await hashOfFile(path).catch(() => null);
    if (hash === null) continue;
    if (hash !== file.sha256)
      throw new RestoreRefusedError(`${path} already exists with other contents; restore into a new data directory.`);
    existing.add(file.storagePath);
  }

  const created: string[] = [];
  try {
    if (headKey && !presentKey) {
      await mkdir(options.dataDir, { recursive: true });
      await writeFile(keyPath, headKey, { mode: 0o600, flag: 'wx' });
      created.push(keyPath);
    }
    await database.db.transaction(async (tx) => {
      const archived = new Map(manifest.tables.map((t) => [t.name, t]));
      const triggered = catalog.filter((t) => t.hasTriggers && archived.has(t.name));
      for (const table of triggered)
        await tx.execute(sql`alter table ${sql.identifier(table.name)} disable trigger user`);
      const partTable = new Map(manifest.tables.flatMap((t) => t.parts.map((p) => [p, t] as const)));
      const restoredRows = new Map<string, number>();
      const files = new Map(manifest.files.map((f) => [parts.file(f.storagePath), f]));
      await readArchive(options.file, async (name, content) => {
        const expected = manifest.parts[name];
        const table = partTable.get(name);
        if (table && expected) {
          const bytes = await readPart(content, TABLE_PART_LIMIT);
          if (digestOf(bytes).sha256 !== expected.sha256)
            throw new DamagedArchiveError(`${name} changed during the restore`);
          const lines = gunzipSync(bytes).toString('utf8').split('\n').filter(Boolean);
          await insertRows(tx, table, lines);
          restoredRows.set(table.name, (restoredRows.get(table.name) ?? 0) + lines.length);
          return;
        }
        const file = files.get(name);
        if (file && !existing.has(file.storagePath)) {
          const path = join(options.dataDir, storagePathSchema.parse(file.storagePath));
          await mkdir(dirname(path), { recursive: true });
          const draft = `${path}.restoring`;
          const tap = hashing();
          created.push(draft);
          await pipeline(content, tap, createWriteStream(draft, { flags: 'wx', mode: 0o600 }));
          if (tap.digest().sha256 !== file.sha256) throw new DamagedArchiveError(`${name} changed during the restore`);
          await rename(draft, path);
          await chmod(path, 0o444);
          created.push(path);
        }
      });
      for (const table of manifest.tables)
        if ((restoredRows.get(table.name) ?? 0) !== table.rows)
          throw new DamagedArchiveError(`${table.name}: the archive holds another number of rows than its manifest`);
      for (const table of triggered)
        await tx.execute(sql`alter table ${sql.identifier(table.name)} enable trigger user`);
      for (const table of catalog.filter((t) => archived.has(t.name)))
        for (const column of table.serialColumns)
          await tx.execute(
            sql`select setval(pg_get_serial_sequence(${`public.${table.name}`}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table.name)}), 0) + 1, false)`,
          );
    });
  } catch (error) {
    for (const path of created.reverse()) await rm(path, { force: true });
    throw error;
  }
  for (const table of manifest.tables)
    if (table.rows) log(`  ${table.name}: ${table.rows} ${table.rows === 1 ? 'row' : 'rows'}`);
  if (manifest.files.length) log(`  evidence files: ${manifest.files.length}`);
  return { manifest, audit: await verifyRestoredAudit(database.db, options.dataDir, manifest) };
}

/** Refuses a target this archive cannot go into: from a newer version, a schema without its columns, not empty. */
async function refuseUnfit(db: Db, catalog: CatalogTable[], manifest: Manifest): Promise<void> {
  const known = new Set(await appliedMigrations(db));
  const unknown = manifest.migrations.filter((when) => !known.has(when));
  if (unknown.length)
    throw new RestoreRefusedError(
      `The archive was made by a newer version of Actionday (${unknown.length} migrations this version does not know). Restore it with that version.`,
    );
  const byName = new Map(catalog.map((t) => [t.name, t]));
  for (const table of manifest.tables) {
    const target = byName.get(table.name);
    const missing = table.columns.filter((c) => !target?.columns.includes(c));
    if (!target || missing.length)
      throw new RestoreRefusedError(
        `The database has no ${target ? `column ${missing.join(', ')} in table` : 'table'} ${table.name}, which the archive holds; restore with the version that made it.`,
      );
  }
  const filled: string[] = [];
  for (const table of catalog) {
    const [row] = rowsOf<{ n: number | string }>(
      await db.execute(
        sql`select count(*) as n from (select 1 from ${sql.identifier(table.name)} limit 100000) as rows`,
      ),
    );
    const n = Number(row?.n ?? 0);
    if (n > 0) filled.push(`${table.name}: ${n >= 100_000 ? 'more than 100,000' : n} rows`);
  }
  if (filled.length)
    throw new RestoreRefusedError(
      `The database is not empty (${filled.slice(0, 5).join('; ')}${filled.length > 5 ? '; …' : ''}). A backup is restored only into an empty database: a new ACTIONDAY_DATA_DIR, or a new PostgreSQL database (createdb) in DATABASE_URL. Nothing was changed.`,
    );
}

/** Inserts one part's rows; PostgreSQL turns each JSON row back into the table's row type. */
async function insertRows(db: Db, table: Manifest['tables'][number], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const columns = sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const name = sql.identifier(table.name);
  await db.execute(
    sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${`[${lines.join(',')}]`}::json)`,
  );
}

/** Verifies each chain the archive recorded a head of: the restored log must verify and extend that head. */
async function verifyRestoredAudit(db: Db, dataDir: string, manifest: Manifest): Promise<RestoredChain[]> {
  const signer = existingHeadSigner(dataDir);
  const results: RestoredChain[] = [];
  for (const head of manifest.audit) {
    const verdict = await verifyAuditLog(db, head.chain, { anchor: { size: head.size, root: head.root }, signer });
    results.push({
      chain: head.chain,
      ok: verdict.ok,
      entries: verdict.count,
      extendsArchivedHead: verdict.anchor?.extended ?? false,
      signaturesChecked: signer !== null,
    });
  }
  return results;
}
