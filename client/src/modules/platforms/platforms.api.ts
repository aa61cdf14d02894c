import type { CreatePlatform, Platform, VerdictBody } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api';
import { Queued, sendThroughOutbox } from '../../app/outbox/outbox';
import type { OutboxKind } from '../../app/outbox/outbox.types';

export const platformsKey = (operationId: string) => ['platforms', operationId] as const;

/** The later of two copies of a platform: the server bumps `version` on every change (ties go to `b`). */
function newer(a: Platform, b: Platform): Platform {
  return b.version >= a.version ? b : a;
}

/**
 * Folds platforms into a list: same id → keep the higher version, new id →
 * append. Live events and a late list answer can arrive in any order; this
 * keeps the newest state of each platform either way.
 */
export function mergePlatforms(current: readonly Platform[] | undefined, incoming: readonly Platform[]): Platform[] {
  if (!current) return [...incoming];
  const byId = new Map(current.map((platform) => [platform.id, platform]));
  for (const platform of incoming) {
    const known = byId.get(platform.id);
    byId.set(platform.id, known ? newer(known, platform) : platform);
  }
  return [...byId.values()];
}

/** Applies platforms from an event or an answer to the cached board, without a refetch. */
export function upsertPlatforms(queryClient: QueryClient, operationId: string, platforms: readonly Platform[]): void {
  queryClient.setQueryData<Platform[]>(platformsKey(operationId), (current) =>
    current ? mergePlatforms(current, platforms) : current,
  );
}

/**
 * The operation's platforms. A fresh list is merged into the cached one (the
 * API never deletes platforms), so an event that arrived while the list was
 * on its way is not undone by the older answer.
 */
export function usePlatforms(operationId: string, options: { refetchInterval?: number } = {}) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: platformsKey(operationId),
    queryFn: async ({ signal }) => {
      const fresh = await api<Platform[]>(`/api/operations/${operationId}/platforms`, { signal });
      return mergePlatforms(queryClient.getQueryData<Platform[]>(platformsKey(operationId)), fresh);
    },
    ...(options.refetchInterval
      ? { refetchInterval: options.refetchInterval, refetchIntervalInBackground: false }
      : {}),
  });
}

/** The cached copy of one platform, if the board has it. */
export function cachedPlatform(
  queryClient: QueryClient,
  operationId: string,
  platformId: string,
): Platform | undefined {
  return queryClient.getQueryData<Platform[]>(platformsKey(operationId))?.find((p) => p.id === platformId);
}

/**
 * Platforms this tab released itself in the last moments: the `released`
 * event that follows is then no news to show (a coordinator's release is).
 */
const releasedHere = new Map<string, number>();
export function releasedByThisTab(platformId: string): boolean {
  const at = releasedHere.get(platformId);
  return at !== undefined && Date.now() - at < 30_000;
}

/**
 * A claim, release or verdict through the outbox: kept on this device until the server answers, sent in
 * order with the findings logged around it (`Queued` when no answer came in time).
 */
function platformThroughOutbox(
  kind: OutboxKind,
  operationId: string,
  platformId: string,
  action: 'claim' | 'release' | 'verdict',
  body?: VerdictBody,
): Promise<Platform | Queued> {
  return sendThroughOutbox<Platform>({
    kind,
    method: 'POST',
    path: `/api/platforms/${platformId}/${action}`,
    body,
    operationId,
    platformId,
  });
}

/** A change to one platform through `POST /api/platforms/:id/<action>`; the answer goes into the board at once. */
function usePlatformAction<Variables>(
  operationId: string,
  request: (variables: Variables) => Promise<Platform | Queued>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    // offline, a release or verdict goes to the outbox, and the others fail at once rather than wait unsaved
    networkMode: 'always',
    mutationFn: request,
    onSuccess: (platform) => {
      if (!(platform instanceof Queued)) upsertPlatforms(queryClient, operationId, [platform]);
    },
    onError: (error) => {
      // the board was behind (someone else acted first): catch up
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: platformsKey(operationId) });
    },
  });
}

export function useReleasePlatform(operationId: string) {
  return usePlatformAction(operationId, (platformId: string) => {
    releasedHere.set(platformId, Date.now());
    return platformThroughOutbox('release', operationId, platformId, 'release');
  });
}

export function useRecordVerdict(operationId: string) {
  return usePlatformAction(operationId, ({ platformId, ...body }: VerdictBody & { platformId: string }) =>
    platformThroughOutbox('verdict', operationId, platformId, 'verdict', body),
  );
}

export function useReopenPlatform(operationId: string) {
  return usePlatformAction(operationId, (platformId: string) =>
    api<Platform>(`/api/platforms/${platformId}/reopen`, { method: 'POST' }),
  );
}

export function useAssignPlatform(operationId: string) {
  return usePlatformAction(
    operationId,
    ({ platformId, participantId }: { platformId: string; participantId: string }) =>
      api<Platform>(`/api/platforms/${platformId}/assign`, { method: 'POST', body: { participantId } }),
  );
}

/** Records the holder's own heartbeat time in the cached platform (heartbeats are not broadcast). */
export function touchPlatform(
  queryClient: QueryClient,
  operationId: string,
  platformId: string,
  lastActivityAt: string,
): void {
  queryClient.setQueryData<Platform[]>(platformsKey(operationId), (current) =>
    current?.map((p) => (p.id === platformId && p.status === 'claimed' ? { ...p, lastActivityAt } : p)),
  );
}

/** Claims one platform; on a lost race the board is refreshed to show who has it. */
export function useClaimPlatform(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // the outbox decides what offline means: react-query would hold the write back, unsaved, until online
    networkMode: 'always',
    mutationFn: (platformId: string) => platformThroughOutbox('claim', operationId, platformId, 'claim'),
    onSuccess: (platform) => {
      if (!(platform instanceof Queued)) upsertPlatforms(queryClient, operationId, [platform]);
    },
    onError: (error) => {
      if (isApiError(error, 'platforms.already_claimed'))
        void queryClient.invalidateQueries({ queryKey: platformsKey(operationId) });
    },
  });
}

export function useCreatePlatform(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlatform) =>
      api<Platform>(`/api/operations/${operationId}/platforms`, { method: 'POST', body }),
    onSuccess: (platform) => upsertPlatforms(queryClient, operationId, [platform]),
  });
}
