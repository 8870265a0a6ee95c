import { DemoShopError, demoOrderSamples, demoShopRows, loadDemoShop, readDemoShop } from '../../data';
import { ORDER_STATUSES, openStore, type Order, type Store } from '../../store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Load times at different hours and seasons, so rounding of the time shift is exercised. */
const NOWS = ['2026-11-22T06:00:00Z', '2027-03-05T23:59:00Z', '2026-06-30T12:30:00Z', '2030-01-01T00:00:00Z'].map(Date.parse);

function dump(store: Store): unknown[] {
  return ['products', 'customers', 'orders', 'order_items'].map((table) =>
    store.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
  );
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every way an order's dates could contradict its status or the load time. */
function dateProblems(order: Order, now: number): string[] {
  const problems: string[] = [];
  const placed = Date.parse(order.placedAt);
  const shipped = order.shippedAt === null ? null : Date.parse(order.shippedAt);
  const delivered = order.deliveredAt === null ? null : Date.parse(order.deliveredAt);
  const updated = Date.parse(order.updatedAt);
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(`${order.id} (${order.status}): ${what}`);
  };
  check(placed <= now, 'placed after now');
  check(updated >= placed && updated <= now, 'updated outside placed..now');
  switch (order.status) {
    case 'pending':
    case 'paid':
    case 'processing':
      check(shipped === null && order.trackingNumber === null && delivered === null, 'shipment facts before dispatch');
      check(order.status === 'pending' ? order.eta === null : order.eta !== null && order.eta >= isoDate(now), 'estimate');
      break;
    case 'shipped':
      check(shipped !== null && shipped > placed && shipped <= now, 'shipped time');
      check(order.trackingNumber !== null && order.carrier !== null, 'tracking');
      check(delivered === null, 'delivered while in transit');
      check(order.eta !== null && order.eta >= isoDate(now) && shipped !== null && order.eta > isoDate(shipped), 'ETA of a parcel in transit');
      break;
    case 'delivered':
    case 'refunded':
      check(shipped !== null && delivered !== null && placed < shipped && shipped < delivered && delivered <= now, 'delivery times');
      check(order.eta !== null && shipped !== null && order.eta > isoDate(shipped), 'ETA after dispatch');
      break;
    case 'cancelled':
      check(order.carrier === null && order.trackingNumber === null && shipped === null && order.eta === null && delivered === null, 'shipment of a cancelled order');
      break;
    default:
      order.status satisfies never;
  }
  return problems;
}

describe('the demo shop', () => {
  let store: Store;

  beforeEach(() => {
    store = openStore({ file: ':memory:' });
  });

  afterEach(() => store.close());

  it('loads every product, customer and order of the demo files, without Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    const counts = loadDemoShop(store, { now: NOWS[0] as number });
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
    const data = readDemoShop();
    expect(counts).toEqual({ products: data.products.length, customers: data.customers.length, orders: data.orders.length });
    expect(counts.products).toBeGreaterThan(2000);
    expect(counts.customers).toBeGreaterThan(800);
    expect(counts.orders).toBeGreaterThan(1000);
    expect(store.products.all()).toHaveLength(counts.products);
    expect(store.customers.count()).toBe(counts.customers);
    expect(store.orders.count()).toBe(counts.orders);
  });

  it('gives every order lines of catalog products, its customer, email, country and a true total', () => {
    loadDemoShop(store, { now: NOWS[0] as number });
    const orphans = store.db.prepare('SELECT count(*) FROM order_items WHERE product_id NOT IN (SELECT id FROM products)').pluck().get();
    expect(orphans).toBe(0);
    const mismatched = store.db
      .prepare(`SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.email <> c.email OR o.shipping_country IS NOT c.country OR o.shipping_address IS NULL`)
      .pluck()
      .get();
    expect(mismatched).toBe(0);
    const wrongTotals = store.db
      .prepare(`SELECT count(*) FROM orders o WHERE total_minor <>
        (SELECT sum(quantity * unit_price_minor) FROM order_items i WHERE i.order_id = o.id)`)
      .pluck()
      .get();
    expect(wrongTotals).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM orders WHERE customer_id IS NULL').pluck().get()).toBe(0);
  });

  it('gives identical rows for the same load time', () => {
    loadDemoShop(store, { now: NOWS[1] as number });
    const other = openStore({ file: ':memory:' });
    try {
      loadDemoShop(other, { now: NOWS[1] as number });
      expect(dump(other)).toEqual(dump(store));
    } finally {
      other.close();
    }
  });

  it('refuses a database that already has shop data, and leaves it as it was', () => {
    loadDemoShop(store, { now: NOWS[0] as number });
    expect(() => loadDemoShop(store, { now: NOWS[0] as number })).toThrow(DemoShopError);
    const fresh = openStore({ file: ':memory:' });
    try {
      fresh.customers.upsertMany([{ id: 'c1', email: 'shop@example.com', name: 'Own', country: null, locale: null, createdAt: '2026-01-01T00:00:00.000Z' }]);
      expect(() => loadDemoShop(fresh, { now: NOWS[0] as number })).toThrow(/only into an empty database/);
      expect(fresh.customers.count()).toBe(1);
      expect(fresh.products.all()).toHaveLength(0);
    } finally {
      fresh.close();
    }
  });

  it('keeps the sample orders of the README at their status whenever the demo is loaded', () => {
    const samples = demoOrderSamples();
    expect(samples.map((s) => s.status)).toEqual(expect.arrayContaining(['shipped', 'delivered', 'processing', 'cancelled', 'refunded']));
    for (const now of NOWS.slice(0, 2)) {
      const target = openStore({ file: ':memory:' });
      try {
        loadDemoShop(target, { now });
        for (const sample of samples) {
          expect(target.orders.findByIdAndEmail(sample.orderId, sample.email.toUpperCase())?.status).toBe(sample.status);
        }
      } finally {
        target.close();
      }
    }
  });
});

describe('the demo shop placed in time', () => {
  const data = readDemoShop();

  it.each(NOWS.map((now) => [new Date(now).toISOString(), now]))('has dates that agree with every status at %s', (_label, now) => {
    const { orders, customers } = demoShopRows(data, now);
    const problems = orders.flatMap((order) => dateProblems(order, now));
    expect(problems).toEqual([]);
    const newest = Math.max(...orders.map((o) => Date.parse(o.placedAt)));
    expect(now - newest).toBeGreaterThanOrEqual(1.5 * DAY);
    expect(now - newest).toBeLessThanOrEqual(2.5 * DAY);
    expect(customers.every((c) => Date.parse(c.createdAt) <= now)).toBe(true);
  });

  it.each(NOWS.map((now) => [new Date(now).toISOString(), now]))('has recent parcels on their way at %s', (_label, now) => {
    const { orders } = demoShopRows(data, now);
    const recent = orders.filter((o) => now - Date.parse(o.placedAt) < 4 * DAY);
    const inTransit = recent.filter((o) => o.status === 'shipped' && o.eta !== null && o.eta > isoDate(now));
    expect(inTransit.length).toBeGreaterThan(10);
    const old = orders.filter((o) => now - Date.parse(o.placedAt) > 12 * DAY);
    const settled = old.filter((o) => o.status === 'delivered' || o.status === 'cancelled' || o.status === 'refunded');
    expect(settled.length / old.length).toBeGreaterThan(0.97);
    const statuses = new Set(orders.map((o) => o.status));
    expect(ORDER_STATUSES.filter((s) => statuses.has(s)).length).toBeGreaterThanOrEqual(5);
  });
});
