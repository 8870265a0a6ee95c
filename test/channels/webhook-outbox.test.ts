/**
 * The webhook outbox: retries with exponential back-off on an injected clock against a local
 * receiver that fails the first attempts, dead letters after the last attempt, and pending
 * deliveries that survive closing and reopening the store.
 */
import path from 'node:path';
import { ActivityHandler } from 'botbuilder';
import { TurnPipeline, WebhookChannel, WebhookOutboxWorker, linkChannelUser, type DeliveryPolicy } from '../../bot';
import { openStore, sequentialIds, type Store } from '../../store';
import { tempDir } from '../support/shop-server';
import { startReceiver, type Receiver } from './receiver';

const SECRET = 'outbox-test-secret-0123456789abcdef';
const START = Date.UTC(2026, 0, 1, 12, 0, 0);

let dir: ReturnType<typeof tempDir>;
let receiver: Receiver | undefined;
let now = START;
const clock = { now: () => now };

function policy(url: string, maxAttempts = 5): DeliveryPolicy {
  return { callbackUrl: url, secret: SECRET, maxAttempts, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 5000, batchSize: 10 };
}

/** A webhook user's conversation with one bot reply queued; returns the reply's stored id. */
function queueReply(store: Store, text: string): string {
  const channel = new WebhookChannel(store, new TurnPipeline(store, new ActivityHandler()), (err) => {
    throw err;
  });
  const conversation = linkChannelUser(store, { channel: 'webhook', externalKey: '["c1","u1"]', locale: 'en', reference: { conversationId: 'c1', userId: 'u1' } });
  const { message } = store.conversations.appendMessage({ conversationId: conversation.id, role: 'bot', text });
  channel.enqueue(conversation.id, message);
  return message.id;
}

beforeEach(() => {
  dir = tempDir();
  now = START;
});

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  dir.cleanup();
});

describe('webhook outbox', () => {
  it('retries after 1 s, then 2 s, and delivers on the third attempt', async () => {
    receiver = await startReceiver((n) => (n <= 2 ? 503 : 200));
    const store = openStore({ file: path.join(dir.dir, 'shop.db'), clock, ids: sequentialIds() });
    const worker = new WebhookOutboxWorker(store, policy(receiver.url), clock);
    const messageId = queueReply(store, 'Your order shipped.');

    expect(await worker.sweep()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    now += 999;
    expect(await worker.sweep()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    now += 1;
    expect(await worker.sweep()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    now += 1999;
    expect(await worker.sweep()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    now += 1;
    expect(await worker.sweep()).toEqual({ delivered: 1, retried: 0, dead: 0 });

    expect(receiver.received).toHaveLength(3);
    // Every attempt carries the same delivery id and body, signed at the time of the attempt.
    const ids = new Set(receiver.received.map((r) => r.headers['x-shopkeep-delivery']));
    expect(ids.size).toBe(1);
    expect(receiver.received.map((r) => Number(r.headers['x-shopkeep-timestamp']) - START / 1000)).toEqual([0, 1, 3]);
    expect(JSON.parse(receiver.received[2]?.body ?? '{}')).toMatchObject({ id: messageId, text: 'Your order shipped.', conversationId: 'c1', userId: 'u1' });
    const [delivered] = store.webhookOutbox.list('delivered');
    expect(delivered).toMatchObject({ attempts: 3, lastError: null });
    store.close();
  });

  it('dead-letters a delivery after the last attempt and keeps why', async () => {
    receiver = await startReceiver(() => 500);
    const store = openStore({ file: path.join(dir.dir, 'shop.db'), clock, ids: sequentialIds() });
    const worker = new WebhookOutboxWorker(store, policy(receiver.url, 3), clock);
    queueReply(store, 'hello');
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) {
      outcomes.push(await worker.sweep());
      now += 60_000;
    }
    expect(outcomes.map((o) => o.dead)).toEqual([0, 0, 1]);
    expect(await worker.sweep()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(receiver.received).toHaveLength(3);
    expect(store.webhookOutbox.list('dead')).toEqual([expect.objectContaining({ attempts: 3, lastError: 'HTTP 500' })]);
    store.close();
  });

  it('keeps pending retries through a restart and sends a conversation in order', async () => {
    receiver = await startReceiver((n) => (n === 1 ? 503 : 200));
    const file = path.join(dir.dir, 'shop.db');
    const first = openStore({ file, clock, ids: sequentialIds() });
    queueReply(first, 'first');
    queueReply(first, 'second');
    // The first fails; the second waits behind it rather than overtaking.
    expect(await new WebhookOutboxWorker(first, policy(receiver.url), clock).sweep()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    first.close();

    now += 1000;
    const reopened = openStore({ file, clock, ids: sequentialIds() });
    expect(await new WebhookOutboxWorker(reopened, policy(receiver.url), clock).sweep()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { text: string }).text)).toEqual(['first', 'first', 'second']);
    reopened.close();
  });

  it('counts an unreachable callback as a failed attempt', async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const store = openStore({ file: ':memory:', clock, ids: sequentialIds() });
    queueReply(store, 'hello');
    expect(await new WebhookOutboxWorker(store, policy(url), clock).sweep()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(store.webhookOutbox.list('pending')[0]?.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    store.close();
  });
});
