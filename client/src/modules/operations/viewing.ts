import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSocket } from '../../app/socket/SocketProvider';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { useOperationRoom } from './OperationRoom';
import { type OperationDetail, operationKey } from './operations.api';

/**
 * Tells the others which platform this user is looking at (null: none), for
 * "who is on which platform". For the board: call it with the opened
 * platform's id. The server ignores it until the room is joined, so it is
 * sent after every join, and again whenever a presence update shows this
 * user elsewhere.
 */
export function useReportViewing(operationId: string, platformId: string | null): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const joins = useOperationRoom()?.joins ?? 0;
  // a few repeats per join: two tabs of one person showing different platforms must not ping-pong
  const repeats = useRef(0);
  useEffect(() => {
    if (!socket || joins === 0) return;
    repeats.current = 0;
    socket.emit('presence:viewing', { operationId, platformId });
    return () => {
      if (platformId !== null && socket.connected) socket.emit('presence:viewing', { operationId, platformId: null });
    };
  }, [socket, operationId, platformId, joins]);
  useSocketEvents({
    'presence:updated': (presence) => {
      if (!socket || presence.operationId !== operationId || repeats.current >= 3) return;
      const meId = queryClient.getQueryData<OperationDetail>(operationKey(operationId))?.me.id;
      const mine = presence.online.find((entry) => entry.participantId === meId);
      if (mine && mine.platformId !== platformId) {
        repeats.current += 1;
        socket.emit('presence:viewing', { operationId, platformId });
      }
    },
  });
}
