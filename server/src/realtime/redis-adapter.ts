import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { IoServer } from './io.js';

/**
 * With REDIS_URL set, several server processes share their sockets through
 * socket.io's Redis adapter: an event emitted to a room in one process
 * reaches the room's sockets in every process, `fetchSockets` sees them all,
 * and `serverSideEmit` links the processes (notes use it). No home-made cluster.
 * ioredis rather than node-redis: it restores pub/sub subscriptions after a reconnect.
 */
export async function attachRedisAdapter(app: FastifyInstance, io: IoServer, url: string): Promise<void> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  app.addHook('onClose', async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  });
}
