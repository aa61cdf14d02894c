import { findingFor } from '../clients/findings-mix.js';
import { Investigator } from '../clients/investigator.js';
import { encodeHistogram, latencyHistogram, recordMs } from '../lib/histogram.js';
import { runOpenLoop } from '../lib/open-loop.js';
import { pick, seededRandom } from '../lib/random.js';
import { epochMs, pause } from '../lib/time.js';
import type { ParamsOf, ResultOf } from './protocol.js';

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * The claims race: every investigator clicks "claim" on a random platform of
 * the board, waits for the answer and clicks again (one request at a time
 * each, as a person does). At the operation's claim limit they give a
 * verdict on their oldest claim first. Runs until `durationMs` after `startAt`.
 */
export async function claimsRace(params: ParamsOf<'claims.race'>): Promise<ResultOf<'claims.race'>> {
  const random = seededRandom(params.seed);
  const histogram = latencyHistogram();
  const errors: Record<string, number> = {};
  const won: [string, string][] = [];
  let sent = 0;
  let lost = 0;
  let limited = 0;
  let verdicts = 0;
  let timeouts = 0;
  const end = params.startAt + params.durationMs;
  const people = params.actors.map((actor) => new Investigator(params.url, '', actor.memberId, actor.cookie));
  await pause(params.startAt - epochMs());
  const loop = async (person: Investigator) => {
    const held: string[] = [];
    while (epochMs() < end) {
      const platformId = pick(params.platformIds, random);
      sent += 1;
      const answer = await person.claim(platformId, { timeoutMs: params.timeoutMs });
      recordMs(histogram, answer.ms);
      if (answer.status === 200) {
        won.push([platformId, person.memberId]);
        held.push(platformId);
      } else if (answer.errorCode === 'platforms.already_claimed') lost += 1;
      else if (answer.errorCode === 'platforms.claim_limit') {
        limited += 1;
        const oldest = held.shift();
        if (oldest) {
          const done = await person.verdict(oldest, { verdict: 'no_indicators' }, { timeoutMs: params.timeoutMs });
          if (done.status === 200) verdicts += 1;
          else bump(errors, `verdict ${done.errorCode ?? done.status}`);
        }
      } else if (answer.timedOut) timeouts += 1;
      else bump(errors, answer.errorCode ?? String(answer.status));
    }
  };
  const startedAt = epochMs();
  await Promise.all(people.map(loop));
  const durationMs = epochMs() - startedAt;
  for (const person of people) person.close();
  return {
    histogram: encodeHistogram(histogram),
    sent,
    ok: won.length + lost + limited,
    errors,
    timeouts,
    maxSendLagMs: 0,
    won,
    lost,
    limited,
    verdicts,
    durationMs,
  };
}

/** Findings at a stated rate, open loop; latency from each request's due time, timeouts counted at the limit. */
export async function findingsLoad(params: ParamsOf<'findings.load'>): Promise<ResultOf<'findings.load'>> {
  const random = seededRandom(params.seed);
  const histogram = latencyHistogram();
  const errors: Record<string, number> = {};
  let ok = 0;
  let timeouts = 0;
  const people = params.actors.map(
    (actor) => new Investigator(params.url, params.operationId, actor.memberId, actor.cookie),
  );
  const report = await runOpenLoop(params.schedule, async (index, intendedAt) => {
    const person = people[index % people.length];
    if (!person) return;
    const finding = findingFor(params.seed * 1_000_000 + index, pick(params.platformIds, random), random);
    const answer = await person.logFinding(finding, { startedAt: intendedAt, timeoutMs: params.timeoutMs });
    recordMs(histogram, answer.timedOut ? params.timeoutMs : answer.ms);
    if (answer.status === 201) ok += 1;
    else if (answer.timedOut) timeouts += 1;
    else bump(errors, answer.errorCode ?? String(answer.status));
  });
  for (const person of people) person.close();
  return {
    histogram: encodeHistogram(histogram),
    sent: report.sent,
    ok,
    errors,
    timeouts,
    maxSendLagMs: report.maxSendLagMs,
  };
}
