import type { Platform, PlatformChangedEvent } from '@actionday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ClientErrorCode } from '../../app/api';
import { useSocket } from '../../app/socket/SocketProvider';
import { setParticipants, upsertParticipant } from '../operations/operations.api';
import { platformsKey, upsertPlatforms } from './platforms.api';

const JOIN_TIMEOUT_MS = 10_000;

/** Every server event that carries a platform's new state (and its holder, if any). */
const changeEvents = ['platform:claimed', 'platform:assigned', 'platform:released', 'platform:expired', 'platform:checked', 'platform:reopened'] as const;

/**
 * Keeps the board live: joins the operation's room on every (re)connect,
 * applies platform events to the cache (replace by id, keep the highest
 * version), and refetches the list after each join, since events may have
 * been missed meanwhile. Answers the code of a refused join, if any.
 */
export function useOperationLive(operationId: string): ClientErrorCode | null {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const [joinError, setJoinError] = useState<ClientErrorCode | null>(null);

  useEffect(() => {
    if (!socket) return;
    let active = true;

    const join = async () => {
      const startedAt = Date.now();
      try {
        const answer = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('operation:join', { operationId });
        if (!active) return;
        if (!answer.ok) {
          setJoinError(answer.error.code);
          return;
        }
        setJoinError(null);
        setParticipants(queryClient, operationId, answer.data.participants);
        // Anything that changed before the room was joined is only in a fresh list.
        const listState = queryClient.getQueryState(platformsKey(operationId));
        if (!listState || listState.dataUpdatedAt < startedAt) {
          void queryClient.invalidateQueries({ queryKey: platformsKey(operationId) });
        }
      } catch {
        // No answer in time: the socket reconnects and joins again on `connect`.
      }
    };
    const onCreated = ({ platforms }: { platforms: Platform[] }) => {
      upsertPlatforms(queryClient, operationId, platforms.filter((p) => p.operationId === operationId));
    };
    const onChanged = ({ platform, claimant }: PlatformChangedEvent) => {
      if (platform.operationId !== operationId) return;
      if (claimant) upsertParticipant(queryClient, operationId, claimant);
      upsertPlatforms(queryClient, operationId, [platform]);
    };

    socket.on('connect', join);
    socket.on('platform:created', onCreated);
    for (const event of changeEvents) socket.on(event, onChanged);
    if (socket.connected) void join();

    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('platform:created', onCreated);
      for (const event of changeEvents) socket.off(event, onChanged);
      if (socket.connected) socket.emit('operation:leave', { operationId }, () => undefined);
    };
  }, [socket, operationId, queryClient]);

  return joinError;
}
