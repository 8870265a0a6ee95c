/**
 * The yardstick of the load benchmark: a bare Socket.IO server that stores each message in
 * SQLite (WAL), acks it, and echoes a reply that it also stores — the least any chat server
 * on this stack must do per turn. Prints its port as one JSON line.
 *
 * Usage: node dist/bench/load/echo-server.js DB_FILE
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { Server } from 'socket.io';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: echo-server DB_FILE\n');
  process.exit(2);
}
const db = new BetterSqlite3(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY, conversation TEXT, client_id TEXT, text TEXT, UNIQUE (conversation, client_id))');
const insert = db.prepare('INSERT OR IGNORE INTO messages (conversation, client_id, text) VALUES (?, ?, ?)');

const server = http.createServer();
const io = new Server(server);
io.of('/shopper').on('connection', (socket) => {
  socket.emit('session', { sessionId: socket.id, conversationId: socket.id });
  socket.emit('history', []);
  socket.on('message', (payload: { clientId: string; text: string }, ack: (r: unknown) => void) => {
    const stored = insert.run(socket.id, payload.clientId, payload.text);
    ack({ ok: true, id: String(stored.lastInsertRowid) });
    setImmediate(() => {
      const reply = insert.run(socket.id, null, `echo: ${payload.text}`);
      socket.emit('message', { id: String(reply.lastInsertRowid), role: 'bot', text: `echo: ${payload.text}` });
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => {
  io.close();
  db.close();
  process.exit(0);
});
