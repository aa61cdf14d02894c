import { z } from 'zod';
import { idSchema } from './common.js';
import type { ErrorCode } from './errors.js';
import type { Ack } from './socket.js';

/**
 * Collaborative notes: one per platform and one situation log per operation.
 * Each note is a Yjs document synchronised over its own socket.io namespace
 * with y-protocols messages (sync and awareness) carried as binary payloads.
 */
export const NOTES_NAMESPACE = '/notes';

/** The Y.XmlFragment of a note's document that the editor binds (TipTap's default field). */
export const NOTE_FIELD = 'default';

/** Which note: the operation's situation log (`platformId` null) or one platform's note. */
export const noteRefSchema = z.object({
  operationId: idSchema,
  platformId: idSchema.nullable().default(null),
});
export type NoteRef = z.input<typeof noteRefSchema>;
export type NoteKind = 'log' | 'platform';

/** The document's name, also its room: `log:<operationId>` or `platform:<platformId>`. */
export function noteDocName(ref: NoteRef): string {
  return ref.platformId ? `platform:${ref.platformId}` : `log:${ref.operationId}`;
}

export const noteDocNameSchema = z.string().regex(/^(log|platform):[0-9a-f-]{36}$/i, 'Not a note name');

/** Binary payloads: a Buffer on Node, an ArrayBuffer or Uint8Array in the browser. */
export type NoteBytes = Uint8Array | ArrayBuffer;
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected binary data');

/** A y-protocols sync message (step 1, step 2 or update) for one open note. */
export const noteSyncSchema = z.object({ docName: noteDocNameSchema, message: bytesSchema });
/** A y-protocols awareness update for one open note. */
export const noteAwarenessSchema = z.object({ docName: noteDocNameSchema, update: bytesSchema });
export const noteCloseSchema = z.object({ docName: noteDocNameSchema });

/**
 * What each client publishes in its awareness state under `user`. The server
 * overwrites `name` and `country` with the signed-in participant's, so nobody
 * can appear under another name.
 */
export const notePresenceSchema = z.object({
  name: z.string(),
  country: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type NotePresence = z.infer<typeof notePresenceSchema>;

/** The answer to opening a note. */
export interface NoteOpened {
  docName: string;
  kind: NoteKind;
  /** False when the role may read but not edit (the editor is then read-only). */
  canEdit: boolean;
}

/** Events the notes namespace emits. */
export interface NotesServerToClientEvents {
  'note:sync': (payload: { docName: string; message: NoteBytes }) => void;
  'note:awareness': (payload: { docName: string; update: NoteBytes }) => void;
  /** The server closed the note for this client (e.g. the participant lost access). */
  'note:closed': (payload: { docName: string; code: ErrorCode }) => void;
}

/** Events a client sends to the notes namespace. */
export interface NotesClientToServerEvents {
  'note:open': (payload: NoteRef, ack: Ack<NoteOpened>) => void;
  /** Answered once the change is stored in the database (`saved`), or at once for a state request. */
  'note:sync': (payload: { docName: string; message: Uint8Array }, ack: Ack<{ saved: boolean }>) => void;
  'note:awareness': (payload: { docName: string; update: Uint8Array }) => void;
  'note:close': (payload: { docName: string }, ack: Ack) => void;
}
