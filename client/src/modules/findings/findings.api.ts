import type { CreateFinding, FindingCreated, FindingView, IdentifierKind, UpdateFinding } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../app/api';
import { evidenceKey } from '../evidence/evidence.api';
import { useSocket } from '../../app/socket/SocketProvider';
import { acknowledgeHits } from '../hits/hits.api';
import { newerFinding } from './findings.cache';
import { ledgerOf, reconcile, removeListed, upsertListed } from './live-list';

export const findingsKey = (operationId: string, platformId: string) => ['findings', operationId, platformId] as const;
const ledger = (queryClient: QueryClient, operationId: string) =>
  ledgerOf<FindingView>(queryClient, `findings:${operationId}`);

/** Applies a finding from an event or an answer to its platform's cached list (highest version wins). */
export function applyFinding(queryClient: QueryClient, finding: FindingView): void {
  const live = ledger(queryClient, finding.operationId);
  if (live.deleted.has(finding.id)) return;
  const known = live.live.get(finding.id)?.item;
  live.live.set(finding.id, { at: Date.now(), item: known ? newerFinding(known, finding) : finding });
  queryClient.setQueryData<FindingView[]>(findingsKey(finding.operationId, finding.platformId), (current) =>
    current ? upsertListed(current, finding, newerFinding) : current,
  );
}

/** Removes a deleted finding, and remembers it so that an older list answer cannot bring it back. */
export function applyDeletion(
  queryClient: QueryClient,
  deleted: { id: string; operationId: string; platformId: string },
): void {
  ledger(queryClient, deleted.operationId).deleted.set(deleted.id, Date.now());
  queryClient.setQueryData<FindingView[]>(findingsKey(deleted.operationId, deleted.platformId), (current) =>
    current ? removeListed(current, deleted.id) : current,
  );
}

/** One platform's findings as this viewer may see them, newest first; live events stay applied across refetches. */
export function useFindings(operationId: string, platformId: string, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: findingsKey(operationId, platformId),
    enabled,
    queryFn: async ({ signal }) => {
      const requestedAt = Date.now();
      const fresh = await api<FindingView[]>(
        `/api/operations/${operationId}/findings?platformId=${encodeURIComponent(platformId)}`,
        { signal },
      );
      const current = queryClient.getQueryData<FindingView[]>(findingsKey(operationId, platformId));
      return reconcile(
        current,
        fresh,
        requestedAt,
        ledger(queryClient, operationId),
        newerFinding,
        (f) => f.platformId === platformId,
      );
    },
  });
}

/** After a reconnection, lists are asked again (events may have been missed); the room is re-joined first. */
const REFETCH_AFTER_RECONNECT_MS = 1000;

/**
 * Keeps every cached findings list of the operation live. The operation's
 * room is joined by the page (the board); this only listens.
 */
export function useFindingsLive(operationId: string): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onFinding = ({ finding }: { finding: FindingView }) => {
      if (finding.operationId === operationId) applyFinding(queryClient, finding);
    };
    const onDeleted = (deleted: { id: string; operationId: string; platformId: string }) => {
      if (deleted.operationId === operationId) applyDeletion(queryClient, deleted);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onReconnect = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: ['findings', operationId] }),
        REFETCH_AFTER_RECONNECT_MS,
      );
    };
    const onEvidence = (event: { operationId: string; platformId: string }) => {
      if (event.operationId === operationId)
        void queryClient.invalidateQueries({ queryKey: evidenceKey(operationId, event.platformId) });
    };
    socket.on('evidence:uploaded', onEvidence);
    socket.on('finding:logged', onFinding);
    socket.on('finding:updated', onFinding);
    socket.on('finding:deleted', onDeleted);
    socket.io.on('reconnect', onReconnect);
    return () => {
      clearTimeout(timer);
      socket.off('evidence:uploaded', onEvidence);
      socket.off('finding:logged', onFinding);
      socket.off('finding:updated', onFinding);
      socket.off('finding:deleted', onDeleted);
      socket.io.off('reconnect', onReconnect);
    };
  }, [socket, operationId, queryClient]);
}

export function useLogFinding(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFinding) =>
      api<FindingCreated>(`/api/operations/${operationId}/findings`, { method: 'POST', body }),
    onSuccess: (created) => {
      applyFinding(queryClient, created.finding);
      // the form shows these at once: no separate notice for them
      acknowledgeHits(created.hits.map((hit) => hit.hitId));
    },
  });
}

export function useUpdateFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateFinding }) =>
      api<FindingView>(`/api/findings/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: (finding) => applyFinding(queryClient, finding),
  });
}

export function useDeleteFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (finding: { id: string; operationId: string; platformId: string }) => {
      await api<{ ok: true }>(`/api/findings/${finding.id}`, { method: 'DELETE' });
      return finding;
    },
    onSuccess: (finding) => applyDeletion(queryClient, finding),
  });
}

/** `POST /api/operations/:id/extract`: identifiers found in pasted text, and indicator phrases with their offsets. */
export interface Extraction {
  identifiers: {
    identifierKind: IdentifierKind;
    value: string;
    normalizedValue: string | null;
    problem: string | null;
  }[];
  indicators: { phrase: string; language: string; start: number; end: number }[];
}

export function useExtract(operationId: string) {
  return useMutation({
    mutationFn: (body: { text: string; platformId: string }) =>
      api<Extraction>(`/api/operations/${operationId}/extract`, { method: 'POST', body }),
  });
}
