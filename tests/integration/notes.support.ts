import { NOTE_FIELD, NOTES_NAMESPACE, type NoteRef } from '@actionday/shared';
import { io as ioClient } from 'socket.io-client';
import * as Y from 'yjs';
import { NoteSync, type NotesSocket } from '../../client/src/modules/notes/note-sync.js';
import type { Session, TestApp } from '@actionday/server/test/test-app';
import { noteMarkdown } from '@actionday/server/modules/notes/notes.markdown';

/** A person with a note open: their socket on `/notes`, their copy of the document, and the client's real sync code. */
export interface NoteClient {
  socket: NotesSocket;
  doc: Y.Doc;
  sync: NoteSync;
  /** The note's text as this client sees it (Markdown). */
  text(): string;
  close(): void;
}

/** A socket on the notes namespace with the session's cookie (not yet connected when `connect` is false). */
export function notesSocket(t: TestApp, session: Session | null): NotesSocket {
  return ioClient(`${t.url}${NOTES_NAMESPACE}`, {
    extraHeaders: session ? { cookie: session.cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
}

/** Opens a note as `session` with the same sync code the browser runs. */
export function openNote(t: TestApp, session: Session, ref: NoteRef): NoteClient {
  const socket = notesSocket(t, session);
  const doc = new Y.Doc();
  const sync = new NoteSync(socket, ref, doc);
  return {
    socket,
    doc,
    sync,
    text: () => noteMarkdown(doc.getXmlFragment(NOTE_FIELD)),
    close() {
      sync.destroy();
      socket.disconnect();
      doc.destroy();
    },
  };
}

/** The XmlText of the note's last paragraph, created when the note is empty (as the editor does). */
function lastLine(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(NOTE_FIELD);
  let paragraph = fragment.length > 0 ? fragment.get(fragment.length - 1) : undefined;
  if (!(paragraph instanceof Y.XmlElement)) {
    paragraph = new Y.XmlElement('paragraph');
    fragment.insert(fragment.length, [paragraph]);
  }
  let text = paragraph.length > 0 ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  return text;
}

/** Types at the end of the last line (or at `index` in it), as a keystroke burst in the editor would. */
export function typeText(client: NoteClient, words: string, index?: number): void {
  client.doc.transact(() => {
    const line = lastLine(client.doc);
    line.insert(index ?? line.length, words);
  });
}

/** Starts a new paragraph with text. */
export function newParagraph(client: NoteClient, words: string): void {
  client.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    const fragment = client.doc.getXmlFragment(NOTE_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  });
}
