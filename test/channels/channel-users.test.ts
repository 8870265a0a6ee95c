import { ActivityHandler } from 'botbuilder';
import { TurnPipeline, WebhookOutboxWorker, linkChannelUser, type ChannelUser } from '../../bot';
import { openStore, sequentialIds, type Store } from '../../store';

const DAY = 86_400_000;
let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };
let store: Store;

beforeEach(() => {
  now = Date.UTC(2026, 0, 1);
  store = openStore({ file: ':memory:', clock, ids: sequentialIds() });
});
afterEach(() => store.close());

const ann: ChannelUser = { channel: 'botframework', externalKey: '["emulator","conv-1","ann"]', locale: 'en', reference: { serviceUrl: 'http://127.0.0.1:1/' } };

describe('channel users', () => {
  it('gives each member of a channel conversation one session and keeps the latest reference', () => {
    const first = linkChannelUser(store, ann);
    const again = linkChannelUser(store, { ...ann, reference: { serviceUrl: 'http://127.0.0.1:2/' } });
    const bob = linkChannelUser(store, { ...ann, externalKey: '["emulator","conv-1","bob"]' });
    expect(again.id).toBe(first.id);
    expect(bob.sessionId).not.toBe(first.sessionId);
    expect(first.channel).toBe('botframework');
    expect(store.channels.findBySession(first.sessionId)?.reference).toEqual({ serviceUrl: 'http://127.0.0.1:2/' });
  });

  it('starts a new conversation after the last was closed, in the same session', () => {
    const first = linkChannelUser(store, ann);
    store.conversations.close(first.id);
    const next = linkChannelUser(store, ann);
    expect(next.id).not.toBe(first.id);
    expect(next.sessionId).toBe(first.sessionId);
  });

  it('links a new session when the old one was erased', () => {
    const first = linkChannelUser(store, ann);
    store.db.pragma('foreign_keys = OFF');
    store.db.prepare('DELETE FROM messages').run();
    store.db.prepare('DELETE FROM conversations').run();
    store.db.prepare('DELETE FROM sessions').run();
    store.db.pragma('foreign_keys = ON');
    const next = linkChannelUser(store, ann);
    expect(next.sessionId).not.toBe(first.sessionId);
    expect(store.sessions.findById(next.sessionId)).toBeDefined();
  });

  it('forgets webhook receipts after their retention, at the outbox sweep', async () => {
    const conversation = linkChannelUser(store, { ...ann, channel: 'webhook', externalKey: '["c","u"]' });
    const pipeline = new TurnPipeline(store, new ActivityHandler());
    const { message } = pipeline.storeShopperMessage(conversation.id, 'hi', 'shop-msg-1');
    expect(store.channels.recordReceipt('shop-msg-1', message.id)).toBe(true);
    expect(store.channels.recordReceipt('shop-msg-1', message.id)).toBe(false);
    const policy = { callbackUrl: 'http://127.0.0.1:1/', secret: 's'.repeat(32), maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000, batchSize: 1, receiptRetentionMs: 7 * DAY };
    now += 6 * DAY;
    await new WebhookOutboxWorker(store, policy, clock).sweep();
    expect(store.channels.receipt('shop-msg-1')).toBe(message.id);
    now += 2 * DAY;
    await new WebhookOutboxWorker(store, policy, clock).sweep();
    expect(store.channels.receipt('shop-msg-1')).toBeUndefined();
  });
});
