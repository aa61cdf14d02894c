#!/usr/bin/env node
// Runs tests one by one, each as its own vitest invocation (`vitest run <file> -t <name>`), and reports every
// test that fails when run alone: a test that passes only after another one has run depends on that test's data.
//
//   node scripts/tests-alone.mjs                      every test of the server project
//   node scripts/tests-alone.mjs --sample 30          30 tests picked at random (the seed is printed; --seed N repeats it)
//   node scripts/tests-alone.mjs server/src/modules/findings   only the tests in these files or folders
//   node scripts/tests-alone.mjs --project browser    the browser tests (slow: a build and a browser per test)
//
// Works on PGlite, or on PostgreSQL with TEST_DATABASE_URL set. Exits 1 when a test fails alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(root, 'node_modules/.bin/vitest');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const sample = Number(option('--sample', '0'));
const seed = Number(option('--seed', String(Math.floor(Math.random() * 1e9))));
const project = option('--project', 'server');
const filters = args;

const work = mkdtempSync(join(tmpdir(), 'actionday-tests-alone-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Every test of the project (in the given files), as vitest itself collects them. */
function listTests() {
  const out = join(work, 'list.json');
  const listed = spawnSync(vitest, ['list', `--json=${out}`, '--project', project, ...filters], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (listed.status !== 0) {
    console.error('vitest list failed');
    process.exit(2);
  }
  return JSON.parse(readFileSync(out, 'utf8')).map((t) => ({ file: relative(root, t.file), name: t.name }));
}

/** A small seeded generator (mulberry32), so that a sample can be repeated. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

let tests = listTests();
if (sample > 0 && sample < tests.length) {
  const next = random(seed);
  for (let i = tests.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [tests[i], tests[j]] = [tests[j], tests[i]];
  }
  tests = tests.slice(0, sample);
  console.log(`sample of ${sample} (--seed ${seed})`);
}

// vitest matches -t against the full name: suite names and the test's name joined by spaces
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const failures = [];
const started = Date.now();
for (const [i, test] of tests.entries()) {
  const report = join(work, `run-${i}.json`);
  const pattern = `^${escape(test.name.split(' > ').join(' '))}$`;
  const run = spawnSync(
    vitest,
    ['run', test.file, '--project', project, '-t', pattern, '--reporter=json', `--outputFile=${report}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ACTIONDAY_TEST_REPORT: '' } },
  );
  let result = 'failed';
  let detail = '';
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const ran = json.testResults
      .flatMap((f) => f.assertionResults)
      .filter((a) => a.status !== 'skipped' && a.status !== 'pending');
    if (ran.length === 0) result = 'not found';
    else if (run.status === 0 && ran.every((a) => a.status === 'passed')) result = 'passed';
    detail = ran
      .flatMap((a) => a.failureMessages ?? [])
      .join('\n')
      .split('\n')
      .slice(0, 6)
      .join('\n');
    if (!detail)
      detail = json.testResults
        .map((f) => f.message)
        .filter(Boolean)
        .join('\n')
        .slice(0, 600);
  } catch {
    detail = `${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n').slice(-12).join('\n');
  }
  console.log(`${result === 'passed' ? 'ok  ' : 'FAIL'} [${i + 1}/${tests.length}] ${test.file} > ${test.name}`);
  if (result !== 'passed') {
    failures.push({ ...test, result });
    if (detail) console.log(detail.replace(/^/gm, '       '));
  }
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\n${tests.length - failures.length} of ${tests.length} passed alone (${minutes} min)`);
for (const f of failures) console.log(`  ${f.result}: ${f.file} > ${f.name}`);
process.exit(failures.length > 0 ? 1 : 0);
