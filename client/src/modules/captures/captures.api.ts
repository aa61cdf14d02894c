import type { Capture, CreateCapture } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { useSocketEvents } from '../../app/socket/useSocketEvents';

export const capturesKey = (operationId: string, platformId: string) => ['captures', operationId, platformId] as const;

export function useCaptures(operationId: string, platformId: string) {
  return useQuery({
    queryKey: capturesKey(operationId, platformId),
    queryFn: ({ signal }) =>
      api<Capture[]>(`/api/operations/${operationId}/captures?platformId=${encodeURIComponent(platformId)}`, {
        signal,
      }),
  });
}

/** Puts a capture's newest state in the platform's list (newest first), or adds it. */
function applyCapture(queryClient: QueryClient, capture: Capture) {
  queryClient.setQueryData<Capture[]>(capturesKey(capture.operationId, capture.platformId), (current) => {
    if (!current) return current;
    const known = current.some((c) => c.id === capture.id);
    return known ? current.map((c) => (c.id === capture.id ? capture : c)) : [capture, ...current];
  });
}

/** Ask the server to capture a URL: it answers at once; the live events bring the capture as it goes. */
export function useRequestCapture(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCapture) =>
      api<{ id: string; status: 'queued' }>(`/api/operations/${operationId}/captures`, { method: 'POST', body }),
    onSuccess: (_answer, body) => {
      void queryClient.invalidateQueries({ queryKey: capturesKey(operationId, body.platformId) });
    },
  });
}

/** Keeps the open platform's captures live: queued, started, done and failed as the server tells them. */
export function useCapturesLive(operationId: string): void {
  const queryClient = useQueryClient();
  const onCapture = ({ capture }: { capture: Capture }) => {
    if (capture.operationId === operationId) applyCapture(queryClient, capture);
  };
  useSocketEvents({
    'capture:queued': onCapture,
    'capture:started': onCapture,
    'capture:done': onCapture,
    'capture:failed': onCapture,
  });
}
