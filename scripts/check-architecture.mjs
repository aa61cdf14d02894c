#!/usr/bin/env node
// `pnpm check:architecture`: the import rules that keep modules changeable, checked on every file.
//
// Rules (docs/architecture.md, "Module boundaries"):
// - shared/ imports nothing from server/ or client/; server/ and client/ never import each other.
// - A server module is reached from outside only through its `index.ts`; another module's tables are never
//   imported, except by table files (foreign keys) and db/schema.ts. An index never re-exports a table.
// - Route files hold no queries (no drizzle-orm) and never emit: no socket.io, nothing from realtime/.
// - Only realtime/ (and a module's own `*.socket.ts` namespace) touches socket.io on the server.
// - No import cycles between units: a server module, a top-level server folder, a client module, a client
//   app folder. Type-only imports count too: a cycle of types is still two concepts that cannot change apart.
// Tests (*.test.ts, test-support, server/src/test) may reach internals, but never across packages.
//
// Imports are read with oxc-parser (the parser behind oxlint, exact for TypeScript and JSX).
// dependency-cruiser, the usual tool, needs Node ≥ 22; madge needs the TypeScript 5 API, which TypeScript 7 lacks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';

const root = fileURLToPath(new URL('..', import.meta.url));
const roots = ['shared/src', 'server/src', 'client/src', 'tests'];

/** Every TypeScript source file under the given folders. */
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = roots.flatMap((r) => walk(join(root, r))).map((f) => relative(root, f));
const fileSet = new Set(files);

