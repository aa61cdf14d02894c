import { parseArgs } from 'node:util';

/** Every benchmark the runner knows, in the order they run. */
export const benchNames = [
  'bundle',
  'memory',
  'fanout',
  'reconnect',
  'stop',
  'claims',
  'findings',
  'notes',
  'report',
  'matches',
] as const;
export type BenchName = (typeof benchNames)[number];
export type DbKind = 'postgres' | 'pglite';

/** What `pnpm bench -- …` asked for. */
export interface BenchOptions {
  only: Set<BenchName>;
  databases: DbKind[];
  quick: boolean;
  out: string;
  /** The PostgreSQL server where each run gets a fresh database (dropped afterwards). */
  postgresUrl: string;
}

const usage = `pnpm bench [-- --only ${benchNames.join(',')}] [--db postgres|pglite|both] [--quick] [--out bench-results.json]`;

/** A command line the runner does not understand: printed without a stack, exit 2. */
export class UsageError extends Error {}

/** Reads the command line; throws a UsageError with the usage on anything unknown. */
export function readOptions(argv: string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: {
        only: { type: 'string' },
        db: { type: 'string', default: 'both' },
        quick: { type: 'boolean', default: false },
        out: { type: 'string', default: 'bench-results.json' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(usage);
  const asked = values.only ? values.only.split(',').map((name) => name.trim()) : [...benchNames];
  const unknown = asked.filter((name) => !(benchNames as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`Unknown benchmark ${unknown.join(', ')}\n${usage}`);
  const db = values.db;
  if (db !== 'postgres' && db !== 'pglite' && db !== 'both')
    throw new UsageError(`--db must be postgres, pglite or both\n${usage}`);
  return {
    only: new Set(asked as BenchName[]),
    databases: db === 'both' ? ['postgres', 'pglite'] : [db],
    quick: values.quick,
    out: values.out,
    postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}
