/**
 * A webhook message stored but not answered when the server stopped is answered at the next
 * start, and its reply reaches the shop's callback.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { signature } from '../../bot';
import { startShop, tempDir } from '../support/shop-server';
import { startReceiver } from './receiver';

const SECRET = 'resume-test-secret-0123456789abcdef';

it('answers a stored, unanswered webhook message after a restart', async () => {
  const dir = tempDir();
  const callback = await startReceiver();
  const env = { SHOPKEEP_WEBHOOK_SECRET: SECRET, SHOPKEEP_WEBHOOK_CALLBACK_URL: `${callback.url}/in` };
  const file = path.join(dir.dir, 'shop.db');
  try {
    const first = await startShop(file, {}, env);
    const body = JSON.stringify({ id: 'resume-1', conversationId: 'sc', userId: 'su', text: 'where is my order?' });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`${first.url}/api/webhook/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopkeep-timestamp': String(timestamp), 'x-shopkeep-signature': signature(SECRET, timestamp, body) },
      body,
    });
    const { id } = (await res.json()) as { id: string };
    await callback.waitFor(1);
    await first.stop();
    // As if the server had stopped between storing the message and its turn.
    const db = new BetterSqlite3(file);
    db.prepare('DELETE FROM webhook_outbox').run();
    db.prepare("DELETE FROM messages WHERE role = 'bot'").run();
    db.prepare('UPDATE messages SET intent = NULL, turn_done_at = NULL WHERE id = ?').run(id);
    db.close();

    const second = await startShop(file, {}, env);
    const received = await callback.waitFor(2);
    expect(JSON.parse(received[1]?.body ?? '{}')).toMatchObject({ conversationId: 'sc', userId: 'su', role: 'bot' });
    expect(second.shop.store.conversations.findMessage(id)?.annotations?.intent).toBe('track_order');
    await second.stop();
  } finally {
    await callback.close();
    dir.cleanup();
  }
});
