import { type Ack, operationParamsSchema, rooms } from '@actionday/shared';
import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { Deps } from '../deps.js';
import { SESSION_COOKIE } from '../http/context.js';
import { errorBodyOf } from '../http/error-handler.js';
import { safeError } from '../http/safe-error.js';
import { resolveSession, sha256 } from '../modules/auth/index.js';
import { authorize, listParticipants } from '../modules/operations/index.js';
import type { IoServer } from './io.js';
import { PresenceTracker } from './presence.js';
import { z } from 'zod';

const viewingSchema = z.object({ operationId: z.uuid(), platformId: z.uuid().nullable() });

/**
 * Runs an acknowledged handler and answers `{ ok, data }` or `{ ok: false, error }` in the API's error
 * shape: a payload that fails its schema is `request.invalid`, never `server.internal`.
 */
export async function answer<T>(
  ack: Ack<T> | undefined,
  work: () => Promise<T>,
  log: FastifyInstance['log'],
): Promise<void> {
  if (typeof ack !== 'function') return;
  try {
    ack({ ok: true, data: await work() });
  } catch (error) {
    const { body, internal } = errorBodyOf(error);
    if (internal) log.error({ error: safeError(error) }, 'socket handler failed');
    ack({ ok: false, ...body });
  }
}

/** The operation of an eviction room (`rooms.evicted`), or null for any other room. */
export function evictedOperation(room: string): string | null {
  const prefix = rooms.evicted('');
  return room.startsWith(prefix) ? room.slice(prefix.length) : null;
}

/**
 * Attaches socket.io to the app's HTTP server. The handshake is authenticated
 * from the session cookie and refused without one; joining an operation's
 * room requires membership.
 */
export function attachSocketServer(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'now' | 'sessionAccess'>,
  publicUrl?: string,
): { io: IoServer; presence: PresenceTracker } {
  const { db } = deps;
  const allowedOrigin = publicUrl ? new URL(publicUrl).origin : null;
  const io: IoServer = new Server(app.server, {
    serveClient: false,
    // a recovered connection still passes the session check below (skipMiddlewares: false)
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // browsers send Origin on the handshake: only our own pages may open a socket with the cookie
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      const own = `http://${request.headers.host ?? ''}`;
      const ownTls = `https://${request.headers.host ?? ''}`;
      callback(null, !origin || origin === own || origin === ownTls || origin === allowedOrigin);
    },
  });

  io.use((socket, next) => {
    const token = app.parseCookie(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) {
      next(new Error('auth.unauthenticated'));
      return;
    }
    resolveSession(db, token, deps.now(), deps.sessionAccess)
      .then((user) => {
        if (!user) return next(new Error('auth.unauthenticated'));
        socket.data.userId = user.id;
        socket.data.sessionHash = sha256(token);
        // a recovered socket keeps its rooms and data: re-check each operation it had joined
        socket.data.operations ??= {};
        socket.data.viewing ??= {};
        socket.join([rooms.user(user.id), rooms.session(socket.data.sessionHash)]);
        recheckOperations(socket)
          .then(() => next())
          .catch((error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
      })
      .catch((error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  });

  /** Leaves the rooms of operations the user may no longer read (revoked while away). */
  async function recheckOperations(socket: Parameters<Parameters<IoServer['use']>[0]>[0]): Promise<void> {
    for (const operationId of Object.keys(socket.data.operations)) {
      const still = await authorize(db, socket.data.userId, operationId, 'operation.read').catch(() => null);
      if (still) continue;
      for (const room of socket.rooms) if (room.startsWith(rooms.operation(operationId))) await socket.leave(room);
      delete socket.data.operations[operationId];
    }
  }

  const presence = new PresenceTracker(io);

  /** A revoked participant's socket (told by `rooms.evicted`): it leaves the operation's rooms, and says why. */
  function evict(socketId: string, operationId: string): void {
    const socket = io.of('/').sockets.get(socketId);
    if (!socket) return;
    const member = socket.data.operations[operationId];
    for (const room of socket.rooms) if (room.startsWith(rooms.operation(operationId))) void socket.leave(room);
    void socket.leave(rooms.evicted(operationId));
    delete socket.data.operations[operationId];
    delete socket.data.viewing[operationId];
    if (!member) return;
    socket.emit('participant:revoked', { operationId, participantId: member.memberId });
    presence.changed(operationId);
  }
  // the adapter may be replaced after this (the Redis one): listen on the one the sockets use
  const watched = new WeakSet<object>();
  function watchEvictions(adapter: IoServer['sockets']['adapter']): void {
    if (watched.has(adapter)) return;
    watched.add(adapter);
    adapter.on('join-room', (room: string, socketId: string) => {
      const operationId = evictedOperation(room);
      if (operationId) queueMicrotask(() => evict(socketId, operationId));
    });
  }

  io.on('connection', (socket) => {
    watchEvictions(socket.nsp.adapter);
    socket.on('presence:viewing', (payload) => {
      const parsed = viewingSchema.safeParse(payload);
      if (!parsed.success || !socket.data.operations[parsed.data.operationId]) return;
      socket.data.viewing[parsed.data.operationId] = parsed.data.platformId;
      presence.changed(parsed.data.operationId);
    });
    socket.on('disconnect', () => {
      for (const operationId of Object.keys(socket.data.operations ?? {})) presence.changed(operationId);
    });
    socket.on('operation:join', (payload, ack) =>
      answer(
        ack,
        async () => {
          const { operationId } = operationParamsSchema.parse(payload);
          const { membership } = await authorize(db, socket.data.userId, operationId, 'operation.read');
          await socket.join([
            rooms.operation(operationId),
            rooms.operationRole(operationId, membership.role),
            rooms.operationCountryRole(operationId, membership.country, membership.role),
            rooms.operationMember(operationId, membership.id),
          ]);
          socket.data.operations[operationId] = {
            memberId: membership.id,
            role: membership.role,
            country: membership.country,
          };
          presence.changed(operationId);
          presence.greet(socket, operationId, membership.role);
          const participants = await listParticipants(db, operationId);
          // observers see aggregates only: not who the participants are
          return {
            participants:
              membership.role === 'observer' ? participants.filter((p) => p.id === membership.id) : participants,
          };
        },
        app.log,
      ),
    );
    socket.on('operation:leave', (payload, ack) =>
      answer(
        ack,
        async () => {
          const { operationId } = operationParamsSchema.parse(payload);
          for (const room of socket.rooms) if (room.startsWith(rooms.operation(operationId))) await socket.leave(room);
          delete socket.data.operations[operationId];
          presence.changed(operationId);
          return undefined;
        },
        app.log,
      ),
    );
  });

  app.addHook('preClose', async () => {
    presence.stop();
    await io.close();
  });
  return { io, presence };
}
