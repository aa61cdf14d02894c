import {
  type Platform,
  type PlatformCategory,
  type PlatformStatus,
  platformCategories,
  platformStatuses,
} from '@actionday/shared';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface BoardFilters {
  status: PlatformStatus | 'all';
  category: PlatformCategory | 'all';
  mine: boolean;
  query: string;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | 'all' =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : 'all';

function readFilters(params: URLSearchParams): BoardFilters {
  return {
    status: oneOf(platformStatuses, params.get('status')),
    category: oneOf(platformCategories, params.get('category')),
    mine: params.get('mine') === '1',
    query: params.get('q') ?? '',
  };
}

function writeFilters(current: URLSearchParams, filters: BoardFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  const put = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  put('status', filters.status === 'all' ? null : filters.status);
  put('category', filters.category === 'all' ? null : filters.category);
  put('mine', filters.mine ? '1' : null);
  put('q', filters.query.trim() ? filters.query : null);
  return next;
}

const noFilters: BoardFilters = { status: 'all', category: 'all', mine: false, query: '' };

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
  return filters.status !== 'all' || filters.category !== 'all' || filters.mine || filters.query.trim() !== '';
}

/** The platforms that pass the filters, highest priority first, then by name (stable as statuses change). */
export function filterPlatforms(platforms: readonly Platform[], filters: BoardFilters, myParticipantId: string, language: string): Platform[] {
  const query = filters.query.trim().toLowerCase();
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  return platforms
    .filter(
      (p) =>
        (filters.status === 'all' || p.status === filters.status) &&
        (filters.category === 'all' || p.category === filters.category) &&
        (!filters.mine || p.claimedBy === myParticipantId) &&
        (!query || p.name.toLowerCase().includes(query) || p.url.toLowerCase().includes(query) || p.tags.some((tag) => tag.includes(query))),
    )
    .sort((a, b) => b.priority - a.priority || collator.compare(a.name, b.name));
}

/** How many platforms are in each status. */
export function countByStatus(platforms: readonly Platform[]): Record<PlatformStatus, number> {
  const counts: Record<PlatformStatus, number> = { unchecked: 0, claimed: 0, checked: 0 };
  for (const platform of platforms) counts[platform.status] += 1;
  return counts;
}
