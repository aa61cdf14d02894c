import {
  type Ack,
  type ErrorCode,
  NOTES_NAMESPACE,
  type NoteOpened,
  type NotesClientToServerEvents,
  type NotesServerToClientEvents,
  noteAwarenessSchema,
  noteCloseSchema,
  notePresenceSchema,
  noteSyncSchema,
} from '@actionday/shared';
import type { FastifyInstance } from 'fastify';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Namespace, Socket } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { applyAwarenessUpdate, encodeAwarenessUpdate, modifyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Deps, IoServer } from '../../deps.js';
import { AppError, fail } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { SESSION_COOKIE, resolveSession } from '../auth/sessions.js';
import { type NoteTarget, authorizeNoteEdit, authorizeNoteOpen } from './notes.access.js';
import { type EditOrigin, type LiveNote, NoteDocs, type NoteDocsOptions, PEER, defaultNoteDocsOptions } from './notes.docs.js';

/** Between server processes, through the socket.io adapter (see `relay`). */
interface NotesInterServerEvents {
  'note:peer-update': (docName: string, update: Uint8Array) => void;
  'note:peer-awareness': (docName: string, update: Uint8Array) => void;
  /** A process loaded a note: peers holding it answer with what it lacks. */
  'note:peer-sync': (docName: string, stateVector: Uint8Array) => void;
}

interface NotesSocketData {
  userId: string;
  name: string;
}

type NotesNamespace = Namespace<NotesClientToServerEvents, NotesServerToClientEvents, NotesInterServerEvents, NotesSocketData>;
type NotesSocket = Socket<NotesClientToServerEvents, NotesServerToClientEvents, NotesInterServerEvents, NotesSocketData>;

/** Socket.io rooms of this namespace: one per note. */
export const noteRoom = (docName: string) => `note:${docName}`;

/** One note opened by one socket; also the origin of that socket's changes. */
class OpenNote implements EditOrigin {
  /** Awareness client ids this socket speaks for. */
  readonly clientIds = new Set<number>();
  private queue: (() => void)[] = [];
  private failQueue: ((error: unknown) => void)[] = [];
  private draining = false;

  constructor(
    readonly socketId: string,
    readonly actor: { userId: string; ip: string | null },
    readonly live: LiveNote,
    readonly canEdit: boolean,
    readonly presence: { name: string; country: string },
    private readonly check: (self: OpenNote) => Promise<void>,
    private readonly track: <T>(work: Promise<T>) => Promise<T>,
  ) {}

  get target(): NoteTarget {
    return this.live.target;
  }

  /**
   * Applies a change once a permission check that began after it arrived has
   * passed. Changes that arrive while a check runs wait for the next one, so
   * a burst of keystrokes costs one query, not one each, and order is kept.
   */
  applyChecked(change: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push(() => {
        change();
        resolve();
      });
      this.failQueue.push(reject);
      if (!this.draining) void this.track(this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const failures = this.failQueue.splice(0);
        try {
          await this.check(this);
        } catch (error) {
          for (const reject of failures) reject(error);
          continue;
        }
        batch.forEach((apply, i) => {
          try {
            apply();
          } catch (error) {
            failures[i]?.(error);
          }
        });
      }
    } finally {
      this.draining = false;
    }
  }
}

/** Binary payloads arrive as Buffer (Node) and may come back from an adapter as other views. */
const bytes = (value: Uint8Array | ArrayBuffer): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array(value));

/** Whether the adapter carries server-side events to other processes (the in-memory one only warns). */
const crossProcess = (nsp: NotesNamespace) => nsp.adapter.serverSideEmit !== Adapter.prototype.serverSideEmit;

async function respond<T>(ack: Ack<T> | undefined, work: () => Promise<T>, log: FastifyInstance['log']): Promise<boolean> {
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
    log.error({ err: error }, 'note handler failed');
    const code: ErrorCode = 'server.internal';
    reply({ ok: false, error: { code, message: 'Internal error' } });
    return false;
  }
}

/**
 * The `/notes` namespace: Yjs documents synchronised with y-protocols sync
 * and awareness messages. The handshake reads the session cookie; opening a
 * note checks `note.read`, and every change is applied only after a fresh
 * `note.edit` check. Returns the note cache (saved and closed in `preClose`).
 */
