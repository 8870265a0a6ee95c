import path from 'node:path';
import { ask, connectShopper, startShop, tempDir, type TestShop } from '../support/shop-server';

describe('transcripts stored with PII masked (SHOPKEEP_REDACT_TRANSCRIPTS=1, the default)', () => {
  const tmp = tempDir();
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startShop(path.join(tmp.dir, 'shop.db'));
  });
  afterAll(async () => {
    await shop.stop();
    tmp.cleanup();
  });

  it('masks the email and card number at rest while the turn still uses the email to find the order', async () => {
    const order = shop.shop.store.db.prepare("SELECT id, email FROM orders WHERE status = 'shipped' LIMIT 1").get() as { id: string; email: string };
    const { socket, session } = await connectShopper(shop.url);
    await ask(socket, 'where is my order?', 't-1');
    await ask(socket, order.id, 't-2');
    const status = await ask(socket, order.email, 't-3');
    // The live turn read the real email: the order's status came back.
    expect(status.text).toContain(order.id);
    await ask(socket, 'my card 4111 1111 1111 1111 was charged twice, call +44 20 7946 0958', 't-4');

    const stored = shop.shop.store.conversations.messages(session.conversationId);
    const all = JSON.stringify(stored);
    expect(all).not.toContain(order.email);
    expect(all).not.toContain('4111 1111');
    expect(all).not.toContain('7946 0958');
    expect(stored.find((m) => m.clientId === 't-3')?.text).toBe('[email]');
    expect(stored.find((m) => m.clientId === 't-4')?.text).toBe('my card [card number] was charged twice, call [phone]');
    // Order numbers stay readable for agents.
    expect(stored.find((m) => m.clientId === 't-2')?.text).toBe(order.id);
    // The history a reconnecting widget gets is the stored (masked) one.
    const again = await connectShopper(shop.url, { sessionId: session.sessionId });
    expect(JSON.stringify(again.history)).not.toContain(order.email);
    socket.disconnect();
    again.socket.disconnect();
  });
});
