/**
 * Wall-clock milliseconds with sub-millisecond precision, comparable across
 * the bench's processes on one machine: a claim sent by one process and seen
 * by a screen in another is timed with the same clock.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms`; used only to pace load on purpose (arrival schedules), never to wait for a result. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Polls `check` until it answers a value or `timeoutMs` passes (then null). */
export async function until<T>(
  check: () => Promise<T | null> | T | null,
  timeoutMs: number,
  everyMs = 50,
): Promise<T | null> {
  const deadline = epochMs() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (epochMs() > deadline) return null;
    await pause(everyMs);
  }
}
