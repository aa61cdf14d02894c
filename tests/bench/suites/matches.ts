import type { ParticipantAccount } from '../clients/accounts.js';
import {
  addPlatforms,
  countries2022,
  createOperation,
  inviteParticipants,
  setPhase,
  signIn,
} from '../clients/accounts.js';
import { ApiClient } from '../clients/http.js';
import { freshTarget } from '../lib/databases.js';
import { type Query, bareTargetOf, connectDirect } from '../lib/direct-db.js';
import { type LatencySummary, latencyHistogram, recordMs, summarize } from '../lib/histogram.js';
import { type Row, count, judge, ms, ratioOf } from '../lib/results.js';
import { type ServerProcess, benchAdmin, startAppServer } from '../lib/server-process.js';
import { epochMs } from '../lib/time.js';
import { type SuiteContext, sizesFor } from './context.js';

/** How the investigator of a country writes value `i` (each value is one person's number, handle or address). */
function written(i: number, country: string, turn: number): { identifierKind: string; value: string } {
  const n = String(i).padStart(5, '0');
  switch (i % 5) {
    case 0:
    case 1: {
      // a Dutch mobile number: Dutch investigators write it nationally, others with the country code
      if (country === 'NL') return { identifierKind: 'phone', value: `06 20${n.slice(0, 2)} ${n.slice(2)}0` };
      return {
        identifierKind: 'phone',
        value: turn % 2 ? `+31 6 20${n}0` : `0031 6 20${n.slice(0, 2)} ${n.slice(2)}0`,
      };
    }
    case 2:
    case 3: {
      // a Telegram account: named in an ad, as its t.me address, or as a bare handle (a possible match)
      const forms = [`Telegram @bench_${n}`, `https://t.me/bench_${n}`, `@bench_${n}`];
      return { identifierKind: turn % 3 === 1 ? 'profile_url' : 'username', value: forms[turn % 3] ?? '' };
    }
    default:
      return { identifierKind: 'email', value: turn % 2 ? `Bench.${n}@Example.org` : `bench.${n} [at] example.org` };
  }
}

/** Latency of one GET, one request after another, after one warm-up; and the size of the last answer. */
async function timeGet(client: ApiClient, path: string, runs: number) {
  const warm = await client.send<unknown>('GET', path, undefined, { timeoutMs: 60_000 });
  if (warm.status !== 200) throw new Error(`GET ${path} answered ${warm.status} ${warm.errorCode ?? ''}`);
  const histogram = latencyHistogram();
  let failures = 0;
  let body: unknown = warm.body;
  for (let i = 0; i < runs; i++) {
    const answer = await client.send<unknown>('GET', path, undefined, { timeoutMs: 60_000 });
    if (answer.status !== 200) failures += 1;
    recordMs(histogram, answer.ms);
    body = answer.body;
  }
  return { ...summarize(histogram), failures, body, bytes: warm.bytes };
}

/** The same rows read past the app: one plain statement, one after another, after one warm-up. */
async function timeSelect(query: Query, text: string, params: unknown[], runs: number) {
  await query(text, params);
  const histogram = latencyHistogram();
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const began = epochMs();
    const got = await query(text, params);
    recordMs(histogram, epochMs() - began);
    rows = got.length;
  }
  return { ...summarize(histogram), rows };
}

// every sighting of every shown match, with its finding (what the match list reads)
const bareMatches = `
  select m.*, s.*, f.*
  from matches m
  join sightings s on s.operation_id = m.operation_id and s.withdrawn_at is null and s.value = m.key
  join findings f on f.id = s.finding_id
  where m.operation_id = $1 and m.parties >= 2 and m.strength = 'exact'
  union all
  select m.*, s.*, f.*
  from matches m
  join sightings s on s.operation_id = m.operation_id and s.withdrawn_at is null and s.handle = m.key
  join findings f on f.id = s.finding_id
  where m.operation_id = $1 and m.parties >= 2 and m.strength = 'possible'`;
// every finding with its sighting, and the platforms (what the link chart reads)
const bareGraph = `
  select f.*, s.*, p.id as platform, p.name as platform_name
  from findings f
  left join sightings s on s.finding_id = f.id
  join platforms p on p.id = f.platform_id
  where f.operation_id = $1`;

/**
 * Issue 12: the analyst's match list and link chart stay responsive at 1,000 findings over 300
 * values. The findings are logged through the API by investigators of several countries, each
 * writing the value as people of their country do (national and international numbers, "Telegram
 * @x", t.me addresses, bare handles, obfuscated e-mails); then the analyst's `GET /matches` and
 * `GET /graph`, one after another, beside the same rows read with one plain SELECT.
 */
