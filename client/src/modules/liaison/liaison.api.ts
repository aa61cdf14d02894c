import type { CreateLiaison, LiaisonRequest, UpdateLiaison } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { useSocketEvents } from '../../app/socket/useSocketEvents';

export const liaisonKey = (operationId: string) => ['requests', operationId] as const;

/** The list with one request put in (a higher version wins; a tie goes to the incoming copy), newest first. */
export function upsertRequest(
  current: readonly LiaisonRequest[] | undefined,
  incoming: LiaisonRequest,
): LiaisonRequest[] {
  const list = [...(current ?? [])];
  const at = list.findIndex((r) => r.id === incoming.id);
  if (at === -1) list.push(incoming);
  else if ((list[at]?.version ?? 0) <= incoming.version) list[at] = incoming;
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

function apply(queryClient: QueryClient, request: LiaisonRequest): void {
  queryClient.setQueryData<LiaisonRequest[]>(liaisonKey(request.operationId), (current) =>
    current ? upsertRequest(current, request) : current,
  );
}

/** Every request of the operation (one list; pages filter it), kept live by `request:updated`. */
export function useLiaison(operationId: string, enabled = true) {
  return useQuery({
    queryKey: liaisonKey(operationId),
    queryFn: ({ signal }) => api<LiaisonRequest[]>(`/api/operations/${operationId}/requests`, { signal }),
    enabled,
  });
}

/** Puts each `request:updated` into the cached list at once. */
export function useLiaisonLive(operationId: string): void {
  const queryClient = useQueryClient();
  useSocketEvents({
    'request:updated': ({ request }) => {
      if (request.operationId === operationId) apply(queryClient, request);
    },
  });
}

export function useCreateLiaison(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLiaison) =>
      api<LiaisonRequest>(`/api/operations/${operationId}/requests`, { method: 'POST', body }),
    onSuccess: (request) => apply(queryClient, request),
  });
}

export function useUpdateLiaison() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateLiaison & { id: string }) =>
      api<LiaisonRequest>(`/api/requests/${id}`, { method: 'PATCH', body }),
    onSuccess: (request) => apply(queryClient, request),
  });
}
