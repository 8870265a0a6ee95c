import { offerReport, redeemCoupon } from '../../bot/offers';
import { upliftReport } from '../../models';
import { openStore, sequentialIds, type OfferAction, type Order, type Store } from '../../store';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-11-01T09:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

interface Shopper {
  segment: string;
  action: OfferAction;
  /** How the shopper bought, if they did, and how long after the decision. */
  bought?: { via: 'tracker' | 'order' | 'coupon'; afterMs: number };
}

/**
 * A period with known answers. Segment "new": 70 offered of whom 56 bought (tracker purchase),
 * 80 held out of whom 48 bought: Newcombe (1998) example (a), uplift 0.2 in [0.0524, 0.3339].
 * Segment "lapsed": 10 offered, 3 redeemed their coupon on 100.00 orders; 10 held out, one
 * ordered within the window, one only after it.
 */
function shoppers(): Shopper[] {
  const list: Shopper[] = [];
  const add = (n: number, s: Shopper): void => void list.push(...Array.from({ length: n }, () => ({ ...s })));
  add(56, { segment: 'new', action: 'offer', bought: { via: 'tracker', afterMs: DAY_MS } });
  add(14, { segment: 'new', action: 'offer' });
  add(48, { segment: 'new', action: 'hold-out', bought: { via: 'tracker', afterMs: 2 * DAY_MS } });
  add(32, { segment: 'new', action: 'hold-out' });
  add(3, { segment: 'lapsed', action: 'offer', bought: { via: 'coupon', afterMs: DAY_MS } });
  add(7, { segment: 'lapsed', action: 'offer' });
  add(1, { segment: 'lapsed', action: 'hold-out', bought: { via: 'order', afterMs: 3 * DAY_MS } });
  add(1, { segment: 'lapsed', action: 'hold-out', bought: { via: 'order', afterMs: 8 * DAY_MS } });
  add(8, { segment: 'lapsed', action: 'hold-out' });
  return list;
}

function order(id: string, customerId: string, placedAt: string): Order {
  return {
    id, customerId, email: `${customerId}@example.com`, status: 'paid', placedAt, totalMinor: 10_000, currency: 'GBP', carrier: null, trackingNumber: null,
    shippedAt: null, eta: null, deliveredAt: null, shippingCountry: null, shippingAddress: null, updatedAt: placedAt, items: [],
  };
}

/** A clock the fixture sets to each event's time. */
interface SettableClock {
  now(): number;
  set(ms: number): void;
}

function seed(store: Store, clock: SettableClock): void {
  shoppers().forEach((s, i) => {
    const customerId = s.segment === 'lapsed' ? `cus_${i}` : null;
    if (customerId) store.customers.upsertMany([{ id: customerId, email: `${customerId}@example.com`, name: 'A', country: null, locale: null, createdAt: iso(START - 400 * DAY_MS) }]);
    const at = START + i * 60_000;
    clock.set(at);
    const session = store.sessions.create('en', customerId);
    const lapsed = s.segment === 'lapsed';
    const cost = s.action === 'offer' ? (lapsed ? 500 : 400) : 0;
    const decisionId = `ofr_${i}`;
    store.offers.record({ id: decisionId, shopperKey: customerId ? `customer:${customerId}` : `session:${session.id}`, sessionId: session.id, customerId, conversationId: null,
      action: s.action, segment: s.segment, pPurchase: 0.3, discountPercent: lapsed ? 15 : 10, costMinor: cost, budgetDay: iso(at).slice(0, 10), at: iso(at) });
    if (s.action === 'offer') store.coupons.issue({ code: `SK-TEST-${i}`, decisionId, sessionId: session.id, customerId, percentOff: lapsed ? 15 : 10, createdAt: iso(at), expiresAt: iso(at + 3 * DAY_MS) });
    if (!s.bought) return;
    const when = at + s.bought.afterMs;
    if (s.bought.via === 'tracker') {
      clock.set(when);
      store.sessions.recordEvent({ sessionId: session.id, type: 'purchase', productId: 'p1' });
    } else if (s.bought.via === 'order' && customerId) {
      store.orders.upsertMany([order(`ord_${i}`, customerId, iso(when))]);
    } else {
      redeemCoupon(store, { code: `SK-TEST-${i}`, orderId: `ord_${i}`, orderValueMinor: 10_000, at: iso(when), actor: 'test' });
    }
  });
  // the first "new" offered shopper is offered again 8 days later: two offers, one shopper
  const first = store.offers.between(iso(START), iso(START + 1))[0]!;
  store.offers.record({ ...first, id: 'ofr_again', at: iso(START + 8 * DAY_MS), budgetDay: iso(START + 8 * DAY_MS).slice(0, 10) });
}

describe('offers report', () => {
  let t = START;
  const clock: SettableClock = { now: () => t, set: (ms) => void (t = ms) };
  const store = openStore({ file: ':memory:', clock, ids: sequentialIds() });
  seed(store, clock);
  const report = offerReport(store, { fromIso: iso(START), toIso: iso(START + 30 * DAY_MS), attributionDays: 7 });

  it('counts offers, hold-outs, redemptions, cost, discount given and revenue', () => {
    expect(report).toEqual(expect.objectContaining({ offers: 81, holdOuts: 90, redeemed: 3, cost: 71 * 4 + 10 * 5, discountGiven: 45, revenue: 300 }));
  });

  it('gives the known uplift and interval per segment (Newcombe 1998, example (a))', () => {
    const fresh = report.segments.find((s) => s.segment === 'new')!;
    expect(fresh.conversion.offered).toEqual({ shoppers: 70, converted: 56, rate: 0.8 });
    expect(fresh.conversion.holdOut).toEqual({ shoppers: 80, converted: 48, rate: 0.6 });
    expect(fresh.conversion.uplift).toBeCloseTo(0.2, 10);
    expect(fresh.conversion.interval.lower).toBeCloseTo(0.0524, 4);
    expect(fresh.conversion.interval.upper).toBeCloseTo(0.3339, 4);
    expect(fresh.conversion.significant).toBe(true);
  });

  it('counts conversion by assigned group within the attribution window, including orders and coupons', () => {
    const lapsed = report.segments.find((s) => s.segment === 'lapsed')!;
    expect(lapsed.conversion.offered).toEqual({ shoppers: 10, converted: 3, rate: 0.3 });
    expect(lapsed.conversion.holdOut).toEqual({ shoppers: 10, converted: 1, rate: 0.1 });
    expect(lapsed).toEqual(expect.objectContaining({ offers: 10, holdOuts: 10, redeemed: 3, cost: 50, revenue: 300 }));
    const total = upliftReport({ shoppers: 80, converted: 59 }, { shoppers: 90, converted: 49 });
    expect(report.conversion).toEqual(expect.objectContaining({ offered: { shoppers: 80, converted: 59, rate: 59 / 80 }, uplift: total.uplift, interval: total.interval }));
    // a longer window also counts the late order
    const longer = offerReport(store, { fromIso: iso(START), toIso: iso(START + 30 * DAY_MS), attributionDays: 10 });
    expect(longer.segments.find((s) => s.segment === 'lapsed')?.conversion.holdOut.converted).toBe(2);
  });

  it('covers only decisions made in the period', () => {
    const none = offerReport(store, { fromIso: iso(START - 10 * DAY_MS), toIso: iso(START) });
    expect(none).toEqual(expect.objectContaining({ offers: 0, holdOuts: 0, segments: [] }));
    expect(none.conversion.offered.rate).toBe(0);
  });
});
