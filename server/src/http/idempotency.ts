import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { errorMessage } from '@actionday/shared';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { idempotencyKeys } from './idempotency.table.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key claim of a write, until its first transaction writes it. */
    idempotency: Claim | null;
  }
}

/** The claim a request carries until its first transaction writes it. */
interface Claim {
  userId: string;
  key: string;
  fingerprint: string;
  written: boolean;
}

const claims = new AsyncLocalStorage<Claim>();
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether the running request carries an Idempotency-Key not yet written: its change must then run in a
 * transaction (`db.transaction`), where the key is claimed first. Writes that are one statement skip the
 * transaction otherwise.
 */
export function idempotencyKeyPending(): boolean {
  const claim = claims.getStore();
  return claim !== undefined && !claim.written;
}

/** Keys are kept this long (the draft asks for at least a day); older ones are removed. */
export const KEEP_KEYS_MS = 48 * 60 * 60 * 1000;

/** What a retry of a write that committed but whose answer was lost gets: it was done, once. */
class AlreadyApplied extends Error {}

const fingerprintOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.params)}\n`)
    .update(typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null))
    .digest('hex');

/**
 * Wraps the database so that the first transaction of a request with an Idempotency-Key also writes the
 * key's claim: the claim commits if and only if the change does. Nested transactions (savepoints) and
 * requests without a key are untouched.
 */
export function withIdempotentTransactions(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'transaction') return Reflect.get(target, property, receiver);
      const transaction = target.transaction.bind(target);
      return ((work: (tx: Db) => Promise<unknown>, config?: Parameters<Db['transaction']>[1]) =>
        transaction(async (tx) => {
          const claim = claims.getStore();
          if (claim && !claim.written) {
            claim.written = true;
            const [row] = await tx
              .insert(idempotencyKeys)
              .values({ userId: claim.userId, key: claim.key, fingerprint: claim.fingerprint })
              .onConflictDoNothing()
              .returning({ key: idempotencyKeys.key });
            // another request with this key committed meanwhile: this one must not do it again
            if (!row) throw new AlreadyApplied();
          }
          return work(tx as Db);
        }, config)) as Db['transaction'];
    },
  });
}

/**
 * `Idempotency-Key` on every write: the same key and request return the first answer (`Idempotent-Replayed:
 * true`), the same key with another request is 422, a key whose first request is still running is 409. Per
 * signed-in user; kept 48 hours.
 */
export function installIdempotency(app: FastifyInstance, db: Db): () => void {
  app.decorateRequest('idempotency', null);
  // the handler runs inside its request's claim, so the database wrapper finds it in any await below
  app.addHook('onRoute', (route) => {
    if (!writes.has(String(route.method)) && !(Array.isArray(route.method) && route.method.some((m) => writes.has(m))))
      return;
    const handler = route.handler;
    route.handler = function (this: unknown, request, reply) {
      const claim = request.idempotency;
      return claim
        ? claims.run(claim, () => handler.call(this as never, request, reply))
        : handler.call(this as never, request, reply);
    } as typeof handler;
  });
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!writes.has(request.method) || typeof key !== 'string' || !request.user) return;
    if (key.length === 0 || key.length > 255) {
      return reply.code(400).send({
        error: {
          code: 'request.invalid',
          message: errorMessage('request.invalid', { problem: 'Idempotency-Key must be 1 to 255 characters' }),
        },
      });
    }
    const fingerprint = fingerprintOf(request);
    const [seen] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, request.user.id), eq(idempotencyKeys.key, key)));
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return reply.code(422).send({
          error: { code: 'request.idempotency_mismatch', message: errorMessage('request.idempotency_mismatch') },
        });
      }
      if (seen.status === null) {
        return reply
          .code(409)
          .send({ error: { code: 'request.already_applied', message: errorMessage('request.already_applied') } });
      }
      reply.header('idempotent-replayed', 'true');
      if (seen.contentType) reply.header('content-type', seen.contentType);
      return reply.code(seen.status).send(seen.body ?? '');
    }
    // the claim is written by the request's first transaction (see withIdempotentTransactions)
    request.idempotency = { userId: request.user.id, key, fingerprint, written: false };
  });

  // the answer is kept for the retries; an answer of a request that changed nothing (no claim written) is not
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim?.written || !request.user || typeof payload !== 'string') return payload;
    if (reply.statusCode >= 500) return payload;
    await db
      .update(idempotencyKeys)
      .set({ status: reply.statusCode, contentType: String(reply.getHeader('content-type') ?? ''), body: payload })
      .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)));
    return payload;
  });

  const timer = setInterval(
    () => {
      db.delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, new Date(Date.now() - KEEP_KEYS_MS)))
        .catch(() => {});
    },
    60 * 60 * 1000,
  );
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs work outside its request's Idempotency-Key claim: the transactions in it do not write the claim, which
 * waits for a later one (a long import writes its chunks first and claims the key with the transaction that
 * completes it, so a retry after a crash half-way imports again instead of answering "already applied").
 */
export const outsideIdempotency = <T>(work: () => T): T => claims.exit(work);

/** Whether an error is a retry finding its key already committed (answered 409 `request.already_applied`). */
export const isAlreadyApplied = (error: unknown): boolean => error instanceof AlreadyApplied;
