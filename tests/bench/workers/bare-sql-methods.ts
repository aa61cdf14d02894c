import { findingFor } from '../clients/findings-mix.js';
import { connectDirect as connect } from '../lib/direct-db.js';
import { encodeHistogram, latencyHistogram, recordMs } from '../lib/histogram.js';
import { runOpenLoop } from '../lib/open-loop.js';
import { pick, seededRandom } from '../lib/random.js';
import { epochMs, pause } from '../lib/time.js';
import type { ParamsOf, ResultOf } from './protocol.js';

/** The statement a claim is decided by, alone: the floor the claim path is compared with. */
const claimSql = `update platforms set status = 'claimed', claimed_by = $1, claimed_at = now(), last_activity_at = now(),
  updated_at = now(), version = version + 1 where id = $2 and status = 'unchecked' returning *`;

/** The same race as the app's, with the bare conditional UPDATE at the same concurrency. */
export async function bareClaims(params: ParamsOf<'bare.claims'>): Promise<ResultOf<'bare.claims'>> {
  const random = seededRandom(params.seed);
  const histogram = latencyHistogram();
  const errors: Record<string, number> = {};
  const won: [string, string][] = [];
  let sent = 0;
  let lost = 0;
  const { query, close } = await connect(params.target);
  // warm the connections and the plan, as the app's were warmed by its setup
  const nobody = '00000000-0000-0000-0000-000000000000';
  for (let i = 0; i < 50; i++) await query(claimSql, [params.memberIds[0] ?? nobody, nobody]);
  // the clock starts once connected and warm (opening the embedded database takes seconds)
  const startAt = Math.max(params.startAt, epochMs() + 200);
  const end = startAt + params.durationMs;
  await pause(startAt - epochMs());
  const startedAt = epochMs();
  const loop = async (worker: number) => {
    const memberId = params.memberIds[worker % params.memberIds.length] ?? '';
    while (epochMs() < end) {
      const platformId = pick(params.platformIds, random);
      sent += 1;
      const began = epochMs();
      try {
        const rows = await query(claimSql, [memberId, platformId]);
        recordMs(histogram, epochMs() - began);
        if (rows.length === 1) won.push([platformId, memberId]);
        else lost += 1;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        errors[code] = (errors[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: params.concurrency }, (_, i) => loop(i)));
  const durationMs = epochMs() - startedAt;
  await close();
  return {
    histogram: encodeHistogram(histogram),
    sent,
    ok: won.length + lost,
    errors,
    timeouts: 0,
    maxSendLagMs: 0,
    won,
    lost,
    limited: 0,
    verdicts: 0,
    durationMs,
  };
}

const insertSql = `insert into findings (operation_id, platform_id, kind, author_id, country, tags, handling, aliases, identified,
  nationality, identifier_kind, value, normalized_value, result, reference, minor, exploitation, referral)
  values ($1, $2, $3, $4, $5, $6::text[], 'TLP:AMBER', $7::text[], $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning *`;

/** The same findings at the same rate as a bare INSERT each: what the write path costs without the app. */
export async function bareInserts(params: ParamsOf<'bare.inserts'>): Promise<ResultOf<'bare.inserts'>> {
  const random = seededRandom(params.seed);
  const histogram = latencyHistogram();
  const errors: Record<string, number> = {};
  let ok = 0;
  let timeouts = 0;
  const { query, close } = await connect(params.target);
  const pgArray = (list: string[] | undefined) => `{${(list ?? []).map((item) => `"${item}"`).join(',')}}`;
  const valuesOf = (index: number) => {
    const actor = params.actors[Math.abs(index) % params.actors.length];
    if (!actor) throw new Error('no actors');
    const f = findingFor(params.seed * 1_000_000 + index, pick(params.platformIds, random), random);
    const values = [
      params.operationId,
      f.platformId,
      f.kind,
      actor.memberId,
      actor.country,
      pgArray(f.tags),
      f.kind === 'suspect' ? pgArray(f.aliases) : null,
      f.kind === 'suspect' ? (f.identified ?? false) : null,
      f.kind === 'suspect' || f.kind === 'victim' ? (f.nationality ?? null) : null,
      f.kind === 'identifier' ? f.identifierKind : null,
      f.kind === 'identifier' ? f.value : null,
      f.kind === 'identifier' ? f.value.toLowerCase() : null,
      f.kind === 'identifier' ? 'nothing_found' : null,
      f.kind === 'victim' ? f.reference : null,
      f.kind === 'victim' ? (f.minor ?? null) : null,
      f.kind === 'victim' ? f.exploitation : null,
      f.kind === 'victim' ? 'not_referred' : null,
    ];
    return values;
  };
  // warm the connections and the plan first (these rows are not timed); the clock starts after
  for (let i = 0; i < 20; i++) await query(insertSql, valuesOf(-1 - i));
  const schedule = { ...params.schedule, startAt: Math.max(params.schedule.startAt, epochMs() + 200) };
  const report = await runOpenLoop(schedule, async (index, intendedAt) => {
    const values = valuesOf(index);
    try {
      await query(insertSql, values);
      const ms = epochMs() - intendedAt;
      recordMs(histogram, Math.min(ms, params.timeoutMs));
      if (ms > params.timeoutMs) timeouts += 1;
      else ok += 1;
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      errors[code] = (errors[code] ?? 0) + 1;
    }
  });
  await close();
  return {
    histogram: encodeHistogram(histogram),
    sent: report.sent,
    ok,
    errors,
    timeouts,
    maxSendLagMs: report.maxSendLagMs,
  };
}

/** `count(*)` over the operation's findings, one after another: the floor under the report. */
export async function bareCount(params: ParamsOf<'bare.count'>): Promise<ResultOf<'bare.count'>> {
  const histogram = latencyHistogram();
  const { query, close } = await connect(params.target);
  const text = 'select count(*)::int as n from findings where operation_id = $1';
  let findings = 0;
  try {
    await query(text, [params.operationId]);
    for (let i = 0; i < params.runs; i++) {
      const began = epochMs();
      const rows = await query(text, [params.operationId]);
      recordMs(histogram, epochMs() - began);
      findings = Number(rows[0]?.n ?? 0);
    }
  } finally {
    await close();
  }
  return { histogram: encodeHistogram(histogram), findings };
}
