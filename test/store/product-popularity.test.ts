import { openStore, sequentialIds, type Order, type Product, type Store } from '../../store';

const CLOCK = { now: () => Date.parse('2026-11-20T10:00:00Z') };

function product(id: string, name: string, category = 'Kitchen & Dining'): Product {
  return { id, name, description: '', category, priceMinor: 500, currency: 'GBP', stock: 10, imageUrl: null, attributes: {}, updatedAt: '2026-11-01T00:00:00.000Z' };
}

function order(id: string, items: Array<[string, number]>): Order {
  return {
    id, customerId: null, email: 'ann@example.com', status: 'paid', placedAt: '2026-11-18T09:00:00.000Z', totalMinor: 1000, currency: 'GBP',
    carrier: null, trackingNumber: null, shippedAt: null, eta: null, deliveredAt: null, shippingCountry: null, shippingAddress: null,
    updatedAt: '2026-11-18T09:00:00.000Z',
    items: items.map(([productId, quantity]) => ({ productId, name: productId, quantity, unitPriceMinor: 500 })),
  };
}

const popularNames = (store: Store): string[] => store.products.list({ category: 'Kitchen & Dining', sort: 'popular' }).items.map((p) => p.name);

describe('best sellers first', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ file: ':memory:', clock: CLOCK, ids: sequentialIds() });
    store.products.upsertMany([product('A', 'Apron'), product('B', 'Bowl'), product('C', 'Cup'), product('L', 'Lamp', 'Candles & Lights')]);
  });
  afterEach(() => store.close());

  it('orders a search by units sold, then by name, and keeps name order by default', () => {
    store.orders.upsertMany([order('1', [['C', 5], ['B', 1]]), order('2', [['C', 1], ['L', 50]])]);
    expect(popularNames(store)).toEqual(['Cup', 'Bowl', 'Apron']);
    expect(store.products.list({ category: 'Kitchen & Dining' }).items.map((p) => p.name)).toEqual(['Apron', 'Bowl', 'Cup']);
  });

  it('follows orders that are replaced with other lines', () => {
    store.orders.upsertMany([order('1', [['C', 5]])]);
    store.orders.upsertMany([order('1', [['A', 2], ['B', 1]])]);
    expect(popularNames(store)).toEqual(['Apron', 'Bowl', 'Cup']);
  });

  it('counts orders imported before their products, and keeps the count when a product is updated', () => {
    store.orders.upsertMany([order('1', [['N', 3]])]);
    store.products.upsertMany([product('N', 'New jug')]);
    expect(popularNames(store)[0]).toBe('New jug');
    store.products.upsertMany([{ ...product('N', 'New jug'), priceMinor: 450 }]);
    expect(popularNames(store)[0]).toBe('New jug');
  });
});
