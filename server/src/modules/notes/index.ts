/** Shared notes (Yjs): what other modules may use of them. */
export { type NotesNamespace, attachNotes } from './notes.socket.js';
export { noteTexts } from './notes.texts.js';
