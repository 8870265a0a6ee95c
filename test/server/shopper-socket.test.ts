import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ask, connectShopper, send, startShop, tempDir, type TestShop } from '../support/shop-server';

describe('/shopper namespace', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestShop;

  beforeAll(async () => {
    tmp = tempDir();
    server = await startShop(path.join(tmp.dir, 'shop.db'));
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('answers /healthz once the server accepts chats', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('gives a new session, an empty history, and replies to a greeting', async () => {
    const { socket, session, history } = await connectShopper(server.url, { locale: 'en' });
    expect(session.sessionId).toMatch(/^ses_/);
    expect(session.conversationId).toMatch(/^conv_/);
    expect(history).toEqual([]);
    const reply = await ask(socket, 'hi', 'c-1');
    expect(reply.role).toBe('bot');
    expect(reply.text).toMatch(/order/i);
    expect(reply.quickReplies?.length).toBeGreaterThan(0);
    socket.disconnect();
  });

  it('acknowledges only a message that is already committed to the database', async () => {
    const { socket, session } = await connectShopper(server.url);
    const ack = await send(socket, 'where is my order?', 'c-commit');
    expect(ack.ok).toBe(true);
    // A separate connection to the file sees the row as soon as the ack arrives.
    const reader = new BetterSqlite3(server.dbFile, { readonly: true });
    const row = reader.prepare('SELECT conversation_id, text FROM messages WHERE id = ?').get(ack.id);
    reader.close();
    expect(row).toEqual({ conversation_id: session.conversationId, text: 'where is my order?' });
    socket.disconnect();
  });

  it('stores the same clientId once and acks it with the same id', async () => {
    const { socket, session } = await connectShopper(server.url);
    const [a, b] = await Promise.all([send(socket, 'hello there', 'dup-1'), send(socket, 'hello there', 'dup-1')]);
    expect(a.ok && b.ok).toBe(true);
    expect(b.id).toBe(a.id);
    const count = server.shop.store.db
      .prepare("SELECT count(*) FROM messages WHERE conversation_id = ? AND role = 'shopper'")
      .pluck()
      .get(session.conversationId);
    expect(count).toBe(1);
    socket.disconnect();
  });

  it.each([
    ['missing text', { clientId: 'x' }, /text/],
    ['100 kB of text', { clientId: 'x', text: 'a'.repeat(100_000) }, /longer than/],
    ['text of the wrong type', { clientId: 'x', text: 42 }, /text must be a string/],
    ['missing clientId', { text: 'hi' }, /clientId/],
    ['blank text', { clientId: 'x', text: '   ' }, /empty/],
    ['not an object', 'hello', /object/],
  ])('refuses %s with {ok:false,error} and stays up', async (_name, payload, error) => {
    const { socket, session } = await connectShopper(server.url);
    const ack = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
      (socket as unknown as { emit: (e: string, p: unknown, cb: (r: { ok: boolean; error?: string }) => void) => void }).emit('message', payload, resolve),
    );
    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(error);
    const stored = server.shop.store.conversations.messages(session.conversationId);
    expect(stored).toHaveLength(0);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    socket.disconnect();
  });

  it('survives a message without an ack callback', async () => {
    const { socket } = await connectShopper(server.url);
    socket.emit('message', { clientId: 'no-ack', text: 'hi' } as never, undefined as never);
    const reply = await ask(socket, 'thanks', 'after-no-ack');
    expect(reply.role).toBe('bot');
    socket.disconnect();
  });

  it('resumes a session: the same conversation and its history', async () => {
    const first = await connectShopper(server.url);
    await ask(first.socket, 'hi', 'resume-1');
    first.socket.disconnect();
    const again = await connectShopper(server.url, { sessionId: first.session.sessionId });
    expect(again.session).toEqual(first.session);
    expect(again.history.map((m) => m.role)).toEqual(['shopper', 'bot']);
    expect(again.history[0]?.text).toBe('hi');
    again.socket.disconnect();
  });

  it('records the page tracker\'s events for the session and refuses bad ones', async () => {
    const { socket, session } = await connectShopper(server.url);
    const track = (payload: unknown): Promise<{ ok: boolean; id?: string; error?: string }> =>
      new Promise((resolve) => (socket as unknown as { emit: (e: string, p: unknown, cb: (r: { ok: boolean }) => void) => void }).emit('track', payload, resolve));
    expect(await track({ type: 'product_view', productId: '85123A', url: 'http://127.0.0.1/product.html?id=85123A' })).toMatchObject({ ok: true });
    expect(await track({ type: 'add_to_cart', productId: '85123A', quantity: 2 })).toMatchObject({ ok: true });
    expect(await track({ type: 'teleport' })).toMatchObject({ ok: false });
    expect(await track({ type: 'add_to_cart', quantity: -3 })).toMatchObject({ ok: false });
    const events = server.shop.store.sessions.events(session.sessionId);
    expect(events.map((e) => [e.type, e.productId, e.pageType, e.quantity])).toEqual([
      ['product_view', '85123A', 'product', null],
      ['add_to_cart', '85123A', 'product', 2],
    ]);
    socket.disconnect();
  });

  it('starts a new session for an unknown id', async () => {
    const { socket, session } = await connectShopper(server.url, { sessionId: 'ses_forged' });
    expect(session.sessionId).not.toBe('ses_forged');
    socket.disconnect();
  });
});
