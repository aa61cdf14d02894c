import {
  type Platform,
  type PlatformCategory,
  type PlatformStatus,
  platformCategories,
  platformStatuses,
} from '@actionday/shared';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** `me`: held or checked by me; `none`: nobody holds it; else a participant id. */
export type ClaimantFilter = 'all' | 'me' | 'none' | (string & {});

export interface BoardFilters {
  status: PlatformStatus | 'all';
  category: PlatformCategory | 'all';
  /** A focus tag, or `all`. */
  tag: string;
  claimant: ClaimantFilter;
  query: string;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | 'all' =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : 'all';

function readFilters(params: URLSearchParams): BoardFilters {
  return {
    status: oneOf(platformStatuses, params.get('status')),
    category: oneOf(platformCategories, params.get('category')),
    tag: params.get('tag') || 'all',
    // `mine=1` is the older form of `claimant=me`
    claimant: params.get('claimant') || (params.get('mine') === '1' ? 'me' : 'all'),
    query: params.get('q') ?? '',
  };
}

function writeFilters(current: URLSearchParams, filters: BoardFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  const put = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  put('status', filters.status === 'all' ? null : filters.status);
  put('category', filters.category === 'all' ? null : filters.category);
  put('tag', filters.tag === 'all' ? null : filters.tag);
  put('claimant', filters.claimant === 'all' ? null : filters.claimant);
  put('mine', null);
  put('q', filters.query.trim() ? filters.query : null);
  return next;
}

export const noFilters: BoardFilters = { status: 'all', category: 'all', tag: 'all', claimant: 'all', query: '' };

/**
 * The board's filters. The inputs follow React state at once (controlled
 * inputs must not wait for a navigation); the address mirrors them, so a
 * reload or a shared link keeps them.
 */
export function useBoardFilters(): [BoardFilters, (change: Partial<BoardFilters>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<BoardFilters>(() => readFilters(params));

  useEffect(() => {
    setParams((current) => writeFilters(current, filters), { replace: true });
  }, [filters, setParams]);

  const change = useCallback((next: Partial<BoardFilters>) => setFilters((current) => ({ ...current, ...next })), []);
  const clear = useCallback(() => setFilters(noFilters), []);
  return [filters, change, clear];
}

export function isFiltered(filters: BoardFilters): boolean {
  return (
    filters.status !== 'all' ||
    filters.category !== 'all' ||
    filters.tag !== 'all' ||
    filters.claimant !== 'all' ||
    filters.query.trim() !== ''
  );
}

/** Who a platform belongs to on the board: its holder, or whoever checked it. */
export function ownerOf(platform: Platform): string | null {
  return platform.status === 'claimed'
    ? platform.claimedBy
    : platform.status === 'checked'
      ? (platform.checkedBy ?? platform.claimedBy)
      : null;
}

function matchesClaimant(platform: Platform, claimant: ClaimantFilter, myParticipantId: string): boolean {
  if (claimant === 'all') return true;
  const owner = ownerOf(platform);
  if (claimant === 'none') return platform.status === 'unchecked';
  return owner === (claimant === 'me' ? myParticipantId : claimant);
}

/** Whether a platform passes the filters that describe *what* it is (category, tag, text), not who has it. */
function matchesWhat(platform: Platform, filters: BoardFilters): boolean {
  const query = filters.query.trim().toLowerCase();
  return (
    (filters.category === 'all' || platform.category === filters.category) &&
    (filters.tag === 'all' || platform.tags.includes(filters.tag)) &&
    (!query ||
      platform.name.toLowerCase().includes(query) ||
      platform.url.toLowerCase().includes(query) ||
      platform.tags.some((tag) => tag.includes(query)))
  );
}

/** The platforms that pass the filters, highest priority first, then by name (stable as statuses change). */
export function filterPlatforms(
  platforms: readonly Platform[],
  filters: BoardFilters,
  myParticipantId: string,
  language: string,
): Platform[] {
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  return platforms
    .filter(
      (p) =>
        (filters.status === 'all' || p.status === filters.status) &&
        matchesClaimant(p, filters.claimant, myParticipantId) &&
        matchesWhat(p, filters),
    )
    .sort((a, b) => b.priority - a.priority || collator.compare(a.name, b.name));
}

/**
 * The unclaimed platforms in the order they should be taken: highest
 * priority first, then the oldest. The filters on category, tag and text
 * apply (an investigator who filtered on a language or a tag wants those);
 * the filters on status and claimant do not.
 */
export function nextBestCandidates(platforms: readonly Platform[], filters: BoardFilters): Platform[] {
  return platforms
    .filter((p) => p.status === 'unchecked' && matchesWhat(p, filters))
    .sort((a, b) => b.priority - a.priority || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The platform to suggest after `current`: the best one, or, when the
 * current suggestion is still unclaimed, the one after it (pressing the key
 * again walks down the list and wraps around).
 */
export function nextBest(
  platforms: readonly Platform[],
  filters: BoardFilters,
  current: string | null,
): Platform | null {
  const candidates = nextBestCandidates(platforms, filters);
  if (candidates.length === 0) return null;
  const index = current ? candidates.findIndex((p) => p.id === current) : -1;
  return candidates[(index + 1) % candidates.length] ?? null;
}

/** How many platforms are in each status. */
export function countByStatus(platforms: readonly Platform[]): Record<PlatformStatus, number> {
  const counts: Record<PlatformStatus, number> = { unchecked: 0, claimed: 0, checked: 0 };
  for (const platform of platforms) counts[platform.status] += 1;
  return counts;
}

/** The platforms each participant holds now, by participant id. */
export function claimsByParticipant(platforms: readonly Platform[]): Map<string, Platform[]> {
  const claims = new Map<string, Platform[]>();
  for (const platform of platforms) {
    if (platform.status !== 'claimed' || !platform.claimedBy) continue;
    const list = claims.get(platform.claimedBy);
    if (list) list.push(platform);
    else claims.set(platform.claimedBy, [platform]);
  }
  return claims;
}
