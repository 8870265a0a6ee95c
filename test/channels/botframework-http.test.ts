/**
 * `POST /api/messages` over real HTTP with real Activity JSON: the same bot and the same tables
 * as the widget; replies in the response body (expectReplies) or sent to the channel's
 * connector (a local receiver); bad input refused with nothing stored.
 */
import path from 'node:path';
import { startShop, tempDir, type TestShop } from '../support/shop-server';
import { startReceiver, type Receiver } from './receiver';

let dir: ReturnType<typeof tempDir>;
let running: TestShop;
let connector: Receiver;

function activity(text: string, id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id,
    text,
    locale: 'en-US',
    channelId: 'emulator',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    conversation: { id: 'bf-conv-1' },
    from: { id: 'bf-user-1', name: 'Ann' },
    recipient: { id: 'shop-bot', name: 'Shopkeep' },
    ...extra,
  };
}

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function count(table: string): number {
  return running.shop.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

beforeAll(async () => {
  dir = tempDir();
  connector = await startReceiver();
  running = await startShop(path.join(dir.dir, 'shop.db'));
});

afterAll(async () => {
  await running?.stop();
  await connector?.close();
  dir?.cleanup();
});

describe('POST /api/messages', () => {
  it('answers expectReplies in the body and keeps the transcript in the widget tables', async () => {
    const res = await post(activity('where is my order?', 'act-1', { deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ type: string; text?: string; conversation: { id: string }; replyToId?: string }> };
    const replies = body.activities.filter((a) => a.type === 'message');
    expect(replies.length).toBeGreaterThan(0);
    // The channel's own ids go back out, not the store's.
    expect(replies[0]?.conversation.id).toBe('bf-conv-1');
    expect(replies[0]?.replyToId).toBe('act-1');

    const conversation = running.shop.store.db
      .prepare("SELECT * FROM conversations WHERE channel = 'botframework'")
      .all() as Array<{ id: string }>;
    expect(conversation).toHaveLength(1);
    const messages = running.shop.store.conversations.messages(conversation[0]?.id ?? '');
    expect(messages[0]).toMatchObject({ role: 'shopper', text: 'where is my order?', clientId: 'act-1' });
    expect(messages[0]?.annotations?.intent).toBe('track_order');
    expect(messages.slice(1).map((m) => m.role)).toEqual(replies.map(() => 'bot'));
    expect(messages.slice(1).map((m) => m.text)).toEqual(replies.map((r) => r.text));
  });

  it('sends replies to the channel connector in normal delivery, to the same conversation', async () => {
    const before = connector.received.length;
    const res = await post(activity('hi', 'act-2'));
    expect(res.status).toBe(200);
    const received = await connector.waitFor(before + 1);
    const reply = received[before];
    expect(reply?.method).toBe('POST');
    expect(reply?.path).toBe('/v3/conversations/bf-conv-1/activities/act-2');
    expect((JSON.parse(reply?.body ?? '{}') as { text?: string }).text).toBeTruthy();
    expect(count("conversations WHERE channel = 'botframework'")).toBe(1);
  });

  it('stores and answers a redelivered Activity once', async () => {
    const messages = count('messages');
    const res = await post(activity('hi', 'act-2', { deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { activities: unknown[] }).activities).toEqual([]);
    expect(count('messages')).toBe(messages);
  });

  it('answers a redelivery whose first turn never ran (the server stopped in between)', async () => {
    const first = activity('hi', 'act-lost', { deliveryMode: 'expectReplies', conversation: { id: 'bf-conv-lost' } });
    expect((await post(first)).status).toBe(200);
    // As if the server had stopped after storing the message: no committed turn (no reading, reply or mark).
    const db = running.shop.store.db;
    const stored = db.prepare("SELECT id, conversation_id FROM messages WHERE client_id = 'act-lost'").get() as { id: string; conversation_id: string };
    db.prepare("DELETE FROM messages WHERE conversation_id = ? AND role = 'bot'").run(stored.conversation_id);
    db.prepare('UPDATE messages SET intent = NULL, turn_done_at = NULL WHERE id = ?').run(stored.id);

    const res = await post(first);
    const replies = ((await res.json()) as { activities: Array<{ type: string }> }).activities.filter((a) => a.type === 'message');
    expect(replies.length).toBeGreaterThan(0);
    const transcript = running.shop.store.conversations.messages(stored.conversation_id);
    expect(transcript.filter((m) => m.role === 'shopper')).toHaveLength(1);
    expect(transcript.filter((m) => m.role === 'bot')).toHaveLength(replies.length);
  });

  it('shows product cards as hero cards on the channel while the transcript keeps the shop cards', async () => {
    const res = await post(activity('how much is the regency cakestand?', 'act-cards', { deliveryMode: 'expectReplies', conversation: { id: 'bf-conv-cards' } }));
    const body = (await res.json()) as { activities: Array<{ attachments?: Array<{ contentType: string; content: { title?: string; buttons?: Array<{ value: string }> } }> }> };
    const cards = body.activities.flatMap((a) => a.attachments ?? []);
    expect(cards).toEqual([
      expect.objectContaining({
        contentType: 'application/vnd.microsoft.card.hero',
        content: expect.objectContaining({ title: 'Regency Cakestand 3 Tier', buttons: [expect.objectContaining({ value: '/product.html?id=22423' })] }),
      }),
    ]);
    const stored = running.shop.store.db
      .prepare("SELECT payload FROM messages WHERE role = 'bot' AND payload LIKE '%22423%'")
      .pluck()
      .get() as string;
    expect(JSON.parse(stored).cards).toEqual([expect.objectContaining({ id: '22423', name: 'Regency Cakestand 3 Tier' })]);
  });

  it.each([
    ['not JSON', '{"type": "message", '],
    ['no conversation', { ...{ type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u' } } }],
    ['a text past the limit', { text: 'x'.repeat(4001) }],
    ['a serviceUrl elsewhere while auth is off', { serviceUrl: 'https://attacker.example/' }],
    ['an array', []],
  ])('refuses %s with a 4xx and stores nothing', async (_name, patch) => {
    const messages = count('messages');
    const sessions = count('sessions');
    const body = typeof patch === 'string' || Array.isArray(patch) ? patch : 'conversation' in patch || 'from' in patch ? patch : activity('hi', 'act-x', patch);
    const res = await post(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(count('messages')).toBe(messages);
    expect(count('sessions')).toBe(sessions);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe('POST /api/messages with a Bot Framework app id', () => {
  let secured: TestShop;
  beforeAll(async () => {
    secured = await startShop(path.join(dir.dir, 'secured.db'), {}, { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' });
  });
  afterAll(async () => secured?.stop());

  it('refuses an Activity without a token: 401, nothing stored', async () => {
    const before = secured.shop.store.db.prepare('SELECT count(*) FROM messages').pluck().get();
    const res = await fetch(`${secured.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('hi', 'act-9')),
    });
    expect(res.status).toBe(401);
    expect(secured.shop.store.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(before);
  });
});