export function attachNotes(app: FastifyInstance, io: IoServer, deps: Deps, options: Partial<NoteDocsOptions> = {}): NoteDocs {
  // The namespace has its own event map; the server's generics describe the main one.
  const nsp = (io as unknown as { of(name: string): NotesNamespace }).of(NOTES_NAMESPACE);
  const { db } = deps;
  const opened = new Map<string, Map<string, OpenNote>>();
  const openOf = (socketId: string) => opened.get(socketId) ?? new Map<string, OpenNote>();

  const relay = <E extends keyof NotesInterServerEvents>(event: E, ...args: Parameters<NotesInterServerEvents[E]>) => {
    if (crossProcess(nsp)) (nsp.serverSideEmit as (event: string, ...rest: unknown[]) => boolean)(event, ...args);
  };
  const updateMessage = (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    sync.writeUpdate(encoder, update);
    return encoding.toUint8Array(encoder);
  };

  const docs = new NoteDocs(
    db,
    { ...defaultNoteDocsOptions, now: deps.now, log: app.log, ...options },
    {
      onUpdate(note, update, origin) {
        const docName = note.target.docName;
        const message = { docName, message: updateMessage(update) };
        if (origin instanceof OpenNote) {
          docs.edited(note, origin.actor);
          nsp.local.to(noteRoom(docName)).except(origin.socketId).emit('note:sync', message);
          relay('note:peer-update', docName, update);
        } else if (origin === PEER) {
          nsp.local.to(noteRoom(docName)).emit('note:sync', message);
        } else {
          nsp.local.to(noteRoom(docName)).emit('note:sync', message);
          relay('note:peer-update', docName, update);
        }
      },
      onAwareness(note, changed, origin) {
        const docName = note.target.docName;
        if (origin instanceof OpenNote) {
          for (const id of changed) {
            if (note.awareness.states.has(id)) origin.clientIds.add(id);
            else origin.clientIds.delete(id);
          }
        }
        const update = encodeAwarenessUpdate(note.awareness, changed);
        const local = nsp.local.to(noteRoom(docName));
        (origin instanceof OpenNote ? local.except(origin.socketId) : local).emit('note:awareness', { docName, update });
        if (origin !== PEER) relay('note:peer-awareness', docName, update);
      },
      onLoaded(note) {
        relay('note:peer-sync', note.target.docName, Y.encodeStateVector(note.doc));
      },
    },
  );

  nsp.on('note:peer-update', (docName, update) => {
    const note = docs.peek(docName);
    if (note) Y.applyUpdate(note.doc, bytes(update), PEER);
  });
  nsp.on('note:peer-awareness', (docName, update) => {
    const note = docs.peek(docName);
    if (note) applyAwarenessUpdate(note.awareness, bytes(update), PEER);
  });
  nsp.on('note:peer-sync', (docName, stateVector) => {
    const note = docs.peek(docName);
    if (!note) return;
    relay('note:peer-update', docName, Y.encodeStateAsUpdate(note.doc, bytes(stateVector)));
    const present = [...note.awareness.states.keys()];
    if (present.length > 0) relay('note:peer-awareness', docName, encodeAwarenessUpdate(note.awareness, present));
  });

  nsp.use((socket, next) => {
    const token = app.parseCookie(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return next(new Error('auth.unauthenticated'));
    resolveSession(db, token)
      .then((user) => {
        if (!user) return next(new Error('auth.unauthenticated'));
        socket.data.userId = user.id;
        socket.data.name = user.name;
        next();
      })
      .catch((error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  });

  /** Ends one socket's hold on a note: its presence goes, it leaves the room. */
  function closeNote(socket: NotesSocket, entry: OpenNote): void {
    openOf(socket.id).delete(entry.target.docName);
    if (entry.clientIds.size > 0) removeAwarenessStates(entry.live.awareness, [...entry.clientIds], 'closed');
    void socket.leave(noteRoom(entry.target.docName));
    docs.release(entry.live, socket.id);
  }

  nsp.on('connection', (socket: NotesSocket) => {
    opened.set(socket.id, new Map());
    const actor = { userId: socket.data.userId, ip: socket.handshake.address || null };
    const mine = () => openOf(socket.id);
    const entryFor = (docName: string) => mine().get(docName) ?? fail('notes.not_open', 'Open the note first');

    /** Access lost while the note was open: close it for this socket and say why. */
    const checkEdit = async (entry: OpenNote) => {
      try {
        await authorizeNoteEdit(db, actor.userId, entry.target);
      } catch (error) {
        if (error instanceof AppError && mine().get(entry.target.docName) === entry) {
          closeNote(socket, entry);
          socket.emit('note:closed', { docName: entry.target.docName, code: error.code });
        }
        throw error;
      }
    };

    socket.on('note:open', (payload, ack) => {
      let entry: OpenNote | undefined;
      void respond<NoteOpened>(
        ack,
        async () => {
          if (docs.isClosing) fail('notes.unavailable', 'The server is restarting');
          const { target, membership, canEdit } = await authorizeNoteOpen(db, actor.userId, payload);
          entry = mine().get(target.docName);
          if (!entry) {
            const live = await docs.acquire(target, socket.id);
            if (!socket.connected) {
              docs.release(live, socket.id);
              fail('notes.unavailable', 'Disconnected');
            }
            const presence = { name: socket.data.name, country: membership.country };
            entry = new OpenNote(socket.id, actor, live, canEdit, presence, checkEdit, (work) => docs.track(work));
            mine().set(target.docName, entry);
            await socket.join(noteRoom(target.docName));
            await recordAudit(db, actor, { operationId: target.operationId, action: 'note.opened', targetType: 'note', targetId: target.docName, details: { kind: target.kind } });
          }
          return { docName: target.docName, kind: target.kind, canEdit };
        },
        app.log,
      ).then((ok) => {
        // After the answer: who is already here. The client starts the sync with its step 1.
        if (!ok || !entry) return;
        const present = [...entry.live.awareness.states.keys()];
        if (present.length > 0) socket.emit('note:awareness', { docName: entry.target.docName, update: encodeAwarenessUpdate(entry.live.awareness, present) });
      });
    });

    socket.on('note:sync', (payload, ack) =>
      respond(
        ack,
        async () => {
          const { docName, message } = noteSyncSchema.parse(payload);
          const entry = entryFor(docName);
          const { type, body } = readSyncMessage(message);
          if (type === sync.messageYjsSyncStep1) {
            // Step 2 (what the client lacks), then our step 1 so the client sends what we lack.
            const reply = encoding.createEncoder();
            sync.writeSyncStep2(reply, entry.live.doc, body);
            socket.emit('note:sync', { docName, message: encoding.toUint8Array(reply) });
            const ask = encoding.createEncoder();
            sync.writeSyncStep1(ask, entry.live.doc);
            socket.emit('note:sync', { docName, message: encoding.toUint8Array(ask) });
            return { saved: false };
          }
          if (!entry.canEdit) fail('auth.forbidden', 'Your role may not edit notes');
          await entry.applyChecked(() => {
            try {
              Y.applyUpdate(entry.live.doc, body, entry);
            } catch {
              fail('request.invalid', 'Malformed Yjs update');
            }
          });
          await docs.whenSaved(entry.live);
          return { saved: true };
        },
        app.log,
      ),
    );

    socket.on('note:awareness', (payload) => {
      const parsed = noteAwarenessSchema.safeParse(payload);
      if (!parsed.success) return;
      const entry = mine().get(parsed.data.docName);
      if (!entry) return;
      try {
        // Presence shows who the server knows, whatever name the client sent.
        const stamped = modifyAwarenessUpdate(parsed.data.update, (state: unknown) => stampPresence(state, entry.presence));
        applyAwarenessUpdate(entry.live.awareness, stamped, entry);
      } catch (error) {
        app.log.debug({ err: error }, 'malformed awareness update ignored');
      }
    });

    socket.on('note:close', (payload, ack) =>
      respond(
        ack,
        async () => {
          const { docName } = noteCloseSchema.parse(payload);
          const entry = mine().get(docName);
          if (entry) closeNote(socket, entry);
          return undefined;
        },
        app.log,
      ),
    );

    socket.on('disconnect', () => {
      for (const entry of [...mine().values()]) closeNote(socket, entry);
      opened.delete(socket.id);
    });
  });

  app.addHook('preClose', async () => {
    // Sockets first (no new changes), then every unsaved note, before HTTP and the database close.
    for (const socket of nsp.sockets.values()) socket.disconnect(true);
    await docs.close();
  });
  return docs;
}

/** The message type and its payload (a state vector or an update), or `request.invalid`. */
function readSyncMessage(message: Uint8Array): { type: number; body: Uint8Array } {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type !== sync.messageYjsSyncStep1 && type !== sync.messageYjsSyncStep2 && type !== sync.messageYjsUpdate) throw new Error('unknown type');
    return { type, body: decoding.readVarUint8Array(decoder) };
  } catch {
    fail('request.invalid', 'Malformed sync message');
  }
}

/** A presence state with the signed-in participant's name and country; the colour is the client's if valid. */
function stampPresence(state: unknown, who: { name: string; country: string }): unknown {
  if (state === null || typeof state !== 'object') return state;
  const record = state as Record<string, unknown>;
  const claimed = notePresenceSchema.shape.color.safeParse((record.user as Record<string, unknown> | undefined)?.color);
  return { ...record, user: { name: who.name, country: who.country, color: claimed.success ? claimed.data : '#6b7280' } };
}
