import type { Platform, Tally } from '@actionday/shared';
import { describe, expect, it, vi } from 'vitest';
import { clockState, countdown } from './clock';
import { fillTimeline, staleClaims } from './dashboard.logic';
import { newerTally, tallyDecision } from './tallies';
import { throttle } from './throttle';

const tally = (seq: number, frozen = false): Tally => ({
  operationId: 'op',
  figures: [{ key: 'identifiers_checked', label: 'persons / usernames checked', value: seq, breakdowns: [] }],
  byCountry: {},
  progress: { unchecked: 0, claimed: 0, checked: 0 },
  asOf: new Date(0).toISOString(),
  seq,
  frozen,
});

describe('pushed tallies', () => {
  it('are applied when newer, ignored when older or repeated, and a gap asks for a fetch', () => {
    expect(tallyDecision(undefined, tally(4))).toBe('apply');
    expect(tallyDecision(tally(4), tally(5))).toBe('apply');
    expect(tallyDecision(tally(4), tally(4))).toBe('ignore');
    expect(tallyDecision(tally(4), tally(3))).toBe('ignore');
    expect(tallyDecision(tally(4), tally(7))).toBe('apply-and-refetch');
  });

  it('never replace frozen figures with live ones', () => {
    expect(tallyDecision(tally(9, true), tally(10))).toBe('ignore');
    expect(tallyDecision(tally(9), tally(9, true))).toBe('apply');
    expect(newerTally(tally(9, true), tally(12))).toEqual(tally(9, true));
  });

  it('a fetched tally loses to a newer push that arrived meanwhile, and wins a tie', () => {
    expect(newerTally(tally(6), tally(5)).seq).toBe(6);
    const fetched = { ...tally(6), asOf: new Date(1).toISOString() };
    expect(newerTally(tally(6), fetched)).toBe(fetched);
  });
});

describe('the operation clock', () => {
  const op = { startsAt: '2026-09-06T06:00:00Z', endsAt: '2026-09-06T18:00:00Z', status: 'live' as const };
  it('counts down to the start, then to the end, then says it ended', () => {
    const planned = { ...op, status: 'planned' as const };
    expect(clockState(planned, Date.parse('2026-09-06T05:00:00Z'))).toEqual({ kind: 'before', ms: 3_600_000 });
    expect(clockState(op, Date.parse('2026-09-06T17:30:00Z'))).toEqual({ kind: 'running', ms: 1_800_000 });
    expect(clockState(op, Date.parse('2026-09-06T19:00:00Z'))).toEqual({ kind: 'ended' });
    expect(clockState({ ...op, status: 'closed' }, Date.parse('2026-09-06T10:00:00Z'))).toEqual({ kind: 'closed' });
    expect(countdown(3 * 3_600_000 + 5 * 60_000 + 9_500)).toBe('3:05:09');
  });

  it('never contradicts the phase: a live day before its start started early, a planned one past it has not started', () => {
    expect(clockState(op, Date.parse('2026-09-05T06:00:00Z'))).toEqual({ kind: 'early', ms: 36 * 3_600_000 });
    expect(clockState({ ...op, status: 'planned' }, Date.parse('2026-09-06T07:00:00Z'))).toEqual({
      kind: 'due',
      since: op.startsAt,
    });
    expect(clockState({ ...op, status: 'debrief' }, Date.parse('2026-09-06T10:00:00Z'))).toEqual({ kind: 'ended' });
    expect(clockState({ ...op, status: 'briefing' }, Date.parse('2026-09-07T10:00:00Z'))).toEqual({
      kind: 'due',
      since: op.startsAt,
    });
  });
});

describe('the timeline', () => {
  it('fills the empty quarters from the start of the day to now', () => {
    const points = fillTimeline(
      { bucketMinutes: 15, buckets: [{ start: '2026-09-06T06:30:00.000Z', checked: 1, findings: 3 }] },
      '2026-09-06T06:00:00Z',
      '2026-09-06T18:00:00Z',
      Date.parse('2026-09-06T07:05:00Z'),
    );
    expect(points.map((p) => [p.start.slice(11, 16), p.findings, p.checked])).toEqual([
      ['06:00', 0, 0],
      ['06:15', 0, 0],
      ['06:30', 3, 1],
      ['06:45', 0, 0],
      ['07:00', 0, 0],
    ]);
  });
});

describe('stale claims', () => {
  it('are the claims silent for more than half the claim timeout, longest first', () => {
    const now = Date.parse('2026-09-06T10:00:00Z');
    const claimed = (id: string, minutesAgo: number) =>
      ({
        id,
        status: 'claimed',
        lastActivityAt: new Date(now - minutesAgo * 60_000).toISOString(),
        claimedAt: null,
        updatedAt: '',
      }) as unknown as Platform;
    const list = [
      claimed('fresh', 5),
      claimed('old', 30),
      claimed('older', 45),
      { ...claimed('done', 90), status: 'checked' } as Platform,
    ];
    expect(staleClaims(list, 20, now).map((s) => s.platform.id)).toEqual(['older', 'old']);
  });
});

describe('throttle', () => {
  it('runs at once, then folds calls during the wait into one trailing run', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const throttled = throttle(run, 1000);
    throttled.call();
    throttled.call();
    throttled.call();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
