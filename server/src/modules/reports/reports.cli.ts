import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { idSchema, reportAudiences, reportFormats, reportLanguages, reportTables } from '@actionday/shared';
import { ConfigError, loadConfig } from '../../config.js';
import { type Database, openDatabase } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { getOperation } from '../operations/index.js';
import { cliViewer } from './reports.model.js';
import { generateReport } from './reports.service.js';

/**
 * `pnpm report -- --operation <id> --format pdf|html|csv|json --out <path>`:
 * the after-action report from the server's own database (DATABASE_URL, or
 * the embedded one in ACTIONDAY_DATA_DIR), as a coordinator would download
 * it. Progress goes to stderr; the exit code is 0 only when the file was
 * written. The generation is audited like a download (`report.generated`, via cli).
 */
const usage = `Usage: pnpm report -- --operation <id> --format pdf|html|csv|json --out <path>
  [--audience full|public]  public: aggregates only, small counts suppressed (default full)
  [--lang en|nl|de|fr|es|pl|ro|it|uk] language of HTML, PDF and CSV names (default en)
  [--table <name>]          with csv: one table as a .csv instead of a zip (${reportTables.join(', ')})
Reads the database as the server does: DATABASE_URL, or the embedded one in ACTIONDAY_DATA_DIR (default ./data).
With the embedded database, stop the server first: one process at a time may open it.`;

class UsageError extends Error {}

/** The most telling message of an error: a driver's cause rather than drizzle's "Failed query". */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required`);
  }
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export async function runReportCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<number> {
  let database: Database | undefined;
  try {
    const { values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: {
        operation: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        audience: { type: 'string' },
        lang: { type: 'string' },
        table: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      log(usage);
      return 0;
    }
    const operationId = values.operation;
    if (!operationId) throw new UsageError('--operation is required');
    if (!idSchema.safeParse(operationId).success)
      throw new UsageError(`--operation must be an operation id (a UUID), got "${operationId}"`);
    const format = pick('format', values.format, reportFormats);
    const audience = pick('audience', values.audience, reportAudiences, 'full');
    const lang = pick('lang', values.lang, reportLanguages, 'en');
    const table = values.table === undefined ? undefined : pick('table', values.table, reportTables);
    if (table && format !== 'csv') throw new UsageError('--table goes with --format csv');
    if (!values.out) throw new UsageError('--out is required (the file to write)');
    const out = resolve(values.out);
    if (!existsSync(dirname(out))) throw new UsageError(`--out: the folder ${dirname(out)} does not exist`);

    const config = loadConfig(env);
    log(`Opening the database (${config.databaseUrl ? 'PostgreSQL server' : `embedded, ${config.dataDir}/pglite`})…`);
    try {
      database = await openDatabase(
        config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
      );
      await database.migrate();
    } catch (error) {
      log(`Cannot open the database: ${reason(error)}`);
      return 1;
    }
    const operation = await getOperation(database.db, operationId);
    if (!operation) {
      log(`No operation ${operationId} in this database.`);
      return 1;
    }
    log(
      `Counting the figures of “${operation.name}” (${operation.status === 'closed' ? 'closed: frozen figures' : 'not closed: provisional figures'})…`,
    );
    if (format === 'pdf') log('Printing the PDF with headless Chromium…');
    const started = Date.now();
    const output = await generateReport(database.db, operation, {
      format,
      audience,
      lang,
      table,
      viewer: cliViewer,
      now: new Date(),
    });
    await writeFile(out, output.body);
    await recordAudit(
      database.db,
      { userId: null, ip: null },
      {
        operationId: operation.id,
        action: 'report.generated',
        targetType: 'operation',
        targetId: operation.id,
        details: {
          format,
          audience,
          lang,
          via: 'cli',
          ...(format === 'csv' ? { table: table ?? 'all' } : {}),
          provisional: output.report.provisional,
        },
      },
    );
    const bytes = typeof output.body === 'string' ? Buffer.byteLength(output.body) : output.body.byteLength;
    log(
      `Wrote ${out} (${format}${format === 'csv' && !table ? ', zip of CSV files' : ''}, ${bytes.toLocaleString('en')} bytes) in ${Date.now() - started} ms.`,
    );
    return 0;
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
    if (error instanceof AppError) {
      log(`${error.message} (${error.code})`);
      return 1;
    }
    log(`Report failed: ${reason(error)}`);
    return 1;
  } finally {
    await database?.close().catch(() => {});
  }
}

// run directly (scripts/report.mjs): `node --import tsx server/src/modules/reports/reports.cli.ts …`
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  runReportCli(process.argv.slice(2), process.env, (line) => process.stderr.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Report failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
