// `pnpm audit:verify [-- --operation <id|global> [--head <size>:<root>]]`: re-computes the audit trees in the
// configured database (DATABASE_URL, or the embedded one in ACTIONDAY_DATA_DIR) and exits 1 if any entry was
// edited, removed, inserted or moved, or if the log no longer extends the given head (from the after-action report).
import { parseArgs } from 'node:util';
import { anchoredHeadSchema } from '@actionday/shared';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase, rowsOf } from '../db/database.js';
import { existingHeadSigner, verifyAuditLog } from '../modules/audit/index.js';

const usage = 'usage: pnpm audit:verify [-- --operation <id|global> [--head <size>:<root>]]\n';

function readArgs() {
  // `pnpm audit:verify -- --operation x` hands the script a literal `--` first
  const args = process.argv.slice(2);
  try {
    const { values } = parseArgs({
      args: args[0] === '--' ? args.slice(1) : args,
      options: { operation: { type: 'string' }, head: { type: 'string' } },
    });
    const head = values.head === undefined ? undefined : anchoredHeadSchema.parse(values.head);
    if (head && !values.operation) throw new Error('--head needs --operation: a head belongs to one chain');
    return { operation: values.operation, head };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

const { operation, head } = readArgs();
const config = loadConfig(process.env);
const signer = existingHeadSigner(config.dataDir);
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
);
try {
  const chains = operation
    ? [operation]
    : rowsOf<{ chain: string }>(
        await database.db.execute(sql`select distinct chain from audit_events order by chain`),
      ).map((r) => r.chain);
  if (!signer) process.stdout.write(`signatures not checked: no ${config.dataDir}/audit-head-key.pem here\n`);
  let broken = 0;
  for (const chain of chains) {
    const verdict = await verifyAuditLog(database.db, chain, { anchor: head, signer });
    const tree = verdict.head ? `head ${verdict.head.size} ${verdict.head.root.slice(0, 16)}…` : 'no head yet';
    process.stdout.write(
      `${verdict.ok ? 'ok    ' : 'BROKEN'} ${chain}: ${verdict.count} entries (${verdict.pending} waiting), ${tree}\n`,
    );
    if (verdict.anchor)
      process.stdout.write(
        `         ${verdict.anchor.extended ? 'extends' : 'does NOT extend'} the given head ${verdict.anchor.size}:${verdict.anchor.root.slice(0, 16)}…\n`,
      );
    for (const p of verdict.problems) {
      const where = [
        p.position === null ? '' : `position ${p.position}`,
        p.id === null ? '' : `id ${p.id}`,
        p.size === null ? '' : `head ${p.size}`,
      ].filter(Boolean);
      process.stdout.write(`         ${p.problem}${where.length ? ` (${where.join(', ')})` : ''}\n`);
    }
    if (verdict.problemCount > verdict.problems.length)
      process.stdout.write(`         … ${verdict.problemCount - verdict.problems.length} more problems\n`);
    if (!verdict.ok) broken++;
  }
  if (chains.length === 0) process.stdout.write('no audit entries\n');
  process.exitCode = broken > 0 ? 1 : 0;
} finally {
  await database.close();
}
