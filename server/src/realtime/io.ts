import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@actionday/shared';

/** What a socket knows about its user after the handshake. */
export interface SocketData {
  userId: string;
  /** The SHA-256 of the session token: signing out ends exactly that session's sockets. */
  sessionHash: string;
  /** The operations this socket joined, with the member's id, role and country there. */
  operations: Record<string, { memberId: string; role: string; country: string }>;
  /** The platform the client is looking at, per operation. */
  viewing: Record<string, string | null>;
}

/** The socket.io server with the app's typed event maps. Only realtime/ holds it. */
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
