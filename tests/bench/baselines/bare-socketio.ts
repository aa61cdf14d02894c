/**
 * The baseline for fan-out, reconnect storm and memory: a bare socket.io
 * server on its own, nothing else. `POST /emit` sends the given payload to
 * every client with one `io.emit` (as the app does for a claim); `POST /bump`
 * raises the state version; each connecting client is sent `state` with the
 * current version (the least a reconnecting client must learn). `GET /health`
 * answers when it is listening.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
let version = 0;

const http = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST' && request.url === '/emit') {
      io.emit('platform:claimed', JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.end('{}');
      return;
    }
    if (request.method === 'POST' && request.url === '/bump') {
      version += 1;
      io.emit('state', { version });
      response.end(JSON.stringify({ version }));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
});

const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => socket.emit('state', { version }));

http.listen(port, '127.0.0.1');
const stop = () => {
  io.close();
  http.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