export async function matchesSuite(ctx: SuiteContext): Promise<Row[]> {
  const sizes = sizesFor(ctx.options.quick).matches;
  const target = await freshTarget(ctx.db, ctx.options.postgresUrl);
  let server: ServerProcess | null = null;
  try {
    server = await startAppServer(target);
    const admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
    const operation = await createOperation(admin);
    await setPhase(admin, operation.id, 'live');
    const platforms = await addPlatforms(admin, operation.id, sizes.platforms, 'm');
    const specs = [
      ...Array.from({ length: sizes.investigators }, (_, i) => ({
        role: 'investigator' as const,
        country: countries2022[i % countries2022.length] ?? 'NL',
      })),
      { role: 'analyst' as const, country: 'NL' },
    ];
    const people: ParticipantAccount[] = await inviteParticipants(admin, operation.id, specs);
    admin.close();
    const investigators = people.filter((p) => p.role === 'investigator');
    const analystAccount = people.find((p) => p.role === 'analyst');
    if (!analystAccount) throw new Error('no analyst');
    const clients = investigators.map((p) => new ApiClient(server?.url ?? '', p.cookie));

    ctx.log(
      `  logging ${count(sizes.findings)} findings over ${count(sizes.values)} values through the API (${investigators.length} investigators of ${new Set(investigators.map((p) => p.country)).size} countries)`,
    );
    const logStarted = epochMs();
    let next = 0;
    let refused = 0;
    const logOne = async () => {
      while (next < sizes.findings) {
        const j = next++;
        // each time a value comes round again, another investigator (of another country) logs it
        const who = (j + Math.floor(j / sizes.values)) % clients.length;
        const client = clients[who];
        const person = investigators[who];
        const platform = platforms[j % platforms.length];
        if (!client || !person || !platform) continue;
        const value = written(j % sizes.values, person.country, Math.floor(j / sizes.values));
        const answer = await client.send('POST', `/api/operations/${operation.id}/findings`, {
          kind: 'identifier',
          platformId: platform.id,
          ...value,
        });
        if (answer.status !== 201) refused += 1;
      }
    };
    await Promise.all(Array.from({ length: 6 }, logOne));
    const logMs = epochMs() - logStarted;
    for (const client of clients) client.close();
    if (refused > 0) throw new Error(`${refused} findings were refused`);
    ctx.log(`    ${(sizes.findings / (logMs / 1000)).toFixed(0)} findings/s`);

    const analyst = new ApiClient(server.url, analystAccount.cookie);
    await server.probe({ reset: true });
    ctx.log(`  app (${ctx.db}): the analyst's GET /matches and GET /graph, ${sizes.runs} runs each`);
    const list = await timeGet(analyst, `/api/operations/${operation.id}/matches`, sizes.runs);
    const graph = await timeGet(analyst, `/api/operations/${operation.id}/graph`, sizes.runs);
    const serverDuring = await server.probe();
    analyst.close();
    const matchCount = Array.isArray(list.body) ? list.body.length : -1;
    const graphBody =
      graph.body && typeof graph.body === 'object' ? (graph.body as { nodes?: unknown[]; edges?: unknown[] }) : {};
    const nodes = graphBody.nodes?.length ?? -1;
    const edges = graphBody.edges?.length ?? -1;
    ctx.log(
      `    /matches p95 ${ms(list.p95)} (${matchCount} matches), /graph p95 ${ms(graph.p95)} (${nodes} nodes, ${edges} edges)`,
    );
    await server.stop();
    server = null;

    ctx.log(`  bare SELECTs of the same rows, ${sizes.runs} runs each`);
    const direct = await connectDirect(bareTargetOf(target));
    let bareList: Awaited<ReturnType<typeof timeSelect>>;
    let bareChart: Awaited<ReturnType<typeof timeSelect>>;
    try {
      bareList = await timeSelect(direct.query, bareMatches, [operation.id], sizes.runs);
      bareChart = await timeSelect(direct.query, bareGraph, [operation.id], sizes.runs);
    } finally {
      await direct.close();
    }
    ctx.log(
      `    matches p95 ${ms(bareList.p95)} (${bareList.rows} rows), graph p95 ${ms(bareChart.p95)} (${bareChart.rows} rows)`,
    );

    const row = (
      bench: string,
      app: LatencySummary & { failures: number; bytes: number },
      bare: LatencySummary & { rows: number },
      extra: [string, boolean][],
      details: Record<string, unknown>,
    ): Row => {
      const ratio = ratioOf(app.p95, bare.p95);
      return {
        bench,
        database: ctx.db,
        app: `p50 ${ms(app.p50)} · p95 ${ms(app.p95)}`,
        baseline: `SELECT p50 ${ms(bare.p50)} · p95 ${ms(bare.p95)}`,
        ratio,
        goal: 'p95 ≤ 5 × bare and < 500 ms',
        ...judge([
          [`p95 ${ms(app.p95)} ≥ 500 ms`, app.p95 < 500],
          [`p95 ${ratio?.toFixed(1)}× the bare SELECT > 5×`, ratio !== null && ratio <= 5],
          [`${app.failures} requests failed`, app.failures === 0],
          ...extra,
        ]),
        details: { app: { ...app, body: undefined }, bare, logMs, ...details },
      };
    };
    const what = `${count(sizes.findings)} findings over ${count(sizes.values)} values`;
    return [
      row(
        `analyst's match list (GET /matches), ${what}`,
        list,
        bareList,
        [[`${matchCount} matches, at least ${sizes.values} expected`, matchCount >= sizes.values]],
        { matches: matchCount, server: serverDuring },
      ),
      row(
        `link chart (GET /graph), ${what}`,
        graph,
        bareChart,
        [[`${nodes} nodes, more than ${sizes.values} expected`, nodes > sizes.values]],
        { nodes, edges },
      ),
    ];
  } finally {
    if (server?.running) await server.stop();
    await target.dispose();
  }
}