/** Resolves a relative specifier (`./x.js`) to a project file, or null. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(root, dirname(from), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
  ];
  for (const candidate of candidates) {
    const rel = relative(root, candidate);
    if (fileSet.has(rel)) return rel;
  }
  return null;
}

const isTest = (file) =>
  /\.test\.tsx?$/.test(file) ||
  /test-support\.ts$/.test(file) ||
  /\.bench\.ts$/.test(file) ||
  file.startsWith('server/src/test/') ||
  // the demo seeds and simulates a day like a fixture; the drill (pnpm drill) works through the API instead
  file.startsWith('server/src/demo/') ||
  file.startsWith('tests/');

/** The unit a file belongs to, for the cycle rule and module boundaries. */
function unitOf(file) {
  // db/schema.ts gathers every table for drizzle-kit; nothing at runtime imports it
  if (file === 'server/src/db/schema.ts') return 'server/db/schema';
  let m = file.match(/^server\/src\/modules\/([^/]+)\//);
  if (m) return `server:${m[1]}`;
  m = file.match(/^server\/src\/([^/]+)\//);
  if (m) return `server/${m[1]}`;
  // the entry files (app, main, deps, config) are units of their own: app.ts wires every module, deps.ts is
  // what every module receives
  if (file.startsWith('server/src/')) return `server/${file.slice('server/src/'.length).replace(/\.tsx?$/, '')}`;
  m = file.match(/^client\/src\/modules\/([^/]+)\//);
  if (m) return `client:${m[1]}`;
  m = file.match(/^client\/src\/app\/([^/]+)\//);
  if (m) return `client/app/${m[1]}`;
  // the shell's files one by one: App.tsx routes to every module's pages, which use api.ts and format.ts
  if (file.startsWith('client/src/')) return `client/${file.slice('client/src/'.length).replace(/\.tsx?$/, '')}`;
  if (file.startsWith('shared/')) return 'shared';
  return 'tests';
}
const packageOf = (file) => file.split('/')[0];

const problems = [];
const edges = new Map(); // unit -> Map(unit -> example "file -> file")

for (const file of files) {
  const source = readFileSync(join(root, file), 'utf8');
  const { module: mod, errors } = parseSync(file, source);
  if (errors.length > 0) {
    problems.push(`${file}: cannot be parsed (${errors[0].message})`);
    continue;
  }
  const specifiers = [
    ...mod.staticImports.map((i) => i.moduleRequest.value),
    ...mod.staticExports.flatMap((e) => e.entries.map((x) => x.moduleRequest?.value).filter(Boolean)),
    ...mod.dynamicImports
      .map((d) => source.slice(d.moduleRequest.start, d.moduleRequest.end).replace(/^['"`]|['"`]$/g, ''))
      .filter((s) => s.startsWith('.')),
  ];
  const test = isTest(file);
  const pkg = packageOf(file);
  const unit = unitOf(file);
  for (const specifier of new Set(specifiers)) {
    if (specifier.startsWith('@actionday/')) {
      const target = specifier.split('/')[1];
      if (pkg === 'shared' && target !== 'shared') problems.push(`${file}: shared/ imports ${specifier}`);
      if (pkg === 'client' && target === 'server') problems.push(`${file}: the client imports the server`);
      if (pkg === 'server' && target === 'client') problems.push(`${file}: the server imports the client`);
      continue;
    }
    if (/\.routes\.ts$/.test(file) && (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/'))) {
      problems.push(`${file}: a route file holds queries (imports ${specifier}); move them into the module's service`);
    }
    if (
      pkg === 'server' &&
      !test &&
      (specifier === 'socket.io' || specifier.startsWith('socket.io/')) &&
      !file.startsWith('server/src/realtime/') &&
      !/\.socket\.ts$/.test(file) &&
      !['server/src/deps.ts', 'server/src/app.ts'].includes(file)
    ) {
      problems.push(`${file}: touches socket.io; publish a domain event and let realtime/ deliver it`);
    }
    const target = resolveSpecifier(file, specifier);
    if (!target) continue;
    const targetPkg = packageOf(target);
    if (targetPkg !== pkg && !(pkg === 'tests' && targetPkg !== 'client' && targetPkg !== 'tests')) {
      if (!(pkg === 'tests' && targetPkg === 'client' && file.startsWith('tests/'))) {
        problems.push(`${file}: imports across packages (${target}); use the package name or move the code`);
      }
    }
    if (pkg === 'server' && targetPkg === 'client')
      problems.push(`${file}: the server imports client code (${target})`);
    if (/\.routes\.ts$/.test(file) && target.startsWith('server/src/realtime/')) {
      problems.push(`${file}: a route reaches realtime/ (${target}); routes never emit`);
    }
    const targetUnit = unitOf(target);
    const crossModule = targetUnit !== unit && targetUnit.startsWith('server:');
    if (!test && crossModule) {
      const isTable = /\.table\.ts$/.test(target);
      const tableToTable = isTable && (/\.table\.ts$/.test(file) || file === 'server/src/db/schema.ts');
      if (isTable && !tableToTable) {
        problems.push(`${file}: reads another module's table (${target}); call that module's index instead`);
      } else if (!isTable && !/\/index\.ts$/.test(target)) {
        problems.push(`${file}: reaches into ${target}; import from ${dirname(target)}/index.ts`);
      }
    }
    if (/^server\/src\/modules\/[^/]+\/index\.ts$/.test(file) && /\.table\.ts$/.test(target)) {
      problems.push(`${file}: an index re-exports a table (${target}); tables stay private to their module`);
    }
    if (!test && targetUnit !== unit) {
      if (!edges.has(unit)) edges.set(unit, new Map());
      if (!edges.get(unit).has(targetUnit)) edges.get(unit).set(targetUnit, `${file} → ${target}`);
    }
  }
}

// cycles: strongly connected components of the unit graph (Tarjan)
let index = 0;
const stack = [];
const meta = new Map();
const components = [];
function connect(v) {
  meta.set(v, { index, low: index, on: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).on) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).on = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component);
  }
}
for (const v of edges.keys()) if (!meta.has(v)) connect(v);
for (const component of components) {
  const inside = new Set(component);
  const links = component.flatMap((u) =>
    [...(edges.get(u) ?? [])].filter(([t]) => inside.has(t)).map(([t, example]) => `    ${u} → ${t}: ${example}`),
  );
  problems.push(`import cycle between ${component.sort().join(', ')}:\n${links.join('\n')}`);
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n\n${problems.length} architecture problem(s)\n`);
  process.exit(1);
}
process.stdout.write(`architecture: ${files.length} files, ${edges.size} units, no cycles, boundaries kept\n`);
