import type { RevocationResult, Revocations } from '@actionday/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { operationKey } from './operations.api';

export const revocationsKey = (operationId: string) => ['revocations', operationId] as const;

/** Revocations waiting for a second coordinator, and revoked participants (coordinators and administrators). */
export function useRevocations(operationId: string) {
  return useQuery({
    queryKey: revocationsKey(operationId),
    queryFn: ({ signal }) => api<Revocations>(`/api/operations/${operationId}/revocations`, { signal }),
  });
}

type Decision = 'revoke' | 'cancel' | 'reinstate';

const request = (operationId: string, participantId: string, decision: Decision) => {
  const base = `/api/operations/${operationId}/participants/${participantId}`;
  if (decision === 'cancel') return api<{ ok: true }>(`${base}/revocation-request`, { method: 'DELETE' });
  return api<RevocationResult | { ok: true }>(`${base}/${decision}`, { method: 'POST' });
};

/**
 * Revoke (or ask to, or confirm another coordinator's request), withdraw a request, or undo a revocation; the
 * participant list and the revocations are read again after each.
 */
export function useRevocationDecision(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ participantId, decision }: { participantId: string; decision: Decision }) =>
      request(operationId, participantId, decision),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: revocationsKey(operationId) }),
        queryClient.invalidateQueries({ queryKey: operationKey(operationId) }),
      ]);
    },
  });
}
