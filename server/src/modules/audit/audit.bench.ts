// A hand-run load script (not a test, not the bench suite): measures what the audit log costs the
// writers of one operation. `TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx
// server/src/modules/audit/audit.bench.ts [concurrency] [perClient]` starts the real app on a fresh database,
// listens on a real port, and lets `concurrency` investigators (default 200) race through the real HTTP API
// from a worker thread: claims of distinct platforms, then finding-list reads (each an audited read); then the
// claim's transaction alone (conditional UPDATE + audit append) from as many concurrent callers, beside the same
// transaction without the audit append. Prints requests/s and latency percentiles per kind.
import { Worker } from 'node:worker_threads';
import { and, eq, sql } from 'drizzle-orm';
import { eventually, TestApp } from '../../test/test-app.js';
import { platforms } from '../platforms/platforms.table.js';
import { recordAudit } from './audit.service.js';

const concurrency = Number(process.argv[2] ?? 200);
const perClient = Number(process.argv[3] ?? 10);

/** The load generator: runs in its own thread so the server's event loop is not also the client's. */
const client = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, jobs } = workerData;
async function run() {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(jobs.map(async ({ cookie, paths, method }) => {
    for (const path of paths) {
      const t0 = performance.now();
      const response = await fetch(url + path, { method, headers: { cookie, origin: url } });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status >= 300) errors++;
    }
  }));
  parentPort.postMessage({ latencies, errors, ms: performance.now() - started });
}
run();
`;

interface Result {
  latencies: number[];
  errors: number;
  ms: number;
}

function drive(url: string, jobs: { cookie: string; paths: string[]; method: string }[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(client, { eval: true, workerData: { url, jobs } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function summary(kind: string, result: Result): string {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const rate = (sorted.length / result.ms) * 1000;
  return `${kind.padEnd(14)} ${String(sorted.length).padStart(5)} requests, ${rate.toFixed(0).padStart(5)}/s, p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, errors ${result.errors}`;
}

const t = await TestApp.create({ listen: true });
try {
  const { operation, coordinator } = await t.operation({ claimLimit: 20 });
  const { db } = t.app.deps;
  const rows = await db
    .insert(platforms)
    .values(
      Array.from({ length: 10_000 }, (_, i) => ({
        operationId: operation.id,
        name: `P${i}`,
        url: `https://p${i}.example.org`,
        normalizedUrl: `p${i}.example.org`,
        category: 'forum' as const,
      })),
    )
    .returning({ id: platforms.id });
  const people = await t.members(operation.id, concurrency, 'investigator', 'NL');
  await db.execute(sql`analyze`);

  const claims = await drive(
    t.url,
    people.map((p, i) => ({
      cookie: p.cookie,
      method: 'POST',
      paths: rows.slice(i * perClient, (i + 1) * perClient).map((r) => `/api/platforms/${r.id}/claim`),
    })),
  );
  process.stdout.write(`${summary('claims', claims)}\n`);
  const reads = await drive(
    t.url,
    people.map((p) => ({
      cookie: p.cookie,
      method: 'GET',
      paths: Array.from({ length: perClient }, () => `/api/operations/${operation.id}/findings`),
    })),
  );
  process.stdout.write(`${summary('finding reads', reads)}\n`);

  /** `concurrency` callers, each running `perClient` claim transactions on platforms of its own, in this process. */
  const transactions = async (offset: number, audited: boolean): Promise<Result> => {
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      people.map(async (person, i) => {
        for (const row of rows.slice(offset + i * perClient, offset + (i + 1) * perClient)) {
          const t0 = performance.now();
          await db.transaction(async (tx) => {
            await tx
              .update(platforms)
              .set({ status: 'claimed', claimedBy: person.memberId ?? null })
              .where(and(eq(platforms.id, row.id), eq(platforms.status, 'unchecked')));
            if (audited)
              await recordAudit(
                tx,
                { userId: person.userId, ip: null },
                { operationId: operation.id, action: 'platform.claimed', targetType: 'platform', targetId: row.id },
              );
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return { latencies, errors: 0, ms: performance.now() - started };
  };
  const slice = concurrency * perClient;
  process.stdout.write(`${summary('claim tx+audit', await transactions(slice, true))}\n`);
  process.stdout.write(`${summary('claim tx bare', await transactions(2 * slice, false))}\n`);
  const verdict = await eventually(async () => {
    const v = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit/verify`)).json<{
      ok: boolean;
      count: number;
    }>();
    if (v.count < concurrency * perClient * 3) throw new Error(`only ${v.count} entries verified yet`);
    return v;
  }, 30_000);
  process.stdout.write(`audit verify: ok=${verdict.ok}, ${verdict.count} entries\n`);
} finally {
  await t.close();
}
