import type { CreateOperation, Operation, Participant } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { meKey } from '../../app/session';

/** `GET /api/operations/:id`: the operation, its participants and the caller's own record. */
export type OperationDetail = Operation & { participants: Participant[]; me: Participant };

export const operationListKey = ['operation-list'] as const;
export const operationKey = (operationId: string) => ['operation', operationId] as const;

export function useOperations() {
  return useQuery({ queryKey: operationListKey, queryFn: () => api<Operation[]>('/api/operations') });
}

export function useOperation(operationId: string) {
  return useQuery({
    queryKey: operationKey(operationId),
    queryFn: () => api<OperationDetail>(`/api/operations/${operationId}`),
  });
}

export function useCreateOperation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOperation) => api<Operation>('/api/operations', { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: operationListKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]);
    },
  });
}

/** Replaces the cached participant list (the room join answers the current one). */
export function setParticipants(queryClient: QueryClient, operationId: string, participants: Participant[]): void {
  queryClient.setQueryData<OperationDetail>(operationKey(operationId), (current) =>
    current ? { ...current, participants } : current,
  );
}

/** Adds or replaces one participant (a claimant who joined after the page loaded). */
export function upsertParticipant(queryClient: QueryClient, operationId: string, participant: Participant): void {
  queryClient.setQueryData<OperationDetail>(operationKey(operationId), (current) => {
    if (!current) return current;
    const known = current.participants.some((p) => p.id === participant.id);
    const participants = known
      ? current.participants.map((p) => (p.id === participant.id ? participant : p))
      : [...current.participants, participant];
    return { ...current, participants };
  });
}
