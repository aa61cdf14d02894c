import type { FastifyRequest } from 'fastify';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@actionday/shared';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { EventBus } from './events/bus.js';
import type { FirstRunSetup } from './modules/auth/setup.js';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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

/** What every module gets from buildApp. */
export interface Deps {
  db: Db;
  bus: EventBus;
  config: Pick<Config, 'publicUrl' | 'dataDir'>;
  setup: FirstRunSetup;
  /** Counts a sign-in attempt against the per-address and per-account limits (429 past them). */
  checkSignIn: (request: FastifyRequest, email: string) => Promise<void>;
  /** The current time; tests pass a fake clock. */
  now: () => Date;
}
