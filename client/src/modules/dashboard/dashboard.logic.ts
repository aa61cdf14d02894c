import type { Platform, Timeline } from '@actionday/shared';

/** More buckets than this (a window of days) are shown as the server sends them, without the empty ones. */
const MAX_FILLED = 192;

export interface TimelinePoint {
  start: string;
  findings: number;
  checked: number;
}

/**
 * The buckets from the start of the day to now (or the end), empty quarters
 * included, so the chart's axis is time and not "quarters that had something".
 */
export function fillTimeline(timeline: Timeline, startsAt: string, endsAt: string, now: number): TimelinePoint[] {
  const step = timeline.bucketMinutes * 60_000;
  const start = Date.parse(startsAt);
  const byStart = new Map(timeline.buckets.map((b) => [Date.parse(b.start), b]));
  const last = Math.max(Math.min(now, Date.parse(endsAt)), ...byStart.keys());
  const count = Math.floor((last - start) / step) + 1;
  if (count <= 0 || count > MAX_FILLED || [...byStart.keys()].some((k) => k < start)) {
    return timeline.buckets.map((b) => ({ start: b.start, findings: b.findings, checked: b.checked }));
  }
  return Array.from({ length: count }, (_, i) => {
    const at = start + i * step;
    const bucket = byStart.get(at);
    return { start: new Date(at).toISOString(), findings: bucket?.findings ?? 0, checked: bucket?.checked ?? 0 };
  });
}

/**
 * Claims whose holder has shown no sign of life for more than half the
 * claim timeout, the longest silent first.
 */
export function staleClaims(
  platforms: readonly Platform[],
  claimTimeoutMinutes: number,
  now: number,
): { platform: Platform; idleMs: number }[] {
  const threshold = (claimTimeoutMinutes * 60_000) / 2;
  return platforms
    .filter((p) => p.status === 'claimed')
    .map((platform) => ({
      platform,
      idleMs: now - Date.parse(platform.lastActivityAt ?? platform.claimedAt ?? platform.updatedAt),
    }))
    .filter((entry) => entry.idleMs > threshold)
    .sort((a, b) => b.idleMs - a.idleMs);
}
