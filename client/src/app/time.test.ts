import { describe, expect, it } from 'vitest';
import { zonedLocalToUtc } from './time';

describe('zonedLocalToUtc', () => {
  it('reads a wall-clock time in the given zone', () => {
    expect(zonedLocalToUtc('2022-09-06T08:00', 'Europe/Amsterdam')?.toISOString()).toBe('2022-09-06T06:00:00.000Z');
    expect(zonedLocalToUtc('2022-01-10T08:00', 'Europe/Amsterdam')?.toISOString()).toBe('2022-01-10T07:00:00.000Z');
    expect(zonedLocalToUtc('2022-09-06T08:00', 'UTC')?.toISOString()).toBe('2022-09-06T08:00:00.000Z');
    expect(zonedLocalToUtc('2022-09-06T08:00', 'America/New_York')?.toISOString()).toBe('2022-09-06T12:00:00.000Z');
  });

  it('settles on the right offset on the days the clocks change', () => {
    expect(zonedLocalToUtc('2022-03-27T04:00', 'Europe/Amsterdam')?.toISOString()).toBe('2022-03-27T02:00:00.000Z');
    expect(zonedLocalToUtc('2022-10-30T05:00', 'Europe/Amsterdam')?.toISOString()).toBe('2022-10-30T04:00:00.000Z');
  });

  it('answers null for an unreadable value', () => {
    expect(zonedLocalToUtc('', 'UTC')).toBeNull();
    expect(zonedLocalToUtc('tomorrow', 'UTC')).toBeNull();
  });
});
