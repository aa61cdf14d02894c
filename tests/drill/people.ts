import { NOTE_FIELD, NOTES_NAMESPACE, type NoteRef } from '@actionday/shared';
import type { ClientToServerEvents, ServerToClientEvents } from '@actionday/shared';
import { type Socket, io } from 'socket.io-client';
import * as Y from 'yjs';
import { NoteSync, type NotesSocket } from '../../client/src/modules/notes/note-sync.js';
import type { Caller } from './caller.js';

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A participant's open board: one socket, joined to the operation (so they are online for the others), that
 * reconnects and joins again by itself, on whichever process the caller uses now.
 */
export class Presence {
  private socket: BoardSocket | null = null;
  private closed = false;

  constructor(
    private readonly caller: Caller,
    private readonly operationId: string,
  ) {}

  open(): void {
    if (this.closed) return;
    const socket: BoardSocket = io(this.caller.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: this.caller.cookie },
      forceNew: true,
      reconnection: false,
    });
    socket.on('connect', () => {
      socket.emit('operation:join', { operationId: this.operationId }, () => {});
    });
    // the process went away: open again, on the caller's process of the moment, after a pause
    socket.on('disconnect', () => setTimeout(() => this.reopen(socket), 500));
    socket.on('connect_error', () => setTimeout(() => this.reopen(socket), 1000));
    this.socket = socket;
  }

  private reopen(old: BoardSocket): void {
    if (this.closed || this.socket !== old) return;
    old.removeAllListeners();
    old.disconnect();
    this.open();
  }

  close(): void {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
  }
}

/**
 * Writes a paragraph into a note (the situation log, or a platform's note) with the browser's own sync code,
 * and waits until the server confirmed it stored the edit. False when it could not within the time.
 */
export async function writeNote(caller: Caller, ref: NoteRef, words: string, timeoutMs = 20_000): Promise<boolean> {
  const socket = io(`${caller.url}${NOTES_NAMESPACE}`, {
    transports: ['websocket'],
    extraHeaders: { cookie: caller.cookie },
    forceNew: true,
    reconnection: false,
  }) as unknown as NotesSocket;
  const doc = new Y.Doc();
  const sync = new NoteSync(socket, ref, doc);
  try {
    const state = (want: (s: NoteSync['current']) => boolean) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          stop();
          resolve(false);
        }, timeoutMs);
        const stop = sync.subscribe((s) => {
          if (s.status === 'refused') {
            clearTimeout(timer);
            stop();
            resolve(false);
          } else if (want(s)) {
            clearTimeout(timer);
            stop();
            resolve(true);
          }
        });
      });
    if (!(await state((s) => s.status === 'synced'))) return false;
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words)]);
      const fragment = doc.getXmlFragment(NOTE_FIELD);
      fragment.insert(fragment.length, [paragraph]);
    });
    return await state((s) => s.status === 'synced' && !s.unsaved);
  } finally {
    sync.destroy();
    socket.disconnect();
  }
}
