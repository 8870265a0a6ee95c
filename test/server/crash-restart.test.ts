import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ask, connectShopper, nextMessages, send, tempDir } from '../support/shop-server';
import { killHard, spawnServer, stopGracefully, type ServerProcess } from '../support/server-process';

function anyOrder(dbFile: string): { id: string; email: string } {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  const order = db.prepare("SELECT id, email FROM orders WHERE status = 'shipped' LIMIT 1").get() as { id: string; email: string };
  db.close();
  return order;
}

describe('the conversation survives the server process', () => {
  const tmp = tempDir();
  const dbFile = path.join(tmp.dir, 'shop.db');
  const env = { SHOPKEEP_DB: dbFile, SHOPKEEP_DEMO: '1' };

  const running: ServerProcess[] = [];
  const start = async (): Promise<ServerProcess> => {
    const server = await spawnServer(env);
    running.push(server);
    return server;
  };

  // A failed assertion must not leave a server process behind (Jest would wait for it forever).
  afterAll(() => {
    for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    tmp.cleanup();
  });

  it('keeps every acknowledged message through kill -9 and answers the one left unanswered', async () => {
    let server = await start();
    const order = anyOrder(dbFile);
    const first = await connectShopper(server.url);
    const question = await ask(first.socket, 'where is my order?', 'k-1');
    expect(question.text).toMatch(/order number/i);

    // Kill right after the ack: the bot's turn may not have run yet.
    const ack = await send(first.socket, order.id, 'k-2');
    expect(ack.ok).toBe(true);
    await killHard(server);
    first.socket.disconnect();

    server = await start();
    const again = await connectShopper(server.url, { sessionId: first.session.sessionId });
    expect(again.session).toEqual(first.session);
    const texts = again.history.map((m) => m.text);
    expect(texts.slice(0, 3)).toEqual(['where is my order?', question.text, order.id]);
    // The stored-but-unanswered order number gets its answer (now, or already in the history).
    const answered = again.history.length > 3 ? again.history[3] : (await nextMessages(again.socket, 1, 30_000))[0];
    expect(answered?.text).toMatch(/email/i);

    // The dialog itself resumed: the email completes the tracking.
    const status = await ask(again.socket, order.email, 'k-3');
    expect(status.text).toContain(order.id);
    again.socket.disconnect();
    expect(await stopGracefully(server)).toBe(0);
  }, 120_000);
});
