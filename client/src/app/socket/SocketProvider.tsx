import type { ClientToServerEvents, ServerToClientEvents } from '@actionday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useEffect, useState } from 'react';
import { type Socket, io } from 'socket.io-client';
import { meKey, useMe } from '../session';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `reconnecting` also covers the very first attempt (see `everConnected`). */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

interface SocketContextValue {
  socket: AppSocket | null;
  state: ConnectionState;
  /** Whether this socket was connected at least once (to tell "Connecting…" from "Reconnecting…"). */
  everConnected: boolean;
}

const idle: SocketContextValue = { socket: null, state: 'reconnecting', everConnected: false };
const SocketContext = createContext<SocketContextValue>(idle);

/**
 * One socket for the signed-in user, opened after sign-in and closed on
 * sign-out. It authenticates with the session cookie on the same origin.
 */
export function SocketProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const userId = me.data?.user.id;
  const queryClient = useQueryClient();
  const [value, setValue] = useState<SocketContextValue>(idle);

  useEffect(() => {
    if (!userId) return;
    const socket: AppSocket = io({ path: '/socket.io', withCredentials: true, reconnectionDelayMax: 10_000 });
    let everConnected = false;

    const update = () => {
      const state: ConnectionState =
        socket.connected && navigator.onLine
          ? 'connected'
          : !navigator.onLine || !socket.active
            ? 'offline'
            : 'reconnecting';
      setValue({ socket, state, everConnected });
    };
    const onConnect = () => {
      everConnected = true;
      update();
    };
    const onConnectError = (error: Error) => {
      // The handshake is refused when the session is gone: ask who we are (a 401 signs out).
      if (error.message === 'auth.unauthenticated') void queryClient.invalidateQueries({ queryKey: meKey });
      update();
    };
    const onOnline = () => {
      if (!socket.connected && !socket.active) socket.connect();
      update();
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', update);
    socket.on('connect_error', onConnectError);
    socket.io.on('reconnect_attempt', update);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', update);
    setValue({ socket, state: navigator.onLine ? 'reconnecting' : 'offline', everConnected });

    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', update);
      socket.io.off('reconnect_attempt', update);
      socket.removeAllListeners();
      socket.disconnect();
      setValue(idle);
    };
  }, [userId, queryClient]);

  return <SocketContext value={value}>{children}</SocketContext>;
}

/** The signed-in user's socket, or null before sign-in. */
export function useSocket(): AppSocket | null {
  return useContext(SocketContext).socket;
}

/** The live connection's state, for the header indicator. */
export function useConnectionState(): { state: ConnectionState; everConnected: boolean } {
  const { state, everConnected } = useContext(SocketContext);
  return { state, everConnected };
}
