import {
  type NoteOpened,
  type NotesClientToServerEvents,
  type NotesServerToClientEvents,
  noteAwarenessSchema,
  noteCloseSchema,
  noteSyncSchema,
  rooms,
} from '@actionday/shared';
import type { FastifyInstance } from 'fastify';
import * as encoding from 'lib0/encoding';
import type { Namespace, Socket } from 'socket.io';
import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  modifyAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Deps } from '../../deps.js';
import { SESSION_COOKIE } from '../../http/context.js';
import { AppError, fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { resolveSession, sha256 } from '../auth/index.js';
import { authorizeNoteEdit, authorizeNoteOpen } from './notes.access.js';
import { NoteDocs, type NoteDocsOptions, PEER, defaultNoteDocsOptions } from './notes.docs.js';
import { readSyncMessage, respond, stampPresence, updateMessage } from './notes.protocol.js';
import { linkNoteProcesses } from './notes.relay.socket.js';
import { OpenNote } from './notes.session.js';
import { safeError } from '../../http/safe-error.js';

interface NotesSocketData {
  userId: string;
  name: string;
}

type NotesNamespace = Namespace<
  NotesClientToServerEvents,
  NotesServerToClientEvents,
  Record<string, never>,
  NotesSocketData
>;
type NotesSocket = Socket<NotesClientToServerEvents, NotesServerToClientEvents, Record<string, never>, NotesSocketData>;

/** Socket.io rooms of this namespace: one per note. */
export const noteRoom = (docName: string) => `note:${docName}`;

/**
 * The `/notes` namespace: Yjs documents synchronised with y-protocols sync
 * and awareness messages. The handshake reads the session cookie; opening a
 * note checks `note.read`, and every change is applied only after a fresh
 * `note.edit` check. Returns the note cache (saved and closed in `preClose`).
 */
export type { NotesNamespace };

export function attachNotes(
  app: FastifyInstance,
  nsp: NotesNamespace,
  deps: Deps,
  options: Partial<NoteDocsOptions> = {},
): NoteDocs {
  // The namespace has its own event map; the server's generics describe the main one.
  const { db } = deps;
  const opened = new Map<string, Map<string, OpenNote>>();
  const openOf = (socketId: string) => opened.get(socketId) ?? new Map<string, OpenNote>();

  // Other processes hear of every change and presence; what they send is checked before it is applied.
  const relay = linkNoteProcesses(nsp as unknown as Namespace, app.log, (kind, docName, data) => {
    const note = docs.peek(docName);
    if (!note) return;
    if (kind === 'update') Y.applyUpdate(note.doc, data, PEER);
    else if (kind === 'awareness') applyAwarenessUpdate(note.awareness, data, PEER);
    else {
      relay('update', docName, Y.encodeStateAsUpdate(note.doc, data));
      const present = [...note.awareness.states.keys()];
      if (present.length > 0) relay('awareness', docName, encodeAwarenessUpdate(note.awareness, present));
    }
  });

  const docs = new NoteDocs(
    db,
    { ...defaultNoteDocsOptions, now: deps.now, log: app.log, ...options },
    {
      onUpdate(note, update, origin) {
        const docName = note.target.docName;
        if (origin instanceof OpenNote) docs.edited(note, origin.actor);
        // Each process sends to its own sockets; other processes hear it through the relay.
        const local = nsp.local.to(noteRoom(docName));
        (origin instanceof OpenNote ? local.except(origin.socketId) : local).emit('note:sync', {
          docName,
          message: updateMessage(update),
        });
        if (origin !== PEER) relay('update', docName, update);
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
        (origin instanceof OpenNote ? local.except(origin.socketId) : local).emit('note:awareness', {
          docName,
          update,
        });
        if (origin !== PEER) relay('awareness', docName, update);
      },
      onLoaded(note) {
        relay('sync', note.target.docName, Y.encodeStateVector(note.doc));
      },
    },
  );

  nsp.use((socket, next) => {
    const token = app.parseCookie(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return next(new Error('auth.unauthenticated'));
    resolveSession(db, token, deps.now(), deps.sessionAccess)
      .then((user) => {
        if (!user) return next(new Error('auth.unauthenticated'));
        socket.data.userId = user.id;
        socket.data.name = user.name;
        // the user's and the session's rooms: revocation and signing out reach these sockets too
        void socket.join([rooms.user(user.id), rooms.session(sha256(token))]);
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

  /** A revoked participant's socket (told by `rooms.evicted`): its notes of that operation close, the others stay. */
  function evict(socketId: string, operationId: string): void {
    const socket = nsp.sockets.get(socketId);
    if (!socket) return;
    void socket.leave(rooms.evicted(operationId));
    for (const entry of openOf(socketId).values()) {
      if (entry.target.operationId !== operationId) continue;
      closeNote(socket, entry);
      socket.emit('note:closed', { docName: entry.target.docName, code: 'operations.revoked' });
    }
  }
  const evictedPrefix = rooms.evicted('');
  // the adapter may be replaced after attaching (a cluster adapter in tests): listen on the one the sockets use
  const watched = new WeakSet<object>();
  function watchEvictions(adapter: NotesNamespace['adapter']): void {
    if (watched.has(adapter)) return;
    watched.add(adapter);
    adapter.on('join-room', (room: string, socketId: string) => {
      if (room.startsWith(evictedPrefix)) queueMicrotask(() => evict(socketId, room.slice(evictedPrefix.length)));
    });
  }

  nsp.on('connection', (socket: NotesSocket) => {
    watchEvictions(socket.nsp.adapter);
    opened.set(socket.id, new Map());
    const actor = { userId: socket.data.userId, ip: socket.handshake.address || null };
    const mine = () => openOf(socket.id);
    const entryFor = (docName: string) => mine().get(docName) ?? fail('notes.not_open');

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
          if (docs.isClosing) fail('notes.unavailable');
          const { target, membership, canEdit } = await authorizeNoteOpen(db, actor.userId, payload);
          entry = mine().get(target.docName);
          if (!entry) {
            const live = await docs.acquire(target, socket.id);
            if (!socket.connected) {
              docs.release(live, socket.id);
              fail('notes.unavailable');
            }
            const presence = { name: socket.data.name, country: membership.country };
            entry = new OpenNote(socket.id, actor, live, canEdit, presence, checkEdit, (work) => docs.track(work));
            mine().set(target.docName, entry);
            await socket.join(noteRoom(target.docName));
            await recordAudit(db, actor, {
              operationId: target.operationId,
              action: 'note.opened',
              targetType: 'note',
              targetId: target.docName,
              details: { kind: target.kind },
            });
          }
          return { docName: target.docName, kind: target.kind, canEdit };
        },
        app.log,
      ).then((ok) => {
        // After the answer: who is already here. The client starts the sync with its step 1.
        if (!ok || !entry) return;
        const present = [...entry.live.awareness.states.keys()];
        if (present.length > 0)
          socket.emit('note:awareness', {
            docName: entry.target.docName,
            update: encodeAwarenessUpdate(entry.live.awareness, present),
          });
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
          if (!entry.canEdit) fail('auth.forbidden');
          await entry.applyChecked(() => {
            try {
              Y.applyUpdate(entry.live.doc, body, entry);
            } catch {
              fail('request.invalid', { params: { problem: 'malformed Yjs update' } });
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
        const stamped = modifyAwarenessUpdate(parsed.data.update, (state: unknown) =>
          stampPresence(state, entry.presence),
        );
        applyAwarenessUpdate(entry.live.awareness, stamped, entry);
      } catch (error) {
        app.log.debug({ error: safeError(error) }, 'malformed awareness update ignored');
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
      for (const entry of mine().values()) closeNote(socket, entry);
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
