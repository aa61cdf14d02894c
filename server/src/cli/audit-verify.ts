// `pnpm audit:verify [-- --operation <id>]`: re-walks the audit chains in the configured database
// (DATABASE_URL, or the embedded one in ACTIONDAY_DATA_DIR) and exits 1 if any row was edited or removed.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase, rowsOf } from '../db/database.js';
import { verifyAuditChain } from '../modules/audit/index.js';

const { values } = parseArgs({ options: { operation: { type: 'string' } } });
const config = loadConfig(process.env);
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
);
try {
  const chains = values.operation
    ? [values.operation]
    : rowsOf<{ chain: string }>(
        await database.db.execute(sql`select distinct chain from audit_events order by chain`),
      ).map((r) => r.chain);
  let broken = 0;
  for (const chain of chains) {
    const verdict = await verifyAuditChain(database.db, chain);
    process.stdout.write(
      `${verdict.ok ? 'ok    ' : 'BROKEN'} ${chain}: ${verdict.count} rows, head ${verdict.head.slice(0, 16)}…\n`,
    );
    for (const p of verdict.problems)
      process.stdout.write(`         row ${p.chainIndex}${p.id ? ` (id ${p.id})` : ''}: ${p.problem}\n`);
    if (!verdict.ok) broken++;
  }
  if (chains.length === 0) process.stdout.write('no audit rows\n');
  process.exitCode = broken > 0 ? 1 : 0;
} finally {
  await database.close();
}
