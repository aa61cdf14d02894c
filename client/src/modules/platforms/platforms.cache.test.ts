import type { Platform } from '@actionday/shared';
import { describe, expect, it } from 'vitest';
import { countByStatus, filterPlatforms } from './filters';
import { mergePlatforms } from './platforms.api';

const at = '2022-09-06T06:00:00.000Z';
function platform(id: string, overrides: Partial<Platform> = {}): Platform {
  return {
    id,
    operationId: 'op',
    name: `site ${id}`,
    url: `https://site-${id}.example.org`,
    category: 'forum',
    tags: [],
    languages: [],
    countryFocus: null,
    priority: 0,
    status: 'unchecked',
    claimedBy: null,
    claimedAt: null,
    lastActivityAt: null,
    verdict: null,
    followUp: false,
    summary: null,
    checkedBy: null,
    checkedAt: null,
    discovered: false,
    discoveredBy: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

describe('mergePlatforms', () => {
  it('replaces by id and appends new platforms', () => {
    const merged = mergePlatforms([platform('a'), platform('b')], [platform('b', { status: 'claimed', claimedBy: 'm1', version: 2 }), platform('c')]);
    expect(merged.map((p) => [p.id, p.status])).toEqual([
      ['a', 'unchecked'],
      ['b', 'claimed'],
      ['c', 'unchecked'],
    ]);
  });

  it('keeps the higher version when an older copy arrives late', () => {
    const claimed = platform('a', { status: 'claimed', claimedBy: 'm1', version: 2 });
    expect(mergePlatforms([claimed], [platform('a')])[0]).toBe(claimed);
  });

  it('keeps platforms a late list answer does not know yet', () => {
    expect(mergePlatforms([platform('a'), platform('new')], [platform('a')]).map((p) => p.id)).toEqual(['a', 'new']);
  });
});

describe('filterPlatforms', () => {
  const list = [
    platform('1', { name: 'Zeta chat', category: 'messaging', status: 'claimed', claimedBy: 'me' }),
    platform('2', { name: 'alpha board', category: 'forum', tags: ['ukraine'] }),
    platform('10', { name: 'site 10', priority: 5, status: 'checked' }),
    platform('9', { name: 'site 9' }),
  ];
  const none = { status: 'all', category: 'all', mine: false, query: '' } as const;

  it('sorts by priority, then by name in natural order', () => {
    expect(filterPlatforms(list, none, 'me', 'en').map((p) => p.id)).toEqual(['10', '2', '9', '1']);
  });

  it('filters by status, category, holder and text', () => {
    expect(filterPlatforms(list, { ...none, status: 'claimed' }, 'me', 'en').map((p) => p.id)).toEqual(['1']);
    expect(filterPlatforms(list, { ...none, category: 'forum' }, 'me', 'en').map((p) => p.id)).toEqual(['10', '2', '9']);
    expect(filterPlatforms(list, { ...none, mine: true }, 'me', 'en').map((p) => p.id)).toEqual(['1']);
    expect(filterPlatforms(list, { ...none, query: 'UKR' }, 'me', 'en').map((p) => p.id)).toEqual(['2']);
  });

  it('counts per status', () => {
    expect(countByStatus(list)).toEqual({ unchecked: 2, claimed: 1, checked: 1 });
  });
});
