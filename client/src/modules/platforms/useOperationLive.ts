import type { Operation, Platform, PlatformChangedEvent, PlatformReleasedEvent } from '@actionday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ClientErrorCode } from '../../app/api';
import { useSocket } from '../../app/socket/SocketProvider';
import { type OperationDetail, operationKey, setParticipants, upsertParticipant } from '../operations/operations.api';
import type { ChangeVerb } from './claimNotices';
import { cachedPlatform, platformsKey, touchPlatform, upsertPlatforms } from './platforms.api';

const JOIN_TIMEOUT_MS = 10_000;

/** Every server event that carries a platform's new state (and its holder, if any). */
const changeVerbs = [
  'claimed',
  'assigned',
  'released',
  'expired',
  'checked',
  'reopened',
] as const satisfies readonly ChangeVerb[];

/** Called for every platform change, with the board's copy from before it. */
export type ChangeListener = (
  verb: ChangeVerb,
  event: PlatformChangedEvent | PlatformReleasedEvent,
  before: Platform | undefined,
) => void;

/**
 * Keeps the board live: joins the operation's room on every (re)connect,
 * applies platform events to the cache (replace by id, keep the highest
 * version), and refetches the list after each join, since events may have
 * been missed meanwhile. Answers the code of a refused join, if any.
 */
export function useOperationLive(operationId: string, onChange?: ChangeListener): ClientErrorCode | null {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const [joinError, setJoinError] = useState<ClientErrorCode | null>(null);
  const listener = useRef(onChange);
  useEffect(() => {
    listener.current = onChange;
  }, [onChange]);

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
      upsertPlatforms(
        queryClient,
        operationId,
        platforms.filter((p) => p.operationId === operationId),
      );
    };
    const handlers = changeVerbs.map((verb) => {
      const handler = (event: PlatformChangedEvent | PlatformReleasedEvent) => {
        const { platform, claimant } = event;
        if (platform.operationId !== operationId) return;
        if (claimant) upsertParticipant(queryClient, operationId, claimant);
        listener.current?.(verb, event, cachedPlatform(queryClient, operationId, platform.id));
        upsertPlatforms(queryClient, operationId, [platform]);
      };
      return [`platform:${verb}`, handler] as const;
    });
    const onOperationUpdated = ({ operation }: { operation: Operation }) => {
      if (operation.id !== operationId) return;
      queryClient.setQueryData<OperationDetail>(operationKey(operationId), (current) =>
        current ? { ...current, ...operation } : current,
      );
    };

    socket.on('connect', join);
    socket.on('platform:created', onCreated);
    for (const [event, handler] of handlers) socket.on(event, handler);
    socket.on('operation:updated', onOperationUpdated);
    const onActivity = (event: { operationId: string; platformId: string; lastActivityAt: string }) => {
      if (event.operationId === operationId)
        touchPlatform(queryClient, operationId, event.platformId, event.lastActivityAt);
    };
    socket.on('platform:activity', onActivity);
    if (socket.connected) void join();

    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('platform:created', onCreated);
      for (const [event, handler] of handlers) socket.off(event, handler);
      socket.off('operation:updated', onOperationUpdated);
      socket.off('platform:activity', onActivity);
      if (socket.connected) socket.emit('operation:leave', { operationId }, () => undefined);
    };
  }, [socket, operationId, queryClient]);

  return joinError;
}
