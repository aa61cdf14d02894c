import type { InvitePreview, NewAccount, SignIn } from '@actionday/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { meKey } from '../../app/session';

/**
 * After any sign-in: forget what an earlier person's session cached (the
 * page on screen keeps its own queries) and ask who we are now.
 */
function useSignedIn() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== meKey[0] && query.getObserversCount() === 0,
    });
    await queryClient.invalidateQueries({ queryKey: meKey });
  };
}

export function useSignIn() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: SignIn) => api<{ ok: true }>('/api/session', { method: 'POST', body }),
    onSuccess: signedIn,
  });
}

export function useSetupState() {
  return useQuery({ queryKey: ['setup'], queryFn: () => api<{ open: boolean }>('/api/setup'), staleTime: 0 });
}

export function useCompleteSetup() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: NewAccount & { token: string }) => api<{ ok: true }>('/api/setup', { method: 'POST', body }),
    onSuccess: signedIn,
  });
}

export function useInvitePreview(code: string) {
  return useQuery({
    queryKey: ['invite', code],
    queryFn: () => api<InvitePreview>(`/api/invites/${encodeURIComponent(code)}`),
    staleTime: 0,
  });
}

export function useAcceptInvite(code: string) {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: NewAccount) =>
      api<{ ok: true; operationId: string }>(`/api/invites/${encodeURIComponent(code)}/accept`, {
        method: 'POST',
        body,
      }),
    onSuccess: signedIn,
  });
}
