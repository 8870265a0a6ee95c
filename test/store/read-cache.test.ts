import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore, sequentialIds, type Product, type Store } from '../../store';
import { ReadCache } from '../../store/read-cache';
import { testOrder } from '../bot/shop-fixture';

function product(id: string, name: string, extra: Partial<Product> = {}): Product {
  return { id, name, description: '', category: 'Candles & Lights', priceMinor: 500, currency: 'GBP', stock: 3, imageUrl: null, attributes: {}, updatedAt: '2026-11-01T00:00:00.000Z', ...extra };
}

/** Counts the statements run against products (the cache's own version query aside). */
function countProductQueries(store: Store): () => number {
  let count = 0;
  const prepare = store.db.prepare.bind(store.db);
  jest.spyOn(store.db, 'prepare').mockImplementation((sql: string) => {
    const statement = prepare(sql);
    if (!/FROM products/.test(sql)) return statement;
    for (const method of ['all', 'get'] as const) {
      const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        count += 1;
        return run(...args);
      };
    }
    return statement;
  });
  return () => count;
}

const lanterns = { text: 'lantern', sort: 'available', limit: 5 } as const;

describe('catalog reads kept between writes', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-read-cache-'));
    store = openStore({ file: path.join(dir, 'shop.db'), ids: sequentialIds() });
    store.products.upsertMany([product('L1', 'Paper Lantern'), product('L2', 'Glass Lantern', { stock: 0 }), product('M1', 'Mug')]);
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the same search again without asking SQLite, and the answer cannot be changed by a reader', () => {
    const queries = countProductQueries(store);
    const first = store.products.list(lanterns);
    const again = store.products.list({ ...lanterns });
    expect(again).toBe(first);
    expect(queries()).toBe(1);
    expect(first.items.map((p) => p.id)).toEqual(['L1', 'L2']);
    // (Messages, not TypeError: the store's arrays come from outside the test's realm.)
    expect(() => {
      (first.items[0] as Product).stock = 99;
    }).toThrow(/read only/);
    expect(() => first.items.push(product('X', 'X'))).toThrow(/not extensible/);
    expect(() => {
      (first.items[0] as Product).attributes.colour = 'red';
    }).toThrow(/not extensible/);
    // A different question is its own answer.
    expect(store.products.list({ ...lanterns, limit: 1 }).items).toHaveLength(1);
    expect(queries()).toBe(3); // the page of one, then its count
  });

  it('reads again after the catalog changes through this store', () => {
    expect(store.products.list(lanterns).items.map((p) => p.id)).toEqual(['L1', 'L2']);
    store.products.upsertMany([product('L2', 'Glass Lantern', { stock: 8 })]);
    expect(store.products.list(lanterns).items.map((p) => [p.id, p.stock])).toEqual([['L2', 8], ['L1', 3]]); // in stock first now
    expect(store.products.findById('L2')?.stock).toBe(8);
  });

  it('reads again after an order changes what sold (a trigger writes the products)', () => {
    store.products.upsertMany([product('L3', 'Tin Lantern')]);
    expect(store.products.list(lanterns).items.map((p) => p.id)).toEqual(['L1', 'L3', 'L2']);
    store.orders.upsertMany([testOrder('900001', 'ann@example.com', 'paid', { items: [{ productId: 'L3', name: 'Tin Lantern', quantity: 4, unitPriceMinor: 500 }] })]);
    // In stock first, best sellers first: the lantern just sold leads now.
    expect(store.products.list(lanterns).items.map((p) => p.id)).toEqual(['L3', 'L1', 'L2']);
  });

  it('reads again after another process writes the catalog', () => {
    expect(store.products.findById('M1')?.name).toBe('Mug');
    expect(store.policies.get().returnWindowDays).toBe(30);
    const zones = store.shipping.listZones();
    const other = new BetterSqlite3(path.join(dir, 'shop.db'));
    try {
      other.prepare("UPDATE products SET name = 'Tea Mug' WHERE id = 'M1'").run();
      other.prepare("INSERT INTO shop_policies (key, value, updated_at) VALUES ('returnWindowDays', '60', '2026-11-01T00:00:00.000Z')").run();
      other.prepare('DELETE FROM shipping_rates').run();
    } finally {
      other.close();
    }
    expect(store.products.findById('M1')?.name).toBe('Tea Mug');
    expect(store.policies.get().returnWindowDays).toBe(60);
    expect(zones.some((z) => z.rates.length > 0)).toBe(zones.length > 0);
    expect(store.shipping.listZones().every((z) => z.rates.length === 0)).toBe(true);
  });

  it('keeps nothing read inside a transaction that is rolled back', () => {
    expect(store.products.findById('M1')?.name).toBe('Mug');
    const rename = store.db.prepare("UPDATE products SET name = ? WHERE id = 'M1'");
    expect(() =>
      store.db.transaction(() => {
        rename.run('Never Sold Mug');
        // The transaction sees its own write...
        expect(store.products.findById('M1')?.name).toBe('Never Sold Mug');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // The rollback took the write count back; the next write moves it to the same number again.
    rename.run('Tea Mug');
    expect(store.products.findById('M1')?.name).toBe('Tea Mug');
  });

  it('keeps at most its bound of answers, dropping the least recently used', () => {
    const cache = new ReadCache(store.db, ['products'], 2);
    const reads: string[] = [];
    const ask = (key: string): string => cache.get(key, () => {
      reads.push(key);
      return key.toUpperCase();
    });
    expect([ask('a'), ask('b'), ask('a')]).toEqual(['A', 'B', 'A']);
    ask('c'); // past the bound: 'b', used least recently, goes
    ask('a');
    ask('b');
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps the policies it answers apart from the defaults', () => {
    const policies = store.policies.get();
    expect(Object.isFrozen(policies.paymentMethods)).toBe(true);
    store.policies.set({ paymentMethods: ['card'] });
    expect(store.policies.get().paymentMethods).toEqual(['card']);
    store.db.prepare('DELETE FROM shop_policies').run();
    const defaults = store.policies.get();
    expect(defaults.paymentMethods).toContain('paypal');
    expect(defaults).not.toBe(policies);
  });
});
