#!/usr/bin/env node
// `pnpm report -- --operation <id> --format pdf|html|csv|json --out <path>`: the after-action report from the
// server's database (DATABASE_URL or ACTIONDAY_DATA_DIR). The work is in server/src/modules/reports/reports.cli.ts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const cli = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'server/src/modules/reports/reports.cli.ts'), ...args],
  {
    cwd: process.cwd(),
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
