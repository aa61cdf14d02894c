import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import { postWithProgress } from '../../app/upload';

/** An imported reference list, standing in for an agency database. */
export interface ReferenceList {
  id: string;
  name: string;
  entries: number;
  createdAt: string;
}

/** The answer to an upload: what was imported, the lines refused with why, and the matches it made. */
export interface ReferenceListResult {
  id: string;
  name: string;
  entries: number;
  rejected: { line: number; message: string }[];
  matches: number;
}

export const referenceListsKey = (operationId: string) => ['reference-lists', operationId] as const;

/** The operation's reference lists (analysts and coordinators). */
export function useReferenceLists(operationId: string) {
  return useQuery({
    queryKey: referenceListsKey(operationId),
    queryFn: ({ signal }) => api<ReferenceList[]>(`/api/operations/${operationId}/reference-lists`, { signal }),
  });
}

/**
 * Uploads a CSV list with its progress (XMLHttpRequest reports it; fetch cannot). The file is sent as it is,
 * labelled `text/csv` whatever the browser thinks of it. The matches it makes arrive live.
 */
export function useUploadReferenceList(operationId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: ({ name, file }: { name: string; file: Blob }) => {
      setProgress(0);
      return postWithProgress<ReferenceListResult>(
        `/api/operations/${operationId}/reference-lists?name=${encodeURIComponent(name)}`,
        file,
        { headers: { 'Content-Type': 'text/csv' }, onProgress: setProgress, onUploaded: () => setProgress(1) },
      );
    },
    onSettled: () => setProgress(null),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceListsKey(operationId) }),
  });
  return { ...mutation, progress };
}

/** Removes a list; the matches only it made are withdrawn (live). */
export function useDeleteReferenceList(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (listId: string) =>
      api<{ ok: true }>(`/api/operations/${operationId}/reference-lists/${listId}`, { method: 'DELETE' }),
    onSuccess: (_answer, listId) =>
      queryClient.setQueryData<ReferenceList[]>(referenceListsKey(operationId), (lists) =>
        lists?.filter((list) => list.id !== listId),
      ),
  });
}
