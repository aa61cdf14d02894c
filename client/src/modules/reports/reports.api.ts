import type { Operation, Report, ReportAudience, ReportFormat, ReportLanguage } from '@actionday/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchFile } from '../../app/api';
import { operationKey } from '../operations/operations.api';

export const reportKey = (operationId: string, audience: ReportAudience) => ['report', operationId, audience] as const;

/** The report model (JSON) for the page; observers always get the public version. */
export function useReport(operationId: string, audience: ReportAudience) {
  return useQuery({
    queryKey: reportKey(operationId, audience),
    queryFn: ({ signal }) =>
      api<Report>(`/api/operations/${operationId}/report?format=json&audience=${audience}`, { signal }),
    staleTime: 30_000,
    // no event keeps the report live: it says when it was made, and is asked for again on request
    meta: { rejoin: 'keep' },
  });
}

export function reportUrl(
  operationId: string,
  format: ReportFormat,
  audience: ReportAudience,
  lang: ReportLanguage,
): string {
  return `/api/operations/${operationId}/report?${new URLSearchParams({ format, audience, lang })}`;
}

export function packageUrl(operationId: string, country: string): string {
  return `/api/operations/${operationId}/packages/${encodeURIComponent(country)}`;
}

/**
 * Fetches a generated file (the server may take a few seconds for a PDF)
 * and hands it to the browser as a download. Throws an ApiError with the
 * server's code (e.g. `reports.pdf_unavailable`).
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const { blob, name } = await fetchFile(url, fallbackName);
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A coordinator sets small-count suppression of the public versions. */
export function useSetSuppression(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suppressBelow: number) =>
      api<Operation>(`/api/operations/${operationId}`, { method: 'PATCH', body: { suppressBelow } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['report', operationId] }),
        queryClient.invalidateQueries({ queryKey: operationKey(operationId) }),
      ]);
    },
  });
}
