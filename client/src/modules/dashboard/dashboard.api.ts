import type { Activity, FigureDefinition, Operation, Timeline, UpdateOperation } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { type OperationDetail, operationKey, operationListKey } from '../operations/operations.api';

export const activityKey = (operationId: string) => ['activity', operationId] as const;
export const timelineKey = (operationId: string) => ['timeline', operationId] as const;
export const figuresKey = (operationId: string) => ['figures', operationId] as const;

/** The latest activity, newest first (refetched, throttled, as tallies move). */
export function useActivity(operationId: string, enabled = true) {
  return useQuery({
    queryKey: activityKey(operationId),
    enabled,
    queryFn: ({ signal }) => api<Activity[]>(`/api/operations/${operationId}/activity?limit=40`, { signal }),
    staleTime: 10_000,
  });
}

/** Platforms checked and findings logged per 15 minutes. */
export function useTimeline(operationId: string) {
  return useQuery({
    queryKey: timelineKey(operationId),
    queryFn: ({ signal }) => api<Timeline>(`/api/operations/${operationId}/timeline?bucket=15`, { signal }),
    staleTime: 15_000,
  });
}

/** The key-figure definitions of the operation. */
export function useFigureDefinitions(operationId: string) {
  return useQuery({
    queryKey: figuresKey(operationId),
    queryFn: ({ signal }) => api<FigureDefinition[]>(`/api/operations/${operationId}/figures`, { signal }),
  });
}

/** Puts an operation answer into the cached detail (participants and `me` stay). */
function storeOperation(queryClient: QueryClient, operation: Operation): void {
  queryClient.setQueryData<OperationDetail>(operationKey(operation.id), (current) =>
    current ? { ...current, ...operation } : current,
  );
  void queryClient.invalidateQueries({ queryKey: operationListKey });
}

export function useSetPhase(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: Operation['status']) =>
      api<Operation>(`/api/operations/${operationId}/status`, { method: 'POST', body: { status } }),
    onSuccess: (operation) => storeOperation(queryClient, operation),
  });
}

export function useUpdateSettings(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOperation) => api<Operation>(`/api/operations/${operationId}`, { method: 'PATCH', body }),
    onSuccess: (operation) => storeOperation(queryClient, operation),
  });
}

export function useSaveFigures(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (figures: unknown) =>
      api<FigureDefinition[]>(`/api/operations/${operationId}/figures`, { method: 'PUT', body: figures }),
    onSuccess: (figures) => {
      queryClient.setQueryData(figuresKey(operationId), figures);
    },
  });
}
