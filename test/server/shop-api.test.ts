import path from 'node:path';
import { ask, connectShopper, startShop, tempDir, type TestShop } from '../support/shop-server';

const KEY = 'test-shop-key-0123456789abcdef';

function product(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: `Test Product ${id}`, priceMinor: 499, currency: 'GBP', stock: 3, ...extra };
}

describe('shop integration API over HTTP', () => {
  let shop: TestShop;
  let cleanup: () => void;

  async function call(method: string, route: string, body?: unknown, key: string | null = KEY): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const res = await fetch(`${shop.url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    shop = await startShop(path.join(dir.dir, 'shop.db'), {}, { SHOPKEEP_SHOP_API_KEY: KEY });
  });

  afterAll(async () => {
    await shop.stop();
    cleanup();
  });

  it('refuses requests without the key or with a wrong one', async () => {
    expect((await call('PUT', '/api/shop/products', { products: [product('T1')] }, null)).status).toBe(401);
    expect((await call('PUT', '/api/shop/products', { products: [product('T1')] }, `${KEY}x`)).status).toBe(401);
    expect(shop.shop.store.products.findById('T1')).toBeUndefined();
  });

  it('upserts the catalog in bulk and the storefront API shows it', async () => {
    const res = await call('PUT', '/api/shop/products', { products: [product('T1'), product('T2', { attributes: { colour: 'red' } })] });
    expect(res).toEqual({ status: 200, json: { stored: 2 } });
    const page = (await (await fetch(`${shop.url}/api/products/T2`)).json()) as Record<string, unknown>;
    expect(page).toMatchObject({ name: 'Test Product T2', price: 4.99, attributes: { colour: 'red' } });
    expect(shop.shop.store.audit.recent(1)[0]).toMatchObject({ actor: 'shop-api', action: 'products.upsert', after: { count: 2 } });
  });

  it('lists what is in stock first with sort=available', async () => {
    const gone = product('A1', { name: 'Aardvark Mug', stock: 0, category: 'Test Aisle' });
    const kept = product('A2', { name: 'Aardvark Mug Large', stock: 4, category: 'Test Aisle' });
    expect((await call('PUT', '/api/shop/products', { products: [gone, kept] })).json).toEqual({ stored: 2 });
    const list = async (sort: string): Promise<unknown[]> =>
      ((await (await fetch(`${shop.url}/api/products?category=${encodeURIComponent('Test Aisle')}&sort=${sort}`)).json()) as { items: { id: string }[] }).items.map((p) => p.id);
    expect(await list('name')).toEqual(['A1', 'A2']);
    expect(await list('available')).toEqual(['A2', 'A1']);
    expect((await fetch(`${shop.url}/api/products?sort=cheapest`)).status).toBe(400);
  });

  it('lets the bot answer about a product as soon as the shop upserts it, with its card over /shopper', async () => {
    const zebra = product('T9', { name: 'Zebra Print Picnic Blanket', priceMinor: 1899, stock: 5, category: 'Garden & Outdoor' });
    expect((await call('PUT', '/api/shop/products', { products: [zebra] })).json).toEqual({ stored: 1 });
    const { socket } = await connectShopper(shop.url);
    try {
      const reply = await ask(socket, 'how much is the zebra print picnic blanket?', 'p-1');
      expect(reply.text).toMatch(/Zebra Print Picnic Blanket costs £18\.99/);
      expect(reply.cards).toEqual([{ id: 'T9', name: 'Zebra Print Picnic Blanket', price: 18.99, currency: 'GBP', url: '/product.html?id=T9' }]);
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a batch with one bad row as a whole: 400 naming the field, nothing stored', async () => {
    const before = shop.shop.store.products.list({ limit: 1 }).total;
    const res = await call('PUT', '/api/shop/products', { products: [product('T3'), product('T4', { priceMinor: -1 })] });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/^products\.1\.priceMinor/);
    expect(shop.shop.store.products.findById('T3')).toBeUndefined();
    expect(shop.shop.store.products.list({ limit: 1 }).total).toBe(before);
    expect((await call('PUT', '/api/shop/orders', { orders: 'nope' })).status).toBe(400);
  });

  it('stores customers and orders, refusing orders of unknown customers', async () => {
    const order = {
      id: 'T-1001',
      customerId: 'C-1',
      email: 'tess@example.com',
      status: 'paid',
      placedAt: '2026-11-18T10:00:00Z',
      totalMinor: 998,
      currency: 'GBP',
      items: [{ productId: 'T1', name: 'Test Product T1', quantity: 2, unitPriceMinor: 499 }],
    };
    const refused = await call('PUT', '/api/shop/orders', { orders: [order] });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/unknown customer C-1/);
    expect(shop.shop.store.orders.findById('T-1001')).toBeUndefined();

    expect((await call('PUT', '/api/shop/customers', { customers: [{ id: 'C-1', email: 'tess@example.com', name: 'Tess' }] })).json).toEqual({ stored: 1 });
    expect((await call('PUT', '/api/shop/orders', { orders: [order] })).json).toEqual({ stored: 1 });
    expect(shop.shop.store.orders.findByIdAndEmail('T-1001', 'TESS@example.com')).toMatchObject({ status: 'paid', totalMinor: 998 });
  });

  it('applies order events once by event id, and 404s an unknown order', async () => {
    const shipped = { id: 'evt-ship-1', orderId: 'T-1001', type: 'shipped', at: '2026-11-19T08:00:00Z', carrier: 'DPD', trackingNumber: 'DPD-123' };
    expect((await call('POST', '/api/shop/order-events', shipped)).json).toEqual({ outcome: 'applied' });
    expect((await call('POST', '/api/shop/order-events', { ...shipped, carrier: 'Evri' })).json).toEqual({ outcome: 'duplicate' });
    expect(shop.shop.store.orders.findById('T-1001')).toMatchObject({ status: 'shipped', carrier: 'DPD', trackingNumber: 'DPD-123' });

    const delivered = { id: 'evt-del-1', orderId: 'T-1001', type: 'delivered', at: '2026-11-20T08:00:00Z' };
    expect((await call('POST', '/api/shop/order-events', delivered)).json).toEqual({ outcome: 'applied' });
    expect(shop.shop.store.orders.findById('T-1001')?.deliveredAt).toBe('2026-11-20T08:00:00Z');
    const actions = shop.shop.store.audit.listFor('order', 'T-1001').map((e) => e.action);
    expect(actions).toEqual(['order.shipped', 'order.delivered']);

    expect((await call('POST', '/api/shop/order-events', { ...delivered, id: 'evt-x', orderId: 'NOPE' })).status).toBe(404);
    expect((await call('POST', '/api/shop/order-events', { ...delivered, id: 'evt-y', type: 'lost' })).status).toBe(400);
  });

  it('sets policies and shipping zones', async () => {
    expect((await call('PUT', '/api/shop/policies', { returnWindowDays: 14 })).json).toMatchObject({ returnWindowDays: 14, refundProcessingDays: 5 });
    expect((await call('PUT', '/api/shop/policies', { returnWindowDays: -1 })).status).toBe(400);
    const zones = { zones: [{ id: 'uk', name: 'UK', countries: ['GB'], rates: [{ method: 'standard', priceMinor: 300, currency: 'GBP', minDays: 1, maxDays: 3 }] }] };
    expect((await call('PUT', '/api/shop/shipping-zones', zones)).json).toEqual({ stored: 1 });
    expect(shop.shop.store.shipping.zoneFor('GB')?.rates[0]?.priceMinor).toBe(300);
  });
});

describe('shop integration API without a key', () => {
  it('is disabled with a clear 503', async () => {
    const dir = tempDir();
    const shop = await startShop(path.join(dir.dir, 'shop.db'));
    try {
      const res = await fetch(`${shop.url}/api/shop/products`, { method: 'PUT', headers: { authorization: 'Bearer anything' } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/SHOPKEEP_SHOP_API_KEY/);
      // The demo shop got its shipping zones and payment records.
      expect(shop.shop.store.shipping.listZones().length).toBeGreaterThan(0);
    } finally {
      await shop.stop();
      dir.cleanup();
    }
  });
});
