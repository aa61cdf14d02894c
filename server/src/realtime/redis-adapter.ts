import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { IoServer } from './io.js';

/**
 * With REDIS_URL set, several server processes share their sockets through socket.io's Redis Streams
 * adapter: an event emitted to a room in one process reaches the room's sockets in every process,
 * `fetchSockets` sees them all, and `serverSideEmit` links the processes (notes use it). Unlike the
 * pub/sub adapter it keeps connection-state recovery working (sessions are kept in Redis), and a process
 * that loses Redis for a moment resumes the stream without losing packets. No home-made cluster.
 */
export async function attachRedisAdapter(app: FastifyInstance, io: IoServer, url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await client.connect();
  io.adapter(createAdapter(client, { streamName: 'actionday', maxLen: 100_000 }));
  app.addHook('onClose', async () => {
    await Promise.allSettled([client.quit()]);
  });
}
