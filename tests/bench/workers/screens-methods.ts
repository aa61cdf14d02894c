import { Screen } from '../clients/screen.js';
import { encodeHistogram, latencyHistogram, recordMs } from '../lib/histogram.js';
import { epochMs, until } from '../lib/time.js';
import type { ParamsOf, ResultOf } from './protocol.js';

let screens: Screen[] = [];

/** Opens one screen per cookie, `concurrency` handshakes at a time. */
export async function openScreens(params: ParamsOf<'screens.open'>): Promise<ResultOf<'screens.open'>> {
  const started = epochMs();
  const errors = new Set<string>();
  let next = 0;
  let failed = 0;
  const one = async () => {
    while (next < params.cookies.length) {
      const cookie = params.cookies[next++] ?? null;
      const screen = new Screen({ url: params.url, cookie, operationId: params.operationId });
      screens.push(screen);
      try {
        await screen.opened(60_000);
      } catch (error) {
        failed += 1;
        errors.add(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: params.concurrency }, one));
  return { opened: screens.length - failed, failed, errors: [...errors].slice(0, 5), ms: epochMs() - started };
}

/** Delivery latency of each claim to each screen, from the send time the parent recorded. */
export function fanout(params: ParamsOf<'screens.fanout'>): ResultOf<'screens.fanout'> {
  const histogram = latencyHistogram();
  let delivered = 0;
  const ids = Object.keys(params.sent);
  for (const screen of screens)
    for (const id of ids) {
      const seen = screen.claimedSeenAt.get(id);
      const sent = params.sent[id];
      if (seen === undefined || sent === undefined) continue;
      recordMs(histogram, seen - sent);
      delivered += 1;
    }
  return {
    histogram: encodeHistogram(histogram),
    delivered,
    expected: ids.length * screens.length,
    payloadBytes: screens.find((s) => s.payloadBytes > 0)?.payloadBytes ?? 0,
  };
}

/** Drops every screen's connection at `at` (epoch ms), all processes at the same moment. */
export function drop(params: ParamsOf<'screens.drop'>): ResultOf<'screens.drop'> {
  setTimeout(
    () => {
      for (const screen of screens) screen.drop({ platformId: params.expectPlatformId, version: params.expectVersion });
    },
    Math.max(0, params.at - epochMs()),
  );
  return { screens: screens.length };
}

/** Waits until every dropped screen is back and consistent (or the timeout), then reports how long each took. */
export async function back(params: ParamsOf<'screens.back'>): Promise<ResultOf<'screens.back'>> {
  await until(() => (screens.every((screen) => screen.backAfterMs !== null) ? true : null), params.timeoutMs, 50);
  const histogram = latencyHistogram();
  let slowestMs = 0;
  let backCount = 0;
  for (const screen of screens) {
    const ms = screen.backAfterMs;
    if (ms === null) continue;
    backCount += 1;
    slowestMs = Math.max(slowestMs, ms);
    recordMs(histogram, ms);
  }
  return {
    histogram: encodeHistogram(histogram),
    back: backCount,
    total: screens.length,
    slowestMs,
    refetchErrors: screens.reduce((sum, screen) => sum + screen.refetchErrors, 0),
  };
}

export function closeScreens(): ResultOf<'screens.close'> {
  for (const screen of screens) screen.close();
  const closed = screens.length;
  screens = [];
  return { closed };
}
