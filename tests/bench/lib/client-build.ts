import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server-process.js';

/** The built client the production server serves. */
export const clientDist = join(repoRoot, 'client/dist');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the client when its sources are newer than the build, as `pnpm start` does. */
export function ensureClientBuilt(log: (line: string) => void): void {
  const built = join(clientDist, 'index.html');
  const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src'].map((p) =>
    join(repoRoot, p),
  );
  if (existsSync(built) && Math.max(...sources.map(newestMtime)) <= statSync(built).mtimeMs) return;
  log('Building the client…');
  const build = spawnSync('pnpm', ['--filter', '@actionday/client', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the client build failed');
}
