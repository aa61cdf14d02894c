import {
  type ErrorCode,
  type NoteBytes,
  type NoteKind,
  type NoteRef,
  type NotesClientToServerEvents,
  type NotesServerToClientEvents,
  noteDocName,
} from '@actionday/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';

export type NotesSocket = Socket<NotesServerToClientEvents, NotesClientToServerEvents>;

/**
 * - `connecting`: opening the note or catching up;
 * - `synced`: in step with the server;
 * - `offline`: no connection; edits stay here and merge on reconnect;
 * - `refused`: the server will not serve this note to us (see `error`).
 */
export type NoteSyncStatus = 'connecting' | 'synced' | 'offline' | 'refused';

export interface NoteSyncState {
  status: NoteSyncStatus;
  /** Edits not yet confirmed as stored by the server (including any made offline). */
  unsaved: boolean;
  canEdit: boolean;
  kind: NoteKind | null;
  error: ErrorCode | null;
}

const bytes = (value: NoteBytes): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array(value));

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * Keeps one Yjs document in step with the server over the `/notes`
 * namespace with y-protocols sync and awareness messages — the socket.io
 * counterpart of y-websocket's provider. Edits made while disconnected stay
 * in the document; on reconnect the note is opened again and the sync
 * handshake (step 1 / step 2 both ways) sends each side what the other lacks.
 * Free of DOM and React, so tests drive it in Node as the browser does.
 */
export class NoteSync {
  readonly docName: string;
  readonly awareness: Awareness;
  private state: NoteSyncState = { status: 'connecting', unsaved: false, canEdit: false, kind: null, error: null };
  private opened = false;
  /** Bumped on every (re)connection, so acks of an old connection are ignored. */
  private generation = 0;
  private pendingAcks = 0;
  /** Local edits the server has not acknowledged as stored (made offline, or unanswered when the link dropped). */
  private unconfirmed = false;
  private readonly listeners = new Set<(state: NoteSyncState) => void>();
  private destroyed = false;
  private readonly ownsAwareness: boolean;

  constructor(
    private readonly socket: NotesSocket,
    private readonly ref: NoteRef,
    readonly doc: Y.Doc,
    awareness?: Awareness,
  ) {
    this.docName = noteDocName(ref);
    this.awareness = awareness ?? new Awareness(doc);
    this.ownsAwareness = !awareness;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('note:sync', this.onSync);
    socket.on('note:awareness', this.onAwareness);
    socket.on('note:closed', this.onClosed);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onLocalAwareness);
    if (socket.connected) this.open();
    else this.set({ status: socket.active ? 'connecting' : 'offline' });
  }

  get current(): NoteSyncState {
    return this.state;
  }

  /** Calls `listener` on every change of the sync state; returns the unsubscribe. */
  subscribe(listener: (state: NoteSyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the note: our presence goes at once, the document stays with the caller. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.opened && this.socket.connected) {
      removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
      this.socket.emit('note:awareness', {
        docName: this.docName,
        update: encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      });
      this.socket.emit('note:close', { docName: this.docName }, () => {});
    }
    this.opened = false;
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('note:sync', this.onSync);
    this.socket.off('note:awareness', this.onAwareness);
    this.socket.off('note:closed', this.onClosed);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onLocalAwareness);
    this.listeners.clear();
    if (this.ownsAwareness) this.awareness.destroy();
  }

  private set(patch: Partial<NoteSyncState>): void {
    const unsaved = this.unconfirmed || this.pendingAcks > 0;
    this.state = { ...this.state, unsaved, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private open(): void {
    const generation = ++this.generation;
    this.set({ status: 'connecting', error: null });
    this.socket.emit('note:open', this.ref, (answer) => {
      if (this.destroyed || generation !== this.generation) return;
      if (!answer.ok) {
        this.set({ status: 'refused', error: answer.error.code });
        return;
      }
      this.opened = true;
      this.set({ canEdit: answer.data.canEdit, kind: answer.data.kind });
      // Our step 1: the server answers with what we lack, then asks for what it lacks.
      this.send(
        message((encoder) => sync.writeSyncStep1(encoder, this.doc)),
        false,
      );
      if (this.awareness.getLocalState() !== null) {
        this.socket.emit('note:awareness', {
          docName: this.docName,
          update: encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
        });
      }
    });
  }

  /** Sends a sync message; a change is counted as unsaved until the server says it is stored. */
  private send(payload: Uint8Array, isChange: boolean): void {
    const generation = this.generation;
    if (isChange) this.pendingAcks += 1;
    this.socket.emit('note:sync', { docName: this.docName, message: payload }, (answer) => {
      if (!isChange || generation !== this.generation) return;
      this.pendingAcks -= 1;
      if (!answer.ok) {
        this.set({ error: answer.error.code });
        return;
      }
      if (this.pendingAcks === 0) this.unconfirmed = false;
      this.set({});
    });
    if (isChange) this.set({});
  }

  private readonly onConnect = () => {
    if (!this.destroyed) this.open();
  };

  private readonly onDisconnect = () => {
    this.opened = false;
    this.generation += 1;
    if (this.pendingAcks > 0) this.unconfirmed = true;
    this.pendingAcks = 0;
    // Others' presence is unknown while we are away; it comes back with the next open.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this);
    if (this.state.status !== 'refused') this.set({ status: 'offline' });
  };

  private readonly onSync = (payload: { docName: string; message: NoteBytes }) => {
    if (payload.docName !== this.docName) return;
    const decoder = decoding.createDecoder(bytes(payload.message));
    const type = decoding.readVarUint(decoder);
    const body = decoding.readVarUint8Array(decoder);
    if (type === sync.messageYjsSyncStep1) {
      // The server's step 1: answer with everything it lacks, offline edits included.
      this.send(
        message((encoder) => sync.writeSyncStep2(encoder, this.doc, body)),
        true,
      );
      return;
    }
    Y.applyUpdate(this.doc, body, this);
    if (type === sync.messageYjsSyncStep2 && this.opened) this.set({ status: 'synced' });
  };

  private readonly onAwareness = (payload: { docName: string; update: NoteBytes }) => {
    if (payload.docName === this.docName) applyAwarenessUpdate(this.awareness, bytes(payload.update), this);
  };

  private readonly onClosed = (payload: { docName: string; code: ErrorCode }) => {
    if (payload.docName !== this.docName) return;
    this.opened = false;
    this.set({ status: 'refused', error: payload.code });
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    if (!this.opened || !this.socket.connected) {
      // Kept in the document; the next open's handshake carries it.
      this.unconfirmed = true;
      this.set({});
      return;
    }
    this.send(
      message((encoder) => sync.writeUpdate(encoder, update)),
      true,
    );
  };

  private readonly onLocalAwareness = (
    { added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
    origin: unknown,
  ) => {
    if (origin !== 'local' || !this.opened || !this.socket.connected) return;
    this.socket.emit('note:awareness', {
      docName: this.docName,
      update: encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]),
    });
  };
}
