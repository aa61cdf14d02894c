import type { FastifyBaseLogger } from 'fastify';
import type { Adapter } from 'socket.io-adapter';
import { z } from 'zod';
import { dropPeerMessage } from '../events/peer-messages.js';

/** socket.io-adapter's cluster message types (its `MessageType` enum). */
const type = {
  initialHeartbeat: 1,
  heartbeat: 2,
  broadcast: 3,
  socketsJoin: 4,
  socketsLeave: 5,
  disconnectSockets: 6,
  fetchSockets: 7,
  fetchSocketsResponse: 8,
  serverSideEmit: 9,
  serverSideEmitResponse: 10,
  broadcastClientCount: 11,
  broadcastAck: 12,
  adapterClose: 13,
} as const;

const roomList = z.array(z.union([z.string().max(500), z.number()])).max(10_000);
const opts = z.object({
  rooms: roomList,
  except: roomList.optional(),
  flags: z.record(z.string(), z.unknown()).optional(),
});
const requestId = z.string().min(1).max(100);
/** A socket.io packet as the adapter carries it: an event (2) or a binary event (5) with its name first. */
const packet = z.object({
  type: z.union([z.literal(2), z.literal(5)]),
  data: z.tuple([z.string().min(1).max(200)]).rest(z.unknown()),
  nsp: z.string().max(200).optional(),
});

const base = { uid: z.string().min(1).max(100), nsp: z.string().max(200) };
const withData = <T extends z.ZodType>(t: number, data: T) => z.object({ ...base, type: z.literal(t), data });
const bare = (t: number) => z.object({ ...base, type: z.literal(t), data: z.unknown().optional() });

/** Every message one process may send another through a cluster adapter, in the shape it must have. */
const clusterMessage = z.discriminatedUnion('type', [
  bare(type.initialHeartbeat),
  bare(type.heartbeat),
  bare(type.adapterClose),
  withData(type.broadcast, z.object({ packet, opts, requestId: requestId.optional() })),
  withData(type.socketsJoin, z.object({ opts, rooms: roomList })),
  withData(type.socketsLeave, z.object({ opts, rooms: roomList })),
  withData(type.disconnectSockets, z.object({ opts, close: z.boolean().optional() })),
  withData(type.fetchSockets, z.object({ opts, requestId })),
  withData(
    type.fetchSocketsResponse,
    z.object({
      requestId,
      sockets: z
        .array(
          z.object({
            id: z.string(),
            handshake: z.record(z.string(), z.unknown()),
            rooms: roomList,
            data: z.unknown(),
          }),
        )
        .max(100_000),
    }),
  ),
  withData(type.serverSideEmit, z.object({ packet: z.array(z.unknown()).min(1), requestId: requestId.optional() })),
  withData(type.serverSideEmitResponse, z.object({ requestId, packet: z.unknown() })),
  withData(type.broadcastClientCount, z.object({ requestId, clientCount: z.number().int().min(0) })),
  withData(type.broadcastAck, z.object({ requestId, packet: z.unknown() })),
]);

/** Whether a message from another process has the shape socket.io's cluster adapter expects. */
export const isClusterMessage = (message: unknown): boolean => clusterMessage.safeParse(message).success;

type Handler = (message: unknown, offset?: string) => void;

/**
 * Guards a cluster adapter (the Redis Streams one) against what other processes — or anything else
 * writing on its Redis stream and channels — may send: a message of the wrong shape is dropped before
 * socket.io reads it, and one that still fails while handled is caught. Either is counted and logged
 * without its contents. Without this, a malformed stream entry throws inside the adapter's reading loop,
 * which then reads the same entry again, for ever, and no cross-process message passes any more.
 */
export function guardAdapter<A extends Adapter>(adapter: A, log: FastifyBaseLogger): A {
  const target = adapter as unknown as { onMessage?: Handler; onResponse?: Handler };
  for (const name of ['onMessage', 'onResponse'] as const) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = (message, offset) => {
      const checked = clusterMessage.safeParse(message);
      if (!checked.success) {
        // the paths that failed, never the values
        const where = [...new Set(checked.error.issues.map((issue) => issue.path.join('.') || '(message)'))];
        dropPeerMessage(log, 'adapter', `malformed cluster message (${where.slice(0, 5).join(', ')})`);
        return;
      }
      try {
        original.call(adapter, message, offset);
      } catch (error) {
        dropPeerMessage(log, 'adapter', 'cluster message failed', error);
      }
    };
  }
  return adapter;
}
