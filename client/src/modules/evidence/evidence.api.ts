import type { Evidence, Handling } from '@actionday/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import { postForm } from '../../app/upload';

export const evidenceKey = (operationId: string, platformId: string) => ['evidence', operationId, platformId] as const;

export function useEvidence(operationId: string, platformId: string, enabled = true) {
  return useQuery({
    queryKey: evidenceKey(operationId, platformId),
    enabled,
    queryFn: ({ signal }) =>
      api<Evidence[]>(`/api/operations/${operationId}/evidence?platformId=${encodeURIComponent(platformId)}`, {
        signal,
      }),
  });
}

export interface EvidenceUpload {
  platformId: string;
  file: File;
  url?: string;
  capturedAt?: string;
  handling?: Handling;
}

/** The multipart body: the text fields first, the file last (the server reads them in that order). */
export function evidenceForm(upload: EvidenceUpload): FormData {
  const form = new FormData();
  form.append('platformId', upload.platformId);
  if (upload.url) form.append('url', upload.url);
  if (upload.capturedAt) form.append('capturedAt', upload.capturedAt);
  if (upload.handling) form.append('handling', upload.handling);
  form.append('file', upload.file, upload.file.name);
  return form;
}

/** Uploads one capture with its progress (0–1, null when idle). */
export function useUploadEvidence(operationId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (upload: EvidenceUpload) => {
      setProgress(0);
      return postForm<Evidence>(`/api/operations/${operationId}/evidence`, evidenceForm(upload), setProgress);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Evidence[]>(evidenceKey(operationId, saved.platformId), (current) =>
        current ? [saved, ...current.filter((e) => e.id !== saved.id)] : current,
      );
      void queryClient.invalidateQueries({ queryKey: evidenceKey(operationId, saved.platformId) });
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}
