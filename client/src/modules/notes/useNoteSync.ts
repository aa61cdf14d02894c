import { NOTES_NAMESPACE, type NoteRef, noteDocName } from '@actionday/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { NoteSync, type NoteSyncState, type NotesSocket } from './note-sync';

/**
 * A socket on the `/notes` namespace for as long as the component lives. It
 * shares the page's connection (socket.io multiplexes namespaces over one
 * Manager) and authenticates with the same session cookie.
 */
export function useNotesSocket(): NotesSocket | null {
  const [socket, setSocket] = useState<NotesSocket | null>(null);
  useEffect(() => {
    const created: NotesSocket = io(NOTES_NAMESPACE, { withCredentials: true, reconnectionDelayMax: 10_000 });
    setSocket(created);
    // Back online: try at once instead of waiting for the next backoff step.
    const onOnline = () => {
      if (!created.connected) created.connect();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      created.disconnect();
      setSocket(null);
    };
  }, []);
  return socket;
}

export interface OpenedNote {
  doc: Y.Doc;
  sync: NoteSync;
}

/** One note's Yjs document kept in step with the server while mounted; a new document per note. */
export function useNoteSync(socket: NotesSocket | null, ref: NoteRef): OpenedNote | null {
  const [opened, setOpened] = useState<OpenedNote | null>(null);
  const docName = noteDocName(ref);
  const { operationId, platformId = null } = ref;
  useEffect(() => {
    if (!socket) return;
    const doc = new Y.Doc();
    const sync = new NoteSync(socket, { operationId, platformId }, doc);
    setOpened({ doc, sync });
    return () => {
      sync.destroy();
      doc.destroy();
      setOpened(null);
    };
  }, [socket, docName, operationId, platformId]);
  return opened;
}

const idle: NoteSyncState = { status: 'connecting', unsaved: false, canEdit: false, kind: null, error: null };

/** The sync state of an opened note, re-rendering on change. */
export function useNoteSyncState(sync: NoteSync | null): NoteSyncState {
  return useSyncExternalStore(
    (onChange) => (sync ? sync.subscribe(onChange) : () => {}),
    () => (sync ? sync.current : idle),
  );
}
