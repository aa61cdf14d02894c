import { type Ack, type ErrorCode, notePresenceSchema } from '@actionday/shared';
import type { FastifyInstance } from 'fastify';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import { AppError, fail } from '../../http/errors.js';
import { safeError } from '../../http/safe-error.js';

/** A y-protocols update message carrying one Yjs update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  sync.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Runs an acknowledged handler and answers `{ ok, data }` or `{ ok: false, error }`; true when it succeeded. */
export async function respond<T>(
  ack: Ack<T> | undefined,
  work: () => Promise<T>,
  log: FastifyInstance['log'],
): Promise<boolean> {
  const reply: Ack<T> = typeof ack === 'function' ? ack : () => {};
  try {
    reply({ ok: true, data: await work() });
    return true;
  } catch (error) {
    if (error instanceof AppError) {
      reply({ ok: false, error: { code: error.code, message: error.message } });
      return false;
    }
    if (error instanceof Error && error.name === 'ZodError') {
      reply({ ok: false, error: { code: 'request.invalid', message: 'Malformed note message' } });
      return false;
    }
    log.error({ error: safeError(error) }, 'note handler failed');
    const code: ErrorCode = 'server.internal';
    reply({ ok: false, error: { code, message: 'Internal error' } });
    return false;
  }
}

/** The message type and its payload (a state vector or an update), or `request.invalid`. */
export function readSyncMessage(message: Uint8Array): { type: number; body: Uint8Array } {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type !== sync.messageYjsSyncStep1 && type !== sync.messageYjsSyncStep2 && type !== sync.messageYjsUpdate)
      throw new Error('unknown type');
    const body = decoding.readVarUint8Array(decoder);
    // read in full before anything is applied: a truncated or garbled one is refused whole
    if (type === sync.messageYjsSyncStep1) Y.decodeStateVector(body);
    else Y.decodeUpdate(body);
    return { type, body };
  } catch {
    fail('request.invalid', { params: { problem: 'malformed sync message' } });
  }
}

/** A presence state with the signed-in participant's name and country; the colour is the client's if valid. */
export function stampPresence(state: unknown, who: { name: string; country: string }): unknown {
  if (state === null || typeof state !== 'object') return state;
  const record = state as Record<string, unknown>;
  const claimed = notePresenceSchema.shape.color.safeParse((record.user as Record<string, unknown> | undefined)?.color);
  return {
    ...record,
    user: { name: who.name, country: who.country, color: claimed.success ? claimed.data : '#6b7280' },
  };
}
