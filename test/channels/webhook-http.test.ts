/**
 * The webhook channel over HTTP: a shop posts signed messages, the bot's replies come back to the
 * shop's callback (a local receiver), signed the same way; refusals store nothing.
 */
import path from 'node:path';
import { signature, verifySignature } from '../../bot';
import { startShop, tempDir, type TestShop } from '../support/shop-server';
import { startReceiver, type Receiver } from './receiver';

const SECRET = 'webhook-test-secret-0123456789abcdef';
let dir: ReturnType<typeof tempDir>;
let running: TestShop;
let callback: Receiver;

function message(id: string, text: string, userId = 'shop-user-1'): string {
  return JSON.stringify({ id, conversationId: 'shop-conv-1', userId, text, locale: 'en' });
}

function post(body: string, options: { offsetSeconds?: number; secret?: string; signature?: string } = {}): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000) + (options.offsetSeconds ?? 0);
  return fetch(`${running.url}/api/webhook/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopkeep-timestamp': String(timestamp),
      'x-shopkeep-signature': options.signature ?? signature(options.secret ?? SECRET, timestamp, body),
    },
    body,
  });
}

function count(table: string): number {
  return running.shop.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

beforeAll(async () => {
  dir = tempDir();
  callback = await startReceiver();
  running = await startShop(path.join(dir.dir, 'shop.db'), {}, {
    SHOPKEEP_WEBHOOK_SECRET: SECRET,
    SHOPKEEP_WEBHOOK_CALLBACK_URL: `${callback.url}/shop/replies`,
  });
});

afterAll(async () => {
  await running?.stop();
  await callback?.close();
  dir?.cleanup();
});

describe('POST /api/webhook/messages', () => {
  it('stores a signed message, answers 202, and delivers signed replies to the callback', async () => {
    const res = await post(message('m-1', 'where is my order?'));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const stored = running.shop.store.conversations.findMessage(id);
    expect(stored).toMatchObject({ role: 'shopper', text: 'where is my order?', clientId: 'm-1' });
    expect(running.shop.store.conversations.findById(stored?.conversationId ?? '')?.channel).toBe('webhook');

    const [delivery] = await callback.waitFor(1);
    expect(delivery?.path).toBe('/shop/replies');
    const check = verifySignature(
      { timestamp: String(delivery?.headers['x-shopkeep-timestamp']), signature: String(delivery?.headers['x-shopkeep-signature']), body: Buffer.from(delivery?.body ?? '') },
      SECRET,
      Date.now(),
      300,
    );
    expect(check).toBe('ok');
    const reply = JSON.parse(delivery?.body ?? '{}') as Record<string, unknown>;
    expect(reply).toMatchObject({ type: 'message', conversationId: 'shop-conv-1', userId: 'shop-user-1', role: 'bot' });
    const transcript = running.shop.store.conversations.messages(stored?.conversationId ?? '');
    expect(transcript.find((m) => m.id === reply.id)?.text).toBe(reply.text);
    expect(transcript[0]?.annotations?.intent).toBe('track_order');
  });

  it('refuses a replayed message id with 409 and stores nothing', async () => {
    const messages = count('messages');
    const res = await post(message('m-1', 'where is my order?'));
    expect(res.status).toBe(409);
    expect(count('messages')).toBe(messages);
  });

  it.each([
    ['a wrong secret', { secret: 'not-the-shop-secret-0123456789abcdef' }],
    ['a stale timestamp', { offsetSeconds: -310 }],
    ['a future timestamp', { offsetSeconds: 310 }],
    ['no signature', { signature: '' }],
  ])('refuses %s with 401 and stores nothing', async (_name, options) => {
    const messages = count('messages');
    const sessions = count('sessions');
    const res = await post(message(`m-${_name}`, 'hi'), options);
    expect(res.status).toBe(401);
    expect(count('messages')).toBe(messages);
    expect(count('sessions')).toBe(sessions);
  });

  it.each([
    ['not JSON', '{"id": '],
    ['no text', JSON.stringify({ id: 'm-x', conversationId: 'c', userId: 'u' })],
    ['a text past the limit', message('m-long', 'x'.repeat(4001))],
  ])('refuses a signed body that is %s with 400, stores nothing, stays up', async (_name, body) => {
    const messages = count('messages');
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(count('messages')).toBe(messages);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
