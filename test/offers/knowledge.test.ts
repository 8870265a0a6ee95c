import type { Order } from '../../store';
import { browse, offerFixture } from './fixtures';

const DAY_MS = 86_400_000;

function order(id: string, customerId: string, placedAtMs: number, totalMinor: number): Order {
  const placedAt = new Date(placedAtMs).toISOString();
  return {
    id, customerId, email: `${customerId}@example.com`, status: 'delivered', placedAt, totalMinor, currency: 'GBP', carrier: null, trackingNumber: null,
    shippedAt: null, eta: null, deliveredAt: null, shippingCountry: null, shippingAddress: null, updatedAt: placedAt, items: [],
  };
}

describe('what the offer engine knows about the shop', () => {
  it('computes page statistics from past visits: pages of buying visits have value, dead ends bounce', () => {
    const f = offerFixture();
    for (let i = 0; i < 30; i++) {
      const sessionId = browse(f, 1);
      f.store.sessions.recordEvent({ sessionId, type: 'page_view', pageType: 'product', url: '/p/hot' });
      f.clock.advance(20_000);
      f.store.sessions.recordEvent({ sessionId, type: 'purchase', productId: 'hot' });
      f.clock.advance(3_600_000);
      const bounced = f.store.sessions.create('en');
      f.store.sessions.recordEvent({ sessionId: bounced.id, type: 'page_view', pageType: 'informational', url: '/dead-end' });
    }
    f.knowledge.refresh(f.clock.now());
    const hot = f.knowledge.pageStats.get('/p/hot');
    const deadEnd = f.knowledge.pageStats.get('/dead-end');
    expect(hot?.pageValue).toBeGreaterThan(10);
    expect(deadEnd?.pageValue).toBe(0);
    expect(deadEnd?.bounceRate).toBeGreaterThan(0.5);
    expect(hot?.exitRate).toBeGreaterThan(0.5);
  });

  it('segments customers by k-means on RFM and prices offers by the segment\'s typical order', () => {
    const f = offerFixture();
    const now = f.clock.now();
    const customers = Array.from({ length: 24 }, (_, i) => ({ id: `c${i}`, email: `c${i}@example.com`, name: 'C', country: null, locale: null, createdAt: new Date(now - 800 * DAY_MS).toISOString() }));
    f.store.customers.upsertMany(customers);
    const orders: Order[] = [];
    customers.forEach((c, i) => {
      // loyal: many recent large orders; lapsed: one small order long ago
      const loyal = i < 12;
      const count = loyal ? 8 : 1;
      for (let k = 0; k < count; k++) orders.push(order(`o${i}-${k}`, c.id, now - (loyal ? 5 + k * 10 : 400 + i) * DAY_MS, loyal ? 20_000 : 2_000));
    });
    f.store.orders.upsertMany(orders);
    f.knowledge.refresh(now);
    expect(f.knowledge.segmentModel?.segments.length).toBe(4);
    const loyal = f.knowledge.segmentOf(f.knowledge.rfmOf('c0', now));
    const lapsed = f.knowledge.segmentOf(f.knowledge.rfmOf('c20', now));
    expect(loyal).not.toBe(lapsed);
    expect(f.knowledge.expectedOrderValue(loyal)).toBeCloseTo(200, 5);
    expect(f.knowledge.expectedOrderValue(lapsed)).toBeCloseTo(20, 5);
    expect(f.knowledge.segmentOf(undefined)).toBe('new');
  });

  it('speaks the conversation\'s language', () => {
    const f = offerFixture();
    const session = f.store.sessions.create('zh');
    f.store.conversations.openForSession(session.id, 'widget', 'zh');
    f.store.sessions.recordEvent({ sessionId: session.id, type: 'page_view', pageType: 'product', url: '/p/1' });
    f.engine.consider(session.id);
    expect(f.posted[0]?.text).toMatch(/优惠券.*10%/);
  });
});
