import { openStore, sequentialIds, type Product, type Store } from '../../store';

function product(id: string, name: string, attributes: Record<string, string> = {}): Product {
  return { id, name, description: '', category: 'Home Decor', priceMinor: 500, currency: 'GBP', stock: 3, imageUrl: null, attributes, updatedAt: '2026-11-01T00:00:00.000Z' };
}

describe('products by colour', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ file: ':memory:', ids: sequentialIds() });
    store.products.upsertMany([
      product('A', 'Cushion Cover', { colour: 'pink' }),
      product('B', 'Pink Paper Lantern'),
      product('C', 'Pinkish Vase'),
      product('D', 'Blue Bowl', { colour: 'blue' }),
      ...Array.from({ length: 50 }, (_, i) => product(`X${i}`, `Plain Mug ${i}`, { colour: 'white' })),
    ]);
  });
  afterEach(() => store.close());

  it('finds the colour in the attribute or as a word of the name, through the colour index and the search index', () => {
    const prepared: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    jest.spyOn(store.db, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
    const found = store.products.list({ colour: 'pink', sort: 'available', limit: 5 });
    expect(found.items.map((p) => p.id).sort()).toEqual(['A', 'B']);
    expect(found.total).toBe(2);
    const sql = prepared.find((s) => s.startsWith('SELECT * FROM products'));
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all({ colour: 'pink', colourPhrase: 'name : "pink"', colourWord: '*[^a-z0-9_]pink[^a-z0-9_]*', limit: 5, offset: 0 }) as { detail: string }[];
    // Not a scan of every product: the attribute through its index, the name through the search index.
    expect(plan.map((row) => row.detail).join(' | ')).toMatch(/USING INDEX products_colour/);
    expect(plan.map((row) => row.detail)).not.toContain('SCAN products');
  });
});
