import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS, StaleStateError, openStore, sequentialIds, type Order, type Store } from '../../store';

const CLOCK = { now: () => Date.parse('2026-11-20T10:00:00Z') };

function order(overrides: Partial<Order> = {}): Order {
  return {
    id: '536365',
    customerId: null,
    email: 'Ann@Example.com',
    status: 'shipped',
    placedAt: '2026-11-18T09:00:00.000Z',
    totalMinor: 1530,
    currency: 'GBP',
    carrier: 'Royal Mail',
    trackingNumber: 'RM123456789GB',
    shippedAt: '2026-11-19T09:00:00.000Z',
    eta: '2026-11-21',
    deliveredAt: null,
    shippingCountry: 'United Kingdom',
    shippingAddress: null,
    updatedAt: '2026-11-19T09:00:00.000Z',
    items: [{ productId: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPriceMinor: 255 }],
    ...overrides,
  };
}

describe('store', () => {
  let dir: string;
  let store: Store;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-store-'));
    store = openStore({ file: path.join(dir, 'shop.db'), clock: CLOCK, ids: sequentialIds() });
  });

  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs in WAL mode with every migration recorded once, even when reopened', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
    store = openStore({ file: path.join(dir, 'shop.db'), clock: CLOCK, ids: sequentialIds() });
    const versions = store.db.prepare('SELECT version FROM schema_migrations').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('shows an order only when the email on it matches', () => {
    store.orders.upsertMany([order()]);
    expect(store.orders.findByIdAndEmail('536365', ' ann@example.COM ')?.carrier).toBe('Royal Mail');
    expect(store.orders.findByIdAndEmail('536365', 'eve@example.com')).toBeUndefined();
    expect(store.orders.findById('536365')?.items).toHaveLength(1);
  });

  it('replaces order lines on upsert instead of duplicating them', () => {
    store.orders.upsertMany([order()]);
    store.orders.upsertMany([order({ status: 'delivered' })]);
    const stored = store.orders.findById('536365');
    expect(stored?.status).toBe('delivered');
    expect(stored?.items).toHaveLength(1);
  });

  it('stores a client message once however often it is sent', () => {
    const session = store.sessions.create('en');
    const conversation = store.conversations.openForSession(session.id, 'widget', 'en');
    const first = store.conversations.appendMessage({ conversationId: conversation.id, role: 'shopper', text: 'hi', clientId: 'c1' });
    const again = store.conversations.appendMessage({ conversationId: conversation.id, role: 'shopper', text: 'hi', clientId: 'c1' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.message.id).toBe(first.message.id);
    expect(store.conversations.messages(conversation.id)).toHaveLength(1);
  });

  it('keeps a conversation\'s last activity to the second, never moving it back', () => {
    const session = store.sessions.create('en');
    const conversation = store.conversations.openForSession(session.id, 'widget', 'en');
    const updatedAt = (): string | undefined => store.conversations.findById(conversation.id)?.updatedAt;
    const opened = updatedAt();
    expect(opened).toBe('2026-11-20T10:00:00.000Z');
    const writes = (): number => (store.db.prepare('SELECT total_changes()').pluck().get() as number);
    const before = writes();
    // A reply milliseconds after the message it answers leaves the row alone...
    store.conversations.touch(conversation.id, '2026-11-20T10:00:00.400Z');
    expect(writes()).toBe(before);
    expect(updatedAt()).toBe(opened);
    // ...a second later it is activity again...
    store.conversations.touch(conversation.id, '2026-11-20T10:00:01.000Z');
    expect(updatedAt()).toBe('2026-11-20T10:00:01.000Z');
    // ...and an earlier time (a slower writer) never takes it back.
    store.conversations.touch(conversation.id, '2026-11-20T09:59:00.000Z');
    expect(updatedAt()).toBe('2026-11-20T10:00:01.000Z');
    // A message touches it the same way.
    store.conversations.appendMessage({ conversationId: conversation.id, role: 'shopper', text: 'hi' });
    expect(updatedAt()).toBe('2026-11-20T10:00:01.000Z');
  });

  it('keeps one open conversation per session and channel, and starts a new one after closing', () => {
    const session = store.sessions.create('en');
    const a = store.conversations.openForSession(session.id, 'widget', 'en');
    expect(store.conversations.openForSession(session.id, 'widget', 'en').id).toBe(a.id);
    store.conversations.close(a.id);
    expect(store.conversations.openForSession(session.id, 'widget', 'en').id).not.toBe(a.id);
  });

  it('keeps messages and their annotations across a reopen of the file', () => {
    const session = store.sessions.create('zh');
    const conversation = store.conversations.openForSession(session.id, 'widget', 'zh');
    const { message } = store.conversations.appendMessage({ conversationId: conversation.id, role: 'shopper', text: '我的订单在哪里', clientId: 'x' });
    store.conversations.annotate(message.id, {
      locale: 'zh', intent: 'track_order', confidence: 0.93, sentimentLabel: 'neutral', sentimentScore: 0, entities: [],
    });
    store.close();
    store = openStore({ file: path.join(dir, 'shop.db'), clock: CLOCK, ids: sequentialIds() });
    const [stored] = store.conversations.messages(conversation.id);
    expect(stored?.text).toBe('我的订单在哪里');
    expect(stored?.annotations).toMatchObject({ intent: 'track_order', confidence: 0.93, locale: 'zh' });
  });

  it('records behaviour events only for known sessions', () => {
    const session = store.sessions.create('en');
    expect(store.sessions.recordEvent({ sessionId: session.id, type: 'product_view', productId: '85123A' })).toBeGreaterThan(0);
    expect(store.sessions.recordEvent({ sessionId: 'ses_unknown', type: 'page_view' })).toBeUndefined();
    expect(store.sessions.events(session.id).map((e) => e.productId)).toEqual(['85123A']);
  });

  it('rejects a state write with a stale etag', () => {
    store.botState.write(new Map([['conv/1', { value: { step: 1 } }]]));
    const current = store.botState.read(['conv/1']).get('conv/1');
    expect(current).toEqual({ value: { step: 1 }, etag: 1 });
    store.botState.write(new Map([['conv/1', { value: { step: 2 }, expectedEtag: 1 }]]));
    expect(() => store.botState.write(new Map([['conv/1', { value: { step: 3 }, expectedEtag: 1 }]]))).toThrow(StaleStateError);
    expect(store.botState.read(['conv/1']).get('conv/1')?.value).toEqual({ step: 2 });
  });

  it('leaves a state document written back unchanged as stored, and writes any change', () => {
    const etag = (): number | undefined => (store.db.prepare("SELECT etag FROM bot_state WHERE key = 'conv/1'").pluck().get() as number | undefined);
    store.botState.write(new Map([['conv/1', { value: { step: 1, memory: { locale: 'en' } } }]]));
    // Read, then written back as read: no write (the etag stays)...
    const read = store.botState.read(['conv/1']).get('conv/1');
    store.botState.write(new Map([['conv/1', { value: read?.value as Record<string, unknown> }]]));
    expect(etag()).toBe(1);
    // ...a change after a read is written...
    store.botState.read(['conv/1']);
    store.botState.write(new Map([['conv/1', { value: { step: 2, memory: { locale: 'en' } } }]]));
    expect(etag()).toBe(2);
    // ...and so is a write with no read before it, or the same value twice after one read.
    store.botState.write(new Map([['conv/1', { value: { step: 2, memory: { locale: 'en' } } }]]));
    expect(etag()).toBe(3);
    // A document deleted elsewhere after the read is not brought back by an unchanged write.
    store.botState.read(['conv/1']);
    store.db.prepare("DELETE FROM bot_state WHERE key = 'conv/1'").run();
    store.botState.write(new Map([['conv/1', { value: { step: 2, memory: { locale: 'en' } } }]]));
    expect(etag()).toBeUndefined();
    // A text read inside a transaction that is rolled back is not taken for the stored one.
    store.botState.write(new Map([['conv/1', { value: { step: 1 } }]]));
    expect(() =>
      store.db.transaction(() => {
        store.botState.write(new Map([['conv/1', { value: { step: 9 } }]]));
        store.botState.read(['conv/1']);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    store.botState.write(new Map([['conv/1', { value: { step: 9 } }]]));
    expect(store.botState.read(['conv/1']).get('conv/1')?.value).toEqual({ step: 9 });
  });

  it('matches catalog words literally, wildcards included', () => {
    const base = { description: '', category: 'home', currency: 'GBP', stock: 5, imageUrl: null, attributes: {}, updatedAt: '2026-01-01' };
    store.products.upsertMany([
      { ...base, id: 'A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', priceMinor: 255 },
      { ...base, id: 'B', name: '100% COTTON TOTE', priceMinor: 450 },
    ]);
    expect(store.products.list({ text: 'heart white' }).items.map((p) => p.id)).toEqual(['A']);
    expect(store.products.list({ text: '100%' }).items.map((p) => p.id)).toEqual(['B']);
    expect(store.products.list({ text: '%' }).total).toBe(1);
    expect(store.products.list({ maxPriceMinor: 300 }).items.map((p) => p.id)).toEqual(['A']);
  });
});
