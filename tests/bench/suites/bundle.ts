import { readFile, readdir, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium } from '../../browser/support/chromium.js';
import { addPlatforms, createOperation, setPhase, signIn } from '../clients/accounts.js';
import { clientDist } from '../lib/client-build.js';
import { freshTarget } from '../lib/databases.js';
import { type Row, judge, kb, ratioOf } from '../lib/results.js';
import { benchAdmin, startAppServer } from '../lib/server-process.js';
import type { SuiteContext } from './context.js';

const boardBudget = 200_000;

/** Gzipped size of a built file, as the server sends it (zlib's default level). */
async function gzipped(path: string): Promise<number> {
  return gzipSync(await readFile(path)).length;
}

/** The floor: a bare React page (React, ReactDOM, one component) built with the same Vite and plugin. */
async function bareReactBytes(): Promise<number> {
  const outDir = await mkdtemp(join(tmpdir(), 'actionday-bare-react-'));
  try {
    await build({
      root: fileURLToPath(new URL('../baselines/bare-react/', import.meta.url)),
      plugins: [react()],
      logLevel: 'silent',
      configFile: false,
      build: { outDir, emptyOutDir: true },
    });
    const assets = await readdir(join(outDir, 'assets'));
    let total = 0;
    for (const name of assets.filter((n) => n.endsWith('.js'))) total += await gzipped(join(outDir, 'assets', name));
    return total;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Initial JavaScript per route: each page is opened in a fresh browser
 * context (signed in, empty cache) and every script it loads before the
 * network is idle is counted at its gzipped size in the Vite build. Chunks a
 * page loads only when something is opened later do not count.
 */
export async function bundleSuite(ctx: SuiteContext): Promise<Row[]> {
  const target = await freshTarget('pglite', ctx.options.postgresUrl);
  const server = await startAppServer(target);
  const browser = await launchChromium();
  try {
    const admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
    const operation = await createOperation(admin);
    await setPhase(admin, operation.id, 'live');
    await addPlatforms(admin, operation.id, 20);
    const cookie = admin.cookie;
    admin.close();
    const routes: [name: string, path: string, signedIn: boolean][] = [
      ['sign-in page', '/signin', false],
      ['operations list', '/', true],
      ['investigator’s board', `/operations/${operation.id}`, true],
      ['dashboard', `/operations/${operation.id}/dashboard`, true],
      ['wall screen', `/operations/${operation.id}/wall`, true],
      ['matches', `/operations/${operation.id}/matches`, true],
      ['link chart', `/operations/${operation.id}/graph`, true],
      ['report', `/operations/${operation.id}/report`, true],
    ];
    const bare = await bareReactBytes();
    const rows: Row[] = [];
    for (const [name, path, signedIn] of routes) {
      const context = await browser.newContext();
      if (signedIn)
        await context.addCookies(
          cookie.split('; ').map((pair) => {
            const [cookieName = '', ...rest] = pair.split('=');
            return { name: cookieName, value: rest.join('='), url: server.url };
          }),
        );
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      const landed = new URL(page.url()).pathname;
      await context.close();
      // a page that bounced to the sign-in page would be measured as the sign-in page
      if (landed !== path) throw new Error(`${path} landed on ${landed}: not measured as itself`);
      let bytes = 0;
      for (const script of scripts) bytes += await gzipped(join(clientDist, script));
      const isBoard = name === 'investigator’s board';
      rows.push({
        bench: `initial JavaScript, ${name} (gzipped)`,
        database: '—',
        app: `${kb(bytes)} in ${scripts.size} files`,
        baseline: `bare React page ${kb(bare)}`,
        ratio: ratioOf(bytes, bare),
        goal: isBoard ? `≤ ${kb(boardBudget)}` : 'loaded when opened (no budget)',
        ...(isBoard ? judge([[`${kb(bytes)} > ${kb(boardBudget)}`, bytes <= boardBudget]]) : { met: null, missed: [] }),
        details: { bytes, scripts: [...scripts], bareReactBytes: bare },
      });
      ctx.log(`  ${name}: ${kb(bytes)} gzipped in ${scripts.size} scripts`);
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
    await target.dispose();
  }
}
