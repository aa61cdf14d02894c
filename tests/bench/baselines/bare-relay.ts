/**
 * The baseline for notes: a bare y-protocols relay over socket.io speaking
 * the same `/notes` events as the app (`note:open`, `note:sync`,
 * `note:awareness`), so the same client provider runs against both. One
 * in-memory Y.Doc per note; no sign-in, permission checks, persistence or
 * audit. `GET /health` answers when it is listening.
 */
import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Server } from 'socket.io';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';

const port = Number(process.env.PORT ?? 0);
const docs = new Map<string, Y.Doc>();
const docOf = (name: string) => {
  let doc = docs.get(name);
  if (!doc) {
    doc = new Y.Doc();
    docs.set(name, doc);
  }
  return doc;
};

type Ack = (answer: unknown) => void;
const bytes = (value: unknown) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer));

const http = createServer((request, response) => {
  response.statusCode = request.url === '/health' ? 200 : 404;
  response.end();
});
const io = new Server(http, { serveClient: false });
const notes = io.of('/notes');

notes.on('connection', (socket) => {
  socket.on('note:open', (ref: { operationId: string; platformId?: string | null }, ack: Ack) => {
    const docName = ref.platformId ? `platform:${ref.platformId}` : `log:${ref.operationId}`;
    void socket.join(docName);
    ack({ ok: true, data: { docName, kind: ref.platformId ? 'platform' : 'log', canEdit: true } });
  });
  socket.on('note:sync', (payload: { docName: string; message: unknown }, ack: Ack) => {
    const doc = docOf(payload.docName);
    const decoder = decoding.createDecoder(bytes(payload.message));
    const type = decoding.readVarUint(decoder);
    const body = decoding.readVarUint8Array(decoder);
    if (type === sync.messageYjsSyncStep1) {
      // answer with what the client lacks, then ask for what we lack
      const step2 = encoding.createEncoder();
      sync.writeSyncStep2(step2, doc, body);
      socket.emit('note:sync', { docName: payload.docName, message: encoding.toUint8Array(step2) });
      const step1 = encoding.createEncoder();
      sync.writeSyncStep1(step1, doc);
      socket.emit('note:sync', { docName: payload.docName, message: encoding.toUint8Array(step1) });
    } else {
      Y.applyUpdate(doc, body);
      const update = encoding.createEncoder();
      sync.writeUpdate(update, body);
      socket
        .to(payload.docName)
        .emit('note:sync', { docName: payload.docName, message: encoding.toUint8Array(update) });
    }
    if (typeof ack === 'function') ack({ ok: true, data: { saved: true } });
  });
  socket.on('note:awareness', (payload: { docName: string; update: unknown }) => {
    socket.to(payload.docName).emit('note:awareness', payload);
  });
  socket.on('note:close', (payload: { docName: string }, ack: Ack) => {
    void socket.leave(payload.docName);
    if (typeof ack === 'function') ack({ ok: true, data: undefined });
  });
});

http.listen(port, '127.0.0.1');
const stop = () => {
  io.close();
  http.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
