import type { ServerToClientEvents } from '@actionday/shared';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { type AppSocket, useSocket } from './SocketProvider';

/** An event the server sends, and the one payload it carries. */
export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** What a component does with each server event it cares about. */
export type SocketHandlers = { [E in ServerEvent]?: (payload: ServerPayload<E>) => void };

function listen<E extends ServerEvent>(socket: AppSocket, event: E, current: () => SocketHandlers[E]): () => void {
  const listener = (payload: ServerPayload<E>) => {
    const handler = current() as ((payload: ServerPayload<E>) => void) | undefined;
    handler?.(payload);
  };
  // socket.io types each listener by its event; a generic `E` is beyond its overloads
  const typed = listener as unknown as ServerToClientEvents[E];
  socket.on(event, typed as never);
  return () => void socket.off(event, typed as never);
}

/**
 * Listens to server events for as long as the component is mounted. The
 * handlers may change on every render (no memoising needed): the socket is
 * subscribed once per set of event names, and each event calls the latest
 * handler. Joining the room that makes the events arrive is the operation
 * room's job (`OperationRoom`), not this hook's.
 */
export function useSocketEvents(handlers: SocketHandlers): void {
  const socket = useSocket();
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const names = Object.keys(handlers).sort().join(' ');
  useEffect(() => {
    if (!socket || !names) return;
    const events = names.split(' ') as ServerEvent[];
    const stops = events.map((event) => listen(socket, event, () => latest.current[event]));
    return () => {
      for (const stop of stops) stop();
    };
  }, [socket, names]);
}
