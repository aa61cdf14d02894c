import { describe, expect, it } from 'vitest';
import { zoneAbbreviation, zoneLabel } from './format';

describe('times carry their zone', () => {
  const time = (iso: string, timeZone: string) =>
    `${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso))} ${zoneAbbreviation(new Date(iso), timeZone, 'en-GB')}`;

  it('names the zone at each instant across a daylight-saving change during the day', () => {
    // Amsterdam moves from CET to CEST at 01:00 UTC on 29 March 2026
    expect(time('2026-03-29T00:30:00Z', 'Europe/Amsterdam')).toBe('01:30 CET');
    expect(time('2026-03-29T01:30:00Z', 'Europe/Amsterdam')).toBe('03:30 CEST');
    // the same instants for a viewer in New York, already on daylight time
    expect(time('2026-03-29T01:30:00Z', 'America/New_York')).toMatch(/^21:30 (EDT|GMT-4)$/);
  });

  it('says a zone once when its short name is its name ("UTC", never "UTC · UTC")', () => {
    expect(zoneLabel(new Date('2026-09-06T08:00:00Z'), 'UTC', 'en-GB')).toBe('UTC');
    expect(zoneLabel(new Date('2026-09-06T08:00:00Z'), 'Europe/Amsterdam', 'en-GB')).toBe('CEST · Europe/Amsterdam');
  });
});
