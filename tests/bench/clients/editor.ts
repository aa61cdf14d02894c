import { NOTE_FIELD, NOTES_NAMESPACE, type NoteRef } from '@actionday/shared';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { NoteSync, type NotesSocket } from '../../../client/src/modules/notes/note-sync.js';
import { type Histogram, latencyHistogram, recordMs } from '../lib/histogram.js';
import { epochMs } from '../lib/time.js';

/**
 * A participant typing in a shared note, through the client's own provider
 * (`NoteSync`, the class the browser uses) over the `/notes` namespace. Each
 * edit appends a paragraph and stamps its send time in a side map of the same
 * document, so every peer can time edit → arrival.
 */
export class Editor {
  readonly doc = new Y.Doc();
  readonly socket: NotesSocket;
  readonly sync: NoteSync;
  private readonly stamps = this.doc.getMap<number>('bench');
  private measuringSince: number | null = null;
  readonly peerLatency: Histogram = latencyHistogram();
  received = 0;
  edits = 0;

  constructor(url: string, cookie: string | null, ref: NoteRef) {
    this.socket = io(`${url}${NOTES_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: cookie ? { cookie } : {},
    }) as NotesSocket;
    this.sync = new NoteSync(this.socket, ref, this.doc);
    this.stamps.observe((event) => {
      if (event.transaction.local || this.measuringSince === null) return;
      const arrived = epochMs();
      for (const key of event.keysChanged) {
        const sentAt = this.stamps.get(key);
        if (sentAt === undefined || sentAt < this.measuringSince) continue;
        recordMs(this.peerLatency, arrived - sentAt);
        this.received += 1;
      }
    });
  }

  /** Resolves once the note is open and in step with the server. */
  synced(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`note not synced in time (${this.sync.current.status} ${this.sync.current.error ?? ''})`));
      }, timeoutMs);
      const check = () => {
        const state = this.sync.current;
        if (state.status === 'synced') {
          stop();
          resolve();
        } else if (state.status === 'refused') {
          stop();
          reject(new Error(`note refused: ${state.error ?? ''}`));
        }
      };
      const unsubscribe = this.sync.subscribe(check);
      const stop = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      check();
    });
  }

  /** Peers' edits stamped from now on are timed. */
  startMeasuring(since: number): void {
    this.measuringSince = since;
  }

  /** Types one paragraph, as the editor's binding writes it. */
  edit(label: string): void {
    const fragment = this.doc.getXmlFragment(NOTE_FIELD);
    this.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`${label} typed at ${new Date().toISOString()}`)]);
      fragment.push([paragraph]);
      this.stamps.set(`${this.doc.clientID}:${this.edits}`, epochMs());
    });
    this.edits += 1;
  }

  /** Edits the server has not yet confirmed as stored. */
  get unsaved(): boolean {
    return this.sync.current.unsaved;
  }

  close(): void {
    this.sync.destroy();
    this.socket.disconnect();
    this.doc.destroy();
  }
}
