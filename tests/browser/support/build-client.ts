import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const clientDist = join(root, 'client/dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : stat.mtimeMs;
}

/** Vitest global setup: builds the client when it is missing or older than its sources. */
export default function buildClient(): void {
  if (!chromiumPath) return;
  const index = join(clientDist, 'index.html');
  const sources = Math.max(
    newest(join(root, 'client/src')),
    newest(join(root, 'shared/src')),
    newest(join(root, 'client/index.html')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what users get
  const result = spawnSync('pnpm', ['--filter', '@actionday/client', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('client build failed');
}
