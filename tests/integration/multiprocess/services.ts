/** The shared services the multi-process tests need (a PostgreSQL server and Redis), and whether they answer. */
import { Redis } from 'ioredis';
import postgres from 'postgres';

/**
 * The PostgreSQL server the processes share: TEST_DATABASE_URL, as in the suite's PostgreSQL run (CI runs these
 * tests there, once; the embedded run has no server to share).
 */
export const databaseServer = process.env.TEST_DATABASE_URL ?? '';
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function postgresReachable(): Promise<boolean> {
  if (!databaseServer) return false;
  const probe = postgres(databaseServer, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 }).catch(() => {});
  }
}

/** Whether PostgreSQL and Redis answer; when not, says so once on stderr (the tests then skip). */
export async function servicesReady(what: string): Promise<boolean> {
  const [pg, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  if (!pg || !redis)
    process.stderr.write(
      `\n  ${what} SKIPPED: it needs PostgreSQL at TEST_DATABASE_URL (${databaseServer ? (pg ? 'reachable' : 'unreachable') : 'not set'}) and Redis at TEST_REDIS_URL (${redis ? 'reachable' : 'unreachable'}). CI provides both.\n\n`,
    );
  return pg && redis;
}
