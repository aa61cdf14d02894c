#!/usr/bin/env node
// Fails when the drizzle schema and migrations/ disagree: generates into a copy and looks for a new migration.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// drizzle-kit wants an --out relative to the working directory
const relative = `node_modules/.cache/actionday-migrations-check-${process.pid}`;
const copy = join(root, relative);
mkdirSync(copy, { recursive: true });
try {
  cpSync(join(root, 'migrations'), copy, { recursive: true });
  const before = readdirSync(copy).filter((f) => f.endsWith('.sql')).length;
  const result = spawnSync(
    join(root, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--dialect', 'postgresql', '--schema', 'server/src/db/schema.ts', '--out', relative],
    { cwd: root, encoding: 'utf8' },
  );
  const output = result.stdout + result.stderr;
  if (result.status !== 0 || /Error/.test(output)) {
    process.stderr.write(output);
    process.exitCode = 1;
  } else {
    const after = readdirSync(copy).filter((f) => f.endsWith('.sql')).length;
    if (after !== before) {
      process.stderr.write(
        'The drizzle schema has changes that migrations/ lacks: run `pnpm db:generate` and commit the new migration.\n',
      );
      process.exitCode = 1;
    } else {
      process.stdout.write('migrations/ matches the drizzle schema\n');
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}
