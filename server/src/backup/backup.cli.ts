// `pnpm backup -- [--operation <id>] --out <file>` and `pnpm restore -- <file>`: one archive of the server's
// database (DATABASE_URL, or the embedded one in ACTIONDAY_DATA_DIR) with its evidence files, and back.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { idSchema } from '@actionday/shared';
import { ConfigError, loadConfig } from '../config.js';
import { type Database, StartupError, openDatabase } from '../db/database.js';
import { recordAudit } from '../modules/audit/index.js';
import { DamagedArchiveError, hashOfFile } from './backup.archive.js';
import { UnknownOperationError, createBackup } from './backup.create.js';
import { RestoreRefusedError, restoreBackup } from './backup.restore.js';
import { checkArchive } from './backup.verify.js';

const usage = `Usage: pnpm backup -- [--operation <id>] --out <file>
       pnpm restore -- <file>
Reads and writes the database the server uses: DATABASE_URL, or the embedded one in ACTIONDAY_DATA_DIR (default
./data), with the evidence files and the audit signing key of ACTIONDAY_DATA_DIR.
The embedded database is one process at a time: stop the server before a backup or a restore.
A restore goes only into an empty database (a new ACTIONDAY_DATA_DIR, or a new PostgreSQL database).`;

class UsageError extends Error {}

/** The most telling message of an error: a driver's cause rather than drizzle's "Failed query". */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

const where = (config: ReturnType<typeof loadConfig>) =>
  config.databaseUrl
    ? 'the PostgreSQL server of DATABASE_URL'
    : `the embedded database in ${config.dataDir}/pglite (the server must be stopped: one process at a time)`;

const open = (config: ReturnType<typeof loadConfig>) =>
  openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` });

async function backup(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { operation: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (values.operation !== undefined && !idSchema.safeParse(values.operation).success)
    throw new UsageError(`--operation must be an operation id (a UUID), got "${values.operation}"`);
  if (!values.out) throw new UsageError('--out is required (the archive to write)');
  const out = resolve(values.out);
  if (!existsSync(dirname(out))) throw new UsageError(`--out: the folder ${dirname(out)} does not exist`);
  if (existsSync(out)) throw new UsageError(`--out: ${out} exists already; a backup never overwrites a file`);
  const config = loadConfig(env);
  log(`Backing up ${values.operation ? `operation ${values.operation}` : 'everything'} from ${where(config)}…`);
  let database: Database | undefined;
  try {
    database = await open(config);
    const manifest = await createBackup({
      db: database.db,
      source: database.kind,
      dataDir: config.dataDir,
      scope: values.operation ? { kind: 'operation', operationId: values.operation } : { kind: 'all' },
      out,
      now: new Date(),
      log,
    });
    const archiveSha256 = await hashOfFile(out);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    await recordAudit(
      database.db,
      { userId: null, ip: null },
      {
        operationId: manifest.scope.kind === 'operation' ? manifest.scope.operationId : null,
        action: 'backup.created',
        targetType: manifest.scope.kind === 'operation' ? 'operation' : 'server',
        ...(manifest.scope.kind === 'operation' ? { targetId: manifest.scope.operationId } : {}),
        details: { via: 'cli', scope: manifest.scope.kind, rows, files: manifest.files.length, archiveSha256 },
      },
    );
    log(`Wrote ${out}: ${rows} rows, ${manifest.files.length} evidence files, SHA-256 ${archiveSha256}.`);
    for (const head of manifest.audit) log(`  audit head ${head.chain}: ${head.size}:${head.root}`);
    log('The archive holds personal data, password hashes and the audit signing key: keep it like the database.');
    return 0;
  } finally {
    await database?.close().catch(() => {});
  }
}

async function restore(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('give the archive to restore, and only that');
  const file = resolve(positionals[0] ?? '');
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  const config = loadConfig(env);
  // the whole archive is checked before the database is even opened: a damaged one leaves no trace
  const checked = await checkArchive(file);
  log(`The archive is whole: ${Object.keys(checked.manifest.parts).length} parts match its manifest.`);
  log(`Restoring ${file} into ${where(config)}…`);
  let database: Database | undefined;
  try {
    database = await open(config);
    const result = await restoreBackup({ database, dataDir: config.dataDir, file, checked, log });
    let broken = 0;
    for (const chain of result.audit) {
      const fine = chain.ok && chain.extendsArchivedHead;
      if (!fine) broken++;
      log(
        `  audit ${chain.chain}: ${fine ? 'verifies' : 'does NOT verify'}, ${chain.entries} entries${chain.signaturesChecked ? '' : ' (signatures not checked: no key)'}`,
      );
    }
    await recordAudit(
      database.db,
      { userId: null, ip: null },
      {
        operationId: null,
        action: 'backup.restored',
        targetType: 'server',
        details: {
          via: 'cli',
          scope: result.manifest.scope.kind,
          source: result.manifest.source,
          createdAt: result.manifest.createdAt,
          archiveSha256: await hashOfFile(file),
        },
      },
    );
    if (broken) {
      log(`Restored, but ${broken} audit chains do not verify against the archive's heads.`);
      return 1;
    }
    log('Restored. Start the server on this database.');
    return 0;
  } finally {
    await database?.close().catch(() => {});
  }
}

/** Runs `backup` or `restore` with the arguments after it; answers the exit code. */
export async function runBackupCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<number> {
  const [command, ...rest] = argv.filter((arg) => arg !== '--');
  try {
    if (command === 'backup') return await backup(rest, env, log);
    if (command === 'restore') return await restore(rest, env, log);
    throw new UsageError(`unknown command ${command ?? ''}`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      log(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      log(error.message);
      return 2;
    }
    if (error instanceof DamagedArchiveError) {
      log(`Refused: ${error.message}. Nothing was restored.`);
      return 1;
    }
    if (
      error instanceof RestoreRefusedError ||
      error instanceof StartupError ||
      error instanceof UnknownOperationError
    ) {
      log(error.message);
      return 1;
    }
    log(`${command === 'restore' ? 'Restore' : 'Backup'} failed: ${reason(error)}`);
    return 1;
  }
}

// run directly (package.json: `tsx server/src/backup/backup.cli.ts backup|restore …`)
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  runBackupCli(process.argv.slice(2), process.env, (line) => process.stderr.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
