import type { CreateInvite, InviteCreated } from '@actionday/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../app/api';

export function useCreateInvite(operationId: string) {
  return useMutation({
    mutationFn: (body: CreateInvite) =>
      api<InviteCreated>(`/api/operations/${operationId}/invites`, { method: 'POST', body }),
  });
}
