import type { Operation, Participant } from '@actionday/shared';
import { type Query, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useEffect, useState } from 'react';
import { Outlet, useParams } from 'react-router';
import { type ClientErrorCode, parseError } from '../../app/errors';
import { useSocket } from '../../app/socket/SocketProvider';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { OperationTimeZone } from '../../app/timezone';
import { type OperationDetail, operationKey, setParticipants, upsertParticipant, useOperation } from './operations.api';

/** How long a join may wait for its acknowledgement before the next reconnect tries again. */
const JOIN_TIMEOUT_MS = 10_000;

/** Where this page stands with the operation's live room. */
export interface RoomState {
  operationId: string;
  status: 'joining' | 'joined' | 'refused';
  /** The code of a refused join (not a member any more, revoked, …). */
  error: ClientErrorCode | null;
  /** Rises by one with every acknowledged join: the first, and each one after a reconnect. */
  joins: number;
}

const RoomContext = createContext<RoomState | null>(null);

/** Every cached query about this operation: their keys all name it second (`['platforms', id]`). */
const ofOperation = (operationId: string) => (query: Query) => query.queryKey[1] === operationId;

/**
 * Notes which of the operation's queries start fetching from now on: their
 * answers are read after the join was sent, so they already hold what the
 * room would have told. The others may have missed events and are asked again.
 */
function watchFetches(queryClient: QueryClient, belongs: (query: Query) => boolean) {
  const fresh = new Set<string>();
  const stop = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch' && belongs(event.query))
      fresh.add(event.query.queryHash);
  });
  return { fresh, stop };
}

/**
 * Owns this page's membership of the operation's socket.io room: joins on
 * every (re)connection, and after each acknowledged join refreshes the
 * participants and invalidates the operation's cached queries, since events
 * sent while it was not in the room are lost. A connection the server
 * recovered (socket.io's connection-state recovery: rooms kept, missed events
 * replayed) needs neither, so a room full of laptops coming back from a
 * Wi-Fi drop costs the server no queries. Queries that are not kept live
 * by events opt out with `meta: { rejoin: 'keep' }`. Leaves on unmount.
 */
function useRoomMembership(operationId: string): RoomState {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const [state, setState] = useState<RoomState>({ operationId, status: 'joining', error: null, joins: 0 });

  useEffect(() => {
    if (!socket) return;
    let active = true;
    let attempt = 0;
    let joinedOnce = false;
    const belongs = ofOperation(operationId);

    const join = async () => {
      const mine = ++attempt;
      // a connection the server recovered kept its rooms and was sent what it missed: nothing to join or fetch
      if (socket.recovered && joinedOnce) {
        setState((current) => ({ ...current, status: 'joined', error: null }));
        return;
      }
      const watch = watchFetches(queryClient, belongs);
      try {
        const answer = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('operation:join', { operationId });
        if (!active || mine !== attempt) return;
        if (!answer.ok) {
          setState((current) => ({ ...current, status: 'refused', error: parseError(answer).code }));
          return;
        }
        setParticipants(queryClient, operationId, answer.data.participants);
        void queryClient.invalidateQueries({
          predicate: (query) => belongs(query) && query.meta?.rejoin !== 'keep' && !watch.fresh.has(query.queryHash),
        });
        joinedOnce = true;
        setState((current) => ({ ...current, status: 'joined', error: null, joins: current.joins + 1 }));
      } catch {
        // no answer in time: the socket reconnects and joins again on `connect`
      } finally {
        watch.stop();
      }
    };
    const onDisconnect = () =>
      setState((current) => (current.status === 'joined' ? { ...current, status: 'joining' } : current));

    socket.on('connect', join);
    socket.on('disconnect', onDisconnect);
    if (socket.connected) void join();
    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('disconnect', onDisconnect);
      if (socket.connected) socket.emit('operation:leave', { operationId }, () => undefined);
    };
  }, [socket, operationId, queryClient]);

  // the operation's own settings and phase, for every page of it
  useSocketEvents({
    'operation:updated': ({ operation }: { operation: Operation }) => {
      if (operation.id !== operationId) return;
      queryClient.setQueryData<OperationDetail>(operationKey(operationId), (current) =>
        current ? { ...current, ...operation } : current,
      );
    },
    // a revocation ends this page's part in the operation (the person's other operations stay); others drop them
    'participant:revoked': (payload: { operationId: string; participantId: string }) => {
      if (payload.operationId !== operationId) return;
      const detail = queryClient.getQueryData<OperationDetail>(operationKey(operationId));
      if (detail?.me.id === payload.participantId) {
        setState((current) => ({ ...current, status: 'refused', error: 'operations.revoked' }));
        return;
      }
      if (detail)
        setParticipants(
          queryClient,
          operationId,
          detail.participants.filter((p) => p.id !== payload.participantId),
        );
      void queryClient.invalidateQueries({ queryKey: ['revocations', operationId] });
    },
    'participant:reinstated': (payload: { operationId: string; participant: Participant }) => {
      if (payload.operationId !== operationId) return;
      upsertParticipant(queryClient, operationId, payload.participant);
      void queryClient.invalidateQueries({ queryKey: ['revocations', operationId] });
    },
  });

  return state.operationId === operationId ? state : { operationId, status: 'joining', error: null, joins: 0 };
}

/** Keeps the operation's live room joined for everything below it. */
export function OperationRoom({ operationId, children }: { operationId: string; children: ReactNode }) {
  const state = useRoomMembership(operationId);
  const operation = useOperation(operationId);
  return (
    <RoomContext value={state}>
      <OperationTimeZone zone={operation.data?.timeZone ?? null}>{children}</OperationTimeZone>
    </RoomContext>
  );
}

/** The route layout of `/operations/:operationId/*`: one room membership for all of the operation's pages. */
export function OperationRoomRoute() {
  const { operationId = '' } = useParams();
  return (
    <OperationRoom key={operationId} operationId={operationId}>
      <Outlet />
    </OperationRoom>
  );
}

/** The page's room state: whether events arrive, why not, and how many joins so far. */
export function useOperationRoom(): RoomState | null {
  return useContext(RoomContext);
}
