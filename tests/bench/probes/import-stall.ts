/**
 * How long does /api/health wait while a 100,000-entry reference list is imported? Run on the embedded
 * database by default (TEST_DATABASE_URL for PostgreSQL): `npx tsx tests/bench/probes/import-stall.ts`.
 * Prints the import's duration and the health checks' latencies during it (every 25 ms, over HTTP).
 */
import { TestApp } from '@actionday/server/test/test-app';

const entries = Number(process.env.ENTRIES ?? 100_000);
const t = await TestApp.create({ listen: true });
const { operation, coordinator } = await t.operation();
const csv = [
  'kind,value,label',
  ...Array.from({ length: entries }, (_, i) => `email,person${i}@example.org,row ${i}`),
].join('\n');

const latencies: number[] = [];
let importing = true;
const poll = (async () => {
  while (importing) {
    const started = performance.now();
    const answer = await fetch(`${t.url}/api/health`);
    await answer.arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
})();
await new Promise((resolve) => setTimeout(resolve, 200));
const started = performance.now();
const answer = await fetch(`${t.url}/api/operations/${operation.id}/reference-lists?name=Big`, {
  method: 'POST',
  headers: { cookie: coordinator.cookie, 'content-type': 'text/csv', origin: 'http://localhost:3000' },
  body: csv,
});
const body = (await answer.json()) as { entries?: number };
const importMs = performance.now() - started;
importing = false;
await poll;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(0);
console.log(
  JSON.stringify({
    database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    status: answer.status,
    entries: body.entries,
    importMs: Math.round(importMs),
    healthChecks: latencies.length,
    healthMsP50: at(0.5),
    healthMsP99: at(0.99),
    healthMsMax: latencies.at(-1)?.toFixed(0),
  }),
);
await t.close();
process.exit(0);
