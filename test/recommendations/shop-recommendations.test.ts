import path from 'node:path';
import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { RecommendationService, SKILLS, ShopBot, SqliteStorage, recommendationsSkill, type ProductCard, type RecommendationServiceOptions } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { rebuildSnapshot } from '../../recommender';
import { openStore, sequentialIds, type Order, type Product, type Store } from '../../store';
import { startShop, tempDir } from '../support/shop-server';

const NOW = Date.parse('2026-11-20T10:00:00Z');

function product(id: string, name: string, category: string, pence: number): Product {
  return { id, name, description: name.toLowerCase(), category, priceMinor: pence, currency: 'GBP', stock: 10, imageUrl: null, attributes: {}, updatedAt: '2026-11-01' };
}

const PRODUCTS = [
  product('LANTERN', 'White Moroccan Lantern', 'Candles & Lights', 1495),
  product('TLIGHT', 'Heart T-Light Holder', 'Candles & Lights', 295),
  product('CANDLE', 'Vanilla Scented Candle', 'Candles & Lights', 450),
  product('MUG', 'Spotty Tea Mug', 'Kitchen & Dining', 325),
  product('TEAPOT', 'Floral Teapot', 'Kitchen & Dining', 2450),
  product('APRON', 'Red Retrospot Apron', 'Kitchen & Dining', 595),
  product('CARD', 'Birthday Card', 'Stationery & Cards', 95),
];

/** Lantern buyers also buy t-lights and candles; mug buyers buy teapots and aprons. */
const BASKETS: Record<string, string[]> = {
  c1: ['LANTERN', 'TLIGHT', 'CANDLE'],
  c2: ['LANTERN', 'TLIGHT'],
  c3: ['LANTERN', 'CANDLE', 'TLIGHT'],
  c4: ['MUG', 'TEAPOT', 'APRON'],
  c5: ['MUG', 'TEAPOT'],
  c6: ['MUG', 'APRON', 'CARD'],
  c7: ['LANTERN'],
};

function seed(store: Store): void {
  store.products.upsertMany(PRODUCTS);
  store.customers.upsertMany(
    Object.keys(BASKETS).map((id) => ({ id, email: `${id}@example.com`, name: id, country: 'United Kingdom', locale: 'en', createdAt: '2026-01-01' })),
  );
  const orders: Order[] = Object.entries(BASKETS).map(([customerId, items], n) => ({
    id: `50000${n}`, customerId, email: `${customerId}@example.com`, status: 'delivered', placedAt: `2026-10-0${n + 1}T10:00:00.000Z`,
    totalMinor: 0, currency: 'GBP', carrier: null, trackingNumber: null, shippedAt: null, eta: null, deliveredAt: null,
    shippingCountry: null, shippingAddress: null, updatedAt: '2026-10-10',
    items: items.map((productId) => ({ productId, name: productId, quantity: 1, unitPriceMinor: 100 })),
  }));
  store.orders.upsertMany(orders);
}

/** Rebuilds in the test's own thread, so each case does not start a worker. */
const IN_PROCESS: RecommendationServiceOptions = { rebuild: async (input) => rebuildSnapshot(input.interactions, { catalog: input.catalog }) };

describe('shop recommendations', () => {
  let store: Store;
  let service: RecommendationService;

  beforeEach(() => {
    store = openStore({ file: ':memory:', clock: { now: () => NOW }, ids: sequentialIds() });
    seed(store);
    service = new RecommendationService(store, IN_PROCESS);
  });

  afterEach(() => store.close());

  it('suggests best sellers until the first build, then learns what goes together', async () => {
    expect(service.ready).toBe(false);
    expect(service.forShopper({ sessionId: 'ses_x' }, { k: 2 }).map((r) => r.reason.kind)).toEqual(['popular', 'popular']);
    await service.rebuildNow();
    expect(service.ready).toBe(true);
    const together = service.goesWith(['LANTERN'], { k: 2 }).map((r) => r.itemId);
    expect(together.sort()).toEqual(['CANDLE', 'TLIGHT']);
  });

  it('never suggests what the customer already bought', async () => {
    await service.rebuildNow();
    const ids = service.forShopper({ sessionId: 'ses_c2', customerId: 'c2' }, { k: 5 }).map((r) => r.itemId);
    expect(ids).not.toContain('LANTERN');
    expect(ids).not.toContain('TLIGHT');
    expect(ids[0]).toBe('CANDLE');
  });

  it('follows what an anonymous shopper views as the tracker reports it', async () => {
    await service.rebuildNow();
    const session = store.sessions.create('en');
    store.sessions.recordEvent({ sessionId: session.id, type: 'product_view', productId: 'MUG' });
    service.record({ sessionId: session.id }, 'product_view', 'MUG');
    const top = service.forShopper({ sessionId: session.id }, { k: 2 });
    expect(top.map((r) => r.itemId).sort()).toEqual(['APRON', 'TEAPOT']);
    expect(top.every((r) => r.reason.kind !== 'popular')).toBe(true);
  });

  it('applies price filters to every answer', async () => {
    await service.rebuildNow();
    const cheap = service.forShopper({ sessionId: 'ses_c4', customerId: 'c4' }, { k: 5, filter: { maxPrice: 5 } });
    for (const r of cheap) expect((store.products.findById(r.itemId)?.priceMinor ?? 0) / 100).toBeLessThanOrEqual(5);
  });

  it('rebuilds in a worker thread by default', async () => {
    const threaded = new RecommendationService(store);
    await threaded.rebuildNow();
    expect(threaded.ready).toBe(true);
    expect(threaded.goesWith(['MUG'], { k: 2 }).map((r) => r.itemId).sort()).toEqual(['APRON', 'TEAPOT']);
  });
});

