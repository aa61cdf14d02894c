import { noteDocNameSchema } from '@actionday/shared';
import type { FastifyBaseLogger } from 'fastify';
import * as decoding from 'lib0/decoding';
import type { Namespace } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import * as Y from 'yjs';
import { z } from 'zod';
import { dropPeerMessage } from '../../events/peer-messages.js';

/** The one server-side event of the notes namespace between processes. */
export const PEER_EVENT = 'note:peer';

/**
 * What one process tells the others about one note:
 * - `update`: a Yjs update it applied (from its sockets or its database);
 * - `awareness`: a y-protocols awareness update (presence);
 * - `sync`: its state vector after loading the note; peers holding the note answer with an `update` of
 *   what it lacks, and their presence.
 *
 * Binary travels as base64 text inside a versioned object, never as a raw `Uint8Array`: how an adapter
 * frames binary differs (the pub/sub Redis adapter JSON-encodes `serverSideEmit`, turning a `Uint8Array`
 * into `{"0":…}`, which read back as an empty array and crashed lib0 with "Unexpected end of array"; the
 * Streams adapter uses msgpack). Text survives every framing.
 */
export const peerNoteMessageSchema = z
  .object({
    v: z.literal(1),
    kind: z.enum(['update', 'awareness', 'sync']),
    docName: noteDocNameSchema,
    data: z
      .string()
      .max(64 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export type PeerNoteMessage = z.infer<typeof peerNoteMessageSchema>;
export type PeerKind = PeerNoteMessage['kind'];

/** A peer message for `bytes`. */
export function peerMessage(kind: PeerKind, docName: string, bytes: Uint8Array): PeerNoteMessage {
  return {
    v: 1,
    kind,
    docName,
    data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** Reads an awareness update to its end without applying it: throws when it is not one. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
}

/**
 * A peer message checked from its envelope to its bytes: the schema, then the binary decoded in full
 * (a Yjs update, a state vector or an awareness update) before anything touches a live document.
 * Throws when any part is wrong.
 */
export function readPeerMessage(raw: unknown): { kind: PeerKind; docName: string; bytes: Uint8Array } {
  const message = peerNoteMessageSchema.parse(raw);
  const bytes = new Uint8Array(Buffer.from(message.data, 'base64'));
  if (message.kind === 'update') Y.decodeUpdate(bytes);
  else if (message.kind === 'sync') Y.decodeStateVector(bytes);
  else checkAwarenessUpdate(bytes);
  return { kind: message.kind, docName: message.docName, bytes };
}

/** Whether the adapter carries server-side events to other processes (the in-memory one only warns). */
const crossProcess = (nsp: Namespace) => nsp.adapter.serverSideEmit !== Adapter.prototype.serverSideEmit;

/**
 * Links the notes of this process with the other processes': `send` tells them, `handle` is called with
 * every checked message from them. A malformed message, or one that fails to apply, is logged without its
 * contents, counted and dropped; it never reaches a document half-read and never ends the process.
 */
export function linkNoteProcesses(
  nsp: Namespace,
  log: FastifyBaseLogger,
  handle: (kind: PeerKind, docName: string, bytes: Uint8Array) => void,
): (kind: PeerKind, docName: string, bytes: Uint8Array) => void {
  nsp.on(PEER_EVENT, (...args: unknown[]) => {
    let message: ReturnType<typeof readPeerMessage>;
    try {
      message = readPeerMessage(args[0]);
    } catch (error) {
      dropPeerMessage(log, 'notes', 'malformed note message', error);
      return;
    }
    try {
      handle(message.kind, message.docName, message.bytes);
    } catch (error) {
      dropPeerMessage(log, 'notes', `note ${message.kind} failed to apply`, error);
    }
  });
  return (kind, docName, bytes) => {
    if (!crossProcess(nsp)) return;
    try {
      nsp.serverSideEmit(PEER_EVENT, peerMessage(kind, docName, bytes));
    } catch (error) {
      log.warn({ error: String(error instanceof Error ? error.name : error) }, 'note relay to other processes failed');
    }
  };
}
