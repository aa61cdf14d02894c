import { epochMs, pause } from './time.js';

/** An arrival schedule: `rate` requests a second from `startAt` (epoch ms) for `durationMs`. */
export interface Schedule {
  ratePerSecond: number;
  durationMs: number;
  startAt: number;
  /** Where this process's arrivals sit between another process's (ms), so N processes interleave. */
  offsetMs?: number;
}

/** How well the load generator itself kept the schedule (a late sender would hide latency). */
export interface ScheduleReport {
  sent: number;
  /** The largest delay between a request's intended and its actual send time, in ms. */
  maxSendLagMs: number;
}

/**
 * Open-loop arrivals: request i is sent at its scheduled time whether or not
 * earlier ones were answered (no coordinated omission). `send` receives the
 * intended time, so latency is measured from when the request was due, not
 * from when a busy client got round to it. Resolves when every request settled.
 */
export async function runOpenLoop(
  schedule: Schedule,
  send: (index: number, intendedAt: number) => Promise<void>,
): Promise<ScheduleReport> {
  const interval = 1000 / schedule.ratePerSecond;
  const total = Math.floor((schedule.ratePerSecond * schedule.durationMs) / 1000);
  const first = schedule.startAt + (schedule.offsetMs ?? 0);
  const pending: Promise<void>[] = [];
  let maxSendLagMs = 0;
  let index = 0;
  while (index < total) {
    const due = first + index * interval;
    const wait = due - epochMs();
    if (wait > 1) {
      await pause(Math.min(wait, 20));
      continue;
    }
    // catch up with everything that is due: a timer that fired late does not thin the arrivals
    while (index < total && first + index * interval <= epochMs()) {
      const intendedAt = first + index * interval;
      maxSendLagMs = Math.max(maxSendLagMs, epochMs() - intendedAt);
      pending.push(send(index, intendedAt));
      index += 1;
    }
  }
  await Promise.all(pending);
  return { sent: total, maxSendLagMs };
}