describe('recommendations in chat', () => {
  let store: Store;
  let nlu: Nlu;
  let adapter: TestAdapter;

  beforeAll(async () => {
    nlu = await createBuiltinNlu({ catalog: PRODUCTS.map((p) => ({ id: p.id, name: p.name })) });
  });

  beforeEach(async () => {
    store = openStore({ file: ':memory:', clock: { now: () => NOW }, ids: sequentialIds() });
    seed(store);
    const service = new RecommendationService(store, IN_PROCESS);
    await service.rebuildNow();
    const bot = new ShopBot({ nlu, store, conversationState: new ConversationState(new SqliteStorage(store)), skills: [...SKILLS, recommendationsSkill(service)] });
    adapter = new TestAdapter((context) => bot.run(context));
  });

  afterEach(() => store.close());

  const cardsOf = (a: Partial<Activity>): ProductCard[] => (a.attachments?.[0]?.content as ProductCard[] | undefined) ?? [];

  it('answers "something like X" with cards that say why', async () => {
    await adapter.send('do you have something like the white moroccan lantern?').assertReply((a) => {
      expect(a.text).toMatch(/like White Moroccan Lantern/);
      const cards = cardsOf(a);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.map((c) => c.id)).not.toContain('LANTERN');
      expect(cards[0]?.reason).toMatch(/White Moroccan Lantern/);
    });
  });

  it('answers "what goes with this?" from the product the shopper is looking at', async () => {
    const conversationId = adapter.conversation.conversation.id;
    const session = store.sessions.create('en');
    store.db.prepare("INSERT INTO conversations (id, session_id, channel, locale, status, started_at, updated_at) VALUES (?, ?, 'widget', 'en', 'open', '2026-11-20', '2026-11-20')").run(conversationId, session.id);
    store.sessions.recordEvent({ sessionId: session.id, type: 'product_view', productId: 'MUG' });
    await adapter.send('what goes with this?').assertReply((a) => {
      expect(a.text).toMatch(/go well with Spotty Tea Mug/);
      expect(cardsOf(a).slice(0, 2).map((c) => c.id).sort()).toEqual(['APRON', 'TEAPOT']);
      expect(cardsOf(a).map((c) => c.id)).not.toContain('MUG');
    });
  });

  it('follows "it" back to the product just talked about in the chat', async () => {
    await adapter.send('how much is the spotty tea mug?').assertReply((a) => expect(a.text).toMatch(/Spotty Tea Mug costs/));
    await adapter.send('what goes with it?').assertReply((a) => {
      expect(a.text).toMatch(/go well with Spotty Tea Mug/);
      expect(cardsOf(a).map((c) => c.id)).not.toContain('MUG');
    });
    await adapter.send('anything similar to it?').assertReply((a) => expect(a.text).toMatch(/like Spotty Tea Mug/));
  });

  it('asks which product when "something like that" names none', async () => {
    await adapter.send('have you got anything similar to it?').assertReply((a) => expect(a.text).toMatch(/Which product/));
  });

  it('answers a general ask with suggestions and follow-ups, in Chinese too', async () => {
    await adapter.send('what would you recommend?').assertReply((a) => {
      expect(cardsOf(a).length).toBeGreaterThan(0);
      expect(cardsOf(a).every((c) => typeof c.reason === 'string' && c.reason.length > 0)).toBe(true);
      expect(a.suggestedActions?.actions.length).toBeGreaterThan(0);
    });
    await adapter.send('有什么推荐的吗？').assertReply((a) => {
      expect(a.text).toMatch(/推荐/);
      expect(cardsOf(a).length).toBeGreaterThan(0);
    });
  });

  it('keeps to the budget of "a gift under £5"', async () => {
    await adapter.send('can you recommend a gift for my mum under £5?').assertReply((a) => {
      expect(a.text).toMatch(/£5\.00/);
      const cards = cardsOf(a);
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(card.price).toBeLessThanOrEqual(5);
    });
  });
});

describe('GET /api/recommendations', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('serves the storefront strip for a session and refuses unknown ones', async () => {
    const server = await startShop(path.join(tmp.dir, 'shop.db'));
    try {
      const session = server.shop.store.sessions.create('en');
      const res = await fetch(`${server.url}/api/recommendations?sessionId=${session.id}&k=3`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string; name: string; price: number; reason: string }[] };
      expect(body.items).toHaveLength(3);
      expect(body.items[0]?.reason).toBe('Popular in our shop');
      expect((await fetch(`${server.url}/api/recommendations?sessionId=ses_nobody`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/recommendations?productId=NOPE`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/recommendations?sessionId=${session.id}&k=999`)).status).toBe(400);
    } finally {
      await server.stop();
    }
  });
});
