import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Namespace } from 'socket.io';
import { guardAdapter } from './adapter-guard.js';
import type { IoServer } from './io.js';

/**
 * With REDIS_URL set, several server processes share their sockets through socket.io's Redis Streams
 * adapter: an event emitted to a room in one process reaches the room's sockets in every process,
 * `fetchSockets` sees them all, and `serverSideEmit` links the processes (notes use it). Unlike the
 * pub/sub adapter it keeps connection-state recovery working (sessions are kept in Redis), and a process
 * that loses Redis for a moment resumes the stream without losing packets. No home-made cluster.
 * `prefix` names the stream and the channels, so several deployments (or test clusters) can share one
 * Redis. Every message read from Redis passes `guardAdapter` first. `onPeerGone` is called when another process
 * closed or stopped sending heartbeats.
 */
export async function attachRedisAdapter(
  app: FastifyInstance,
  io: IoServer,
  url: string,
  prefix = 'actionday',
  onPeerGone: () => void = () => {},
): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; say so once per outage, without the URL (it may carry a password)
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    app.log.warn({ error: error.name }, 'Redis unreachable: other processes will not hear this one until it is back');
  });
  client.on('ready', () => {
    if (down) app.log.info('Redis reachable again');
    down = false;
  });
  await client.connect();
  const adapter = createAdapter(client, { streamName: prefix, channelPrefix: prefix, maxLen: 100_000 });
  // socket.io calls it with `new`: a plain function returning the guarded adapter (an arrow cannot be)
  function guarded(nsp: Namespace) {
    const made = guardAdapter(adapter(nsp), app.log);
    // a process that closed or stopped sending heartbeats (10 s) is gone: what it held changes (presence)
    const withNodes = made as unknown as { removeNode?: (uid: string) => void };
    const removeNode = withNodes.removeNode;
    if (nsp.name === '/' && typeof removeNode === 'function')
      withNodes.removeNode = (uid: string) => {
        removeNode.call(made, uid);
        onPeerGone();
      };
    return made;
  }
  io.adapter(guarded as unknown as Parameters<IoServer['adapter']>[0]);
  app.addHook('onClose', async () => {
    await Promise.allSettled([client.quit()]);
  });
}
