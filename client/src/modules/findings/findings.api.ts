import type {
  CreateFinding,
  FindingCreated,
  FindingView,
  Extraction as SharedExtraction,
  UpdateFinding,
} from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { Queued, sendThroughOutbox } from '../../app/outbox/outbox';
import { useOutboxSent } from '../../app/outbox/useOutbox';
import { evidenceKey } from '../evidence/evidence.api';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { acknowledgeMatches } from '../matches/matches.api';
import { newerFinding } from './findings.cache';
import { ledgerOf, reconcile, removeListed, upsertListed } from '../../app/live-list';

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

/**
 * Keeps every cached findings list of the operation live, and the evidence
 * lists of platforms that get a new capture. The page's `OperationRoom`
 * joins the room and asks for the lists again after every join.
 */
export function useFindingsLive(operationId: string): void {
  const queryClient = useQueryClient();
  const onFinding = ({ finding }: { finding: FindingView }) => {
    if (finding.operationId === operationId) applyFinding(queryClient, finding);
  };
  // a pending finding sent after its form was gone: in the list at once, before its live event
  useOutboxSent('finding', (answer) => {
    if (isFindingCreated(answer) && answer.finding.operationId === operationId)
      applyFinding(queryClient, answer.finding);
  });
  useSocketEvents({
    'finding:logged': onFinding,
    'finding:updated': onFinding,
    'finding:deleted': (deleted) => {
      if (deleted.operationId === operationId) applyDeletion(queryClient, deleted);
    },
    'evidence:uploaded': (event) => {
      if (event.operationId === operationId)
        void queryClient.invalidateQueries({ queryKey: evidenceKey(operationId, event.platformId) });
    },
  });
}

/**
 * Logs a finding through the outbox: kept on this device first, so a finding logged offline or left
 * unanswered is shown as pending in its platform's list and sent when the connection is back. Answers
 * `Queued` in that case; a refusal (4xx) still goes back to the form.
 */
export function useLogFinding(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // the outbox decides what offline means: react-query would hold the write back, unsaved, until online
    networkMode: 'always',
    mutationFn: (body: CreateFinding) =>
      sendThroughOutbox<FindingCreated>({
        kind: 'finding',
        method: 'POST',
        path: `/api/operations/${operationId}/findings`,
        body,
        operationId,
        platformId: body.platformId,
      }),
    onSuccess: (created) => {
      if (created instanceof Queued) return;
      applyFinding(queryClient, created.finding);
      // the form shows these at once: no separate notice for them
      acknowledgeMatches(created.matches.map((match) => match.matchId));
    },
  });
}

const isFindingCreated = (answer: unknown): answer is FindingCreated =>
  typeof answer === 'object' && answer !== null && 'finding' in answer;

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

/**
 * `POST /api/operations/:id/extract`: identifiers found in pasted text (read as findings are: raw text and
 * where, service, display, what a number was read as, strength, problem), what looked like one but could not be
 * read, and indicator phrases with their offsets.
 */
export type Extraction = SharedExtraction & {
  indicators: { phrase: string; language: string; start: number; end: number }[];
};

export function useExtract(operationId: string) {
  return useMutation({
    mutationFn: (body: { text: string; platformId: string }) =>
      api<Extraction>(`/api/operations/${operationId}/extract`, { method: 'POST', body }),
  });
}
