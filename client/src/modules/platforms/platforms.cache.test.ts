import type { Platform } from '@actionday/shared';
import { describe, expect, it } from 'vitest';
import { claimsByParticipant, countByStatus, filterPlatforms, nextBest, noFilters } from './filters';
import { noticeFor } from './claimNotices';
import { detectFormat } from './importUpload';
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
    const merged = mergePlatforms(
      [platform('a'), platform('b')],
      [platform('b', { status: 'claimed', claimedBy: 'm1', version: 2 }), platform('c')],
    );
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
  const none = noFilters;

  it('sorts by priority, then by name in natural order', () => {
    expect(filterPlatforms(list, none, 'me', 'en').map((p) => p.id)).toEqual(['10', '2', '9', '1']);
  });

  it('filters by status, category, holder and text', () => {
    expect(filterPlatforms(list, { ...none, status: 'claimed' }, 'me', 'en').map((p) => p.id)).toEqual(['1']);
    expect(filterPlatforms(list, { ...none, category: 'forum' }, 'me', 'en').map((p) => p.id)).toEqual([
      '10',
      '2',
      '9',
    ]);
    expect(filterPlatforms(list, { ...none, claimant: 'me' }, 'me', 'en').map((p) => p.id)).toEqual(['1']);
    expect(filterPlatforms(list, { ...none, claimant: 'none' }, 'me', 'en').map((p) => p.id)).toEqual(['2', '9']);
    expect(filterPlatforms(list, { ...none, tag: 'ukraine' }, 'me', 'en').map((p) => p.id)).toEqual(['2']);
    expect(filterPlatforms(list, { ...none, query: 'UKR' }, 'me', 'en').map((p) => p.id)).toEqual(['2']);
  });

  it('counts per status', () => {
    expect(countByStatus(list)).toEqual({ unchecked: 2, claimed: 1, checked: 1 });
  });
});

describe('the next best platform', () => {
  const list = [
    platform('old-low', { createdAt: '2022-09-06T06:00:00.000Z' }),
    platform('new-high', { priority: 9, createdAt: '2022-09-06T07:00:00.000Z' }),
    platform('old-high', { priority: 9, createdAt: '2022-09-06T06:30:00.000Z' }),
    platform('taken', { priority: 50, status: 'claimed', claimedBy: 'x' }),
    platform('forum-high', { priority: 5, category: 'dating' }),
  ];

  it('is the unclaimed one with the highest priority, then the oldest', () => {
    expect(nextBest(list, noFilters, null)?.id).toBe('old-high');
  });

  it('walks down the list when asked again, and wraps around', () => {
    expect(nextBest(list, noFilters, 'old-high')?.id).toBe('new-high');
    expect(nextBest(list, noFilters, 'new-high')?.id).toBe('forum-high');
    expect(nextBest(list, noFilters, 'old-low')?.id).toBe('old-high');
  });

  it('keeps to the category and tag filters but not to the status filter', () => {
    expect(nextBest(list, { ...noFilters, category: 'dating', status: 'checked' }, null)?.id).toBe('forum-high');
    expect(
      nextBest(
        list.filter((p) => p.status !== 'unchecked'),
        noFilters,
        null,
      ),
    ).toBeNull();
  });

  it('groups the current claims by participant', () => {
    expect([...claimsByParticipant(list)].map(([who, held]) => [who, held.map((p) => p.id)])).toEqual([
      ['x', ['taken']],
    ]);
  });
});

describe('notices about my claims', () => {
  const mine = platform('p', { status: 'claimed', claimedBy: 'me', version: 3 });

  it('tells me when my claim expired or was released by someone else', () => {
    const back = platform('p', { version: 4 });
    expect(
      noticeFor('expired', { platform: back, claimant: null, previousHolderId: 'me' }, mine, 'me', false)?.kind,
    ).toBe('expired');
    expect(
      noticeFor('released', { platform: back, claimant: null, previousHolderId: 'me' }, mine, 'me', false)?.kind,
    ).toBe('released');
    expect(
      noticeFor('released', { platform: back, claimant: null, previousHolderId: 'me' }, mine, 'me', true),
    ).toBeNull();
    expect(
      noticeFor('expired', { platform: back, claimant: null, previousHolderId: 'other' }, mine, 'me', false),
    ).toBeNull();
  });

  it('tells me when my claim was given to someone else, comparing with the copy before the event', () => {
    const bram = {
      id: 'bram',
      userId: 'u',
      name: 'Bram',
      role: 'investigator',
      country: 'BE',
      agency: 'Police BE',
    } as const;
    const moved = platform('p', { status: 'claimed', claimedBy: 'bram', version: 4 });
    expect(noticeFor('assigned', { platform: moved, claimant: bram }, mine, 'me', false)).toEqual({
      kind: 'reassigned',
      to: bram,
    });
    expect(
      noticeFor('assigned', { platform: moved, claimant: bram }, platform('p', { version: 3 }), 'me', false),
    ).toBeNull();
    // an event the board already has is old news
    expect(
      noticeFor('assigned', { platform: moved, claimant: bram }, { ...moved, claimedBy: 'me' }, 'me', false),
    ).toBeNull();
    expect(
      noticeFor(
        'assigned',
        { platform: { ...moved, claimedBy: 'me' }, claimant: null },
        platform('p', { version: 3 }),
        'me',
        false,
      )?.kind,
    ).toBe('assignedToMe');
  });
});

describe('import files', () => {
  it('are JSON or CSV by name, type or first character', () => {
    expect(detectFormat({ name: 'list.JSON' })).toBe('json');
    expect(detectFormat({ name: 'list.csv', text: '[' })).toBe('csv');
    expect(detectFormat({ type: 'application/json' })).toBe('json');
    expect(detectFormat({ text: '  [{"name":"a"}]' })).toBe('json');
    expect(detectFormat({ text: 'name,url\n' })).toBe('csv');
  });
});
