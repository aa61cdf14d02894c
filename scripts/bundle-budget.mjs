#!/usr/bin/env node
// The JavaScript each route of the client loads before it can show anything, gzipped, from the Vite build
// manifest: the entry and everything it imports statically, plus the route's own lazy chunk and its static
// imports. Dynamic imports (the notes editor, the charts) are left out: they load when opened.
// Fails when the investigator's board passes its budget. Build first: `pnpm build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: join(root, 'client/dist') },
    // a build from before the routes were split: every route is the entry
    'whole-entry': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

/** KB = 1,000 bytes, as Vite prints them. */
const BOARD_BUDGET_KB = 200;

/** Each route and the page module `App.tsx` loads lazily for it. */
const routes = [
  { name: 'sign-in', path: '/signin', module: 'src/modules/auth/SignInPage.tsx' },
  { name: 'operation list', path: '/', module: 'src/modules/operations/OperationListPage.tsx' },
  {
    name: 'board',
    path: '/operations/:id',
    module: 'src/pages/OperationPage.tsx',
    budgetKb: BOARD_BUDGET_KB,
  },
  { name: 'matches', path: '/operations/:id/matches', module: 'src/modules/matches/MatchesPage.tsx' },
  { name: 'graph', path: '/operations/:id/graph', module: 'src/modules/graph/GraphPage.tsx' },
  { name: 'dashboard', path: '/operations/:id/dashboard', module: 'src/modules/dashboard/DashboardPage.tsx' },
  { name: 'wall', path: '/operations/:id/wall', module: 'src/modules/dashboard/WallPage.tsx' },
  { name: 'report', path: '/operations/:id/report', module: 'src/modules/reports/ReportPage.tsx' },
];

const manifestPath = join(values.dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  process.stderr.write(`No build manifest at ${manifestPath}: run \`pnpm build\` first.\n`);
  process.exit(1);
}
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) {
  process.stderr.write('The build manifest names no entry.\n');
  process.exit(1);
}

/** The chunk files a manifest key loads at once: itself and its static imports, transitively. */
function staticClosure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, files);
  return files;
}

const gzipped = new Map();
function gzipBytes(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(values.dist, file)), { level: 9 }).length);
  return gzipped.get(file);
}

const problems = [];
const rows = routes.map((route) => {
  const files = staticClosure(entryKey);
  if (!values['whole-entry']) {
    // a route missing here is bundled into the entry: the table would hide what it costs
    if (!manifest[route.module]) problems.push(`${route.name}: ${route.module} is not a lazy chunk of the build`);
    else staticClosure(route.module, files);
  }
  const js = [...files].filter((file) => file.endsWith('.js'));
  const kb = js.reduce((sum, file) => sum + gzipBytes(file), 0) / 1000;
  const over = route.budgetKb !== undefined && kb > route.budgetKb;
  if (over) problems.push(`${route.name}: ${kb.toFixed(1)} KB gzipped is over its budget of ${route.budgetKb} KB`);
  return {
    route: route.name,
    path: route.path,
    chunks: js.length,
    kb: Number(kb.toFixed(1)),
    budgetKb: route.budgetKb ?? null,
    over,
  };
});

if (values.json) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  const header = ['route', 'path', 'chunks', 'JS gz (KB)', 'budget'];
  const lines = rows.map((r) => [
    r.route,
    r.path,
    String(r.chunks),
    r.kb.toFixed(1),
    r.budgetKb === null ? '' : `${r.budgetKb}${r.over ? ' OVER' : ' ok'}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  process.stdout.write(`Initial JavaScript per route (gzipped, level 9), from ${manifestPath}\n`);
  process.stdout.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
}
for (const problem of problems) process.stderr.write(`bundle budget: ${problem}\n`);
if (problems.length > 0) process.exitCode = 1;
