import { openStore, sequentialIds, type Product, type Store } from '../../store';

const CLOCK = { now: () => Date.parse('2026-11-20T10:00:00Z') };

function product(id: string, name: string, extra: Partial<Product> = {}): Product {
  return { id, name, description: '', category: 'Home', priceMinor: 500, currency: 'GBP', stock: 10, imageUrl: null, attributes: {}, updatedAt: '2026-11-01T00:00:00.000Z', ...extra };
}

const found = (store: Store, text: string): string[] => store.products.list({ text }).items.map((p) => p.id);

/** The search the index replaced: every word a case-insensitive substring of name, description or category. */
function scanned(store: Store, text: string): string[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return store.products
    .all()
    .filter((p) => words.every((w) => `${p.name} ${p.description} ${p.category}`.toLowerCase().includes(w)))
    .map((p) => p.id)
    .sort();
}

describe('product search over the trigram index', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ file: ':memory:', clock: CLOCK, ids: sequentialIds() });
    store.products.upsertMany([
      product('A', 'White Moroccan Metal Lantern', { description: 'Hanging lantern for tea lights' }),
      product('B', 'Red Retrospot Lunch Bag', { category: 'Bags' }),
      product('C', 'Jumbo Bag Pink Polkadot', { category: 'Bags' }),
      product('D', 'Set of 6 "Spaceboy" T-Light Holders', { description: '100% glass' }),
      product('E', 'Ceramic Cake Stand', { category: 'Kitchen' }),
    ]);
  });
  afterEach(() => store.close());

  it('finds words anywhere inside names, descriptions and categories, case-insensitively, as a scan would', () => {
    for (const text of ['lantern', 'LANTERN', 'ante', 'tea', 'bag', 'bags red', 'retrospot bag', 'spaceboy', '"spaceboy"', 't-light', 'kitchen', 'nothing-like-this', 'glass 100%']) {
      expect([...found(store, text)].sort()).toEqual(scanned(store, text));
    }
    expect(found(store, 'red lunch')).toEqual(['B']);
    expect(store.products.list({ text: 'bag' }).total).toBe(2);
  });

  it('still answers words too short for trigrams, and mixes them with long ones', () => {
    expect(found(store, 'of')).toEqual(['D']);
    expect(found(store, '6 holders')).toEqual(['D']);
    expect(found(store, '%')).toEqual(['D']);
  });

  it('follows products that are renamed, added and deleted', () => {
    store.products.upsertMany([product('E', 'Ceramic Cake Plate', { category: 'Kitchen' }), product('F', 'Paper Lantern')]);
    expect(found(store, 'stand')).toEqual([]);
    expect(found(store, 'plate')).toEqual(['E']);
    expect([...found(store, 'lantern')].sort()).toEqual(['A', 'F']);
    store.db.prepare('DELETE FROM products WHERE id = ?').run('F');
    expect(found(store, 'lantern')).toEqual(['A']);
    // Unchanged text with a new price or stock leaves the index alone and the product findable.
    store.products.upsertMany([product('A', 'White Moroccan Metal Lantern', { description: 'Hanging lantern for tea lights', stock: 0 })]);
    expect(found(store, 'moroccan')).toEqual(['A']);
  });

  it('merges the index after a bulk import, not after a few rows, and finds what either added', () => {
    const segments = (): number => store.db.prepare('SELECT count(DISTINCT segid) FROM products_search_idx').pluck().get() as number;
    store.products.upsertMany([product('F1', 'Paper Lantern One'), product('F2', 'Paper Lantern Two')]);
    const fewRows = segments();
    expect(fewRows).toBeGreaterThan(1);
    store.products.upsertMany(Array.from({ length: 120 }, (_, i) => product(`BULK${i}`, `Glass Jar ${i}`)));
    expect(segments()).toBe(1);
    store.products.upsertMany([product('F3', 'Paper Lantern Three')]);
    expect(segments()).toBe(2);
    expect(found(store, 'paper lantern').sort()).toEqual(['F1', 'F2', 'F3']);
    expect(found(store, 'jar 119')).toEqual(['BULK119']);
  });

  it('keeps the other filters and the order with a text search', () => {
    store.products.upsertMany([product('G', 'Cheap Lantern', { priceMinor: 100 })]);
    expect(store.products.list({ text: 'lantern', maxPriceMinor: 200 }).items.map((p) => p.id)).toEqual(['G']);
    expect(store.products.list({ text: 'lantern' }).items.map((p) => p.name)).toEqual(['Cheap Lantern', 'White Moroccan Metal Lantern']);
    expect(store.products.list({ text: 'bag', category: 'Bags', limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ id: 'B' }] });
  });

  it('filters by colour: the colour attribute, or the colour as a whole word of the name', () => {
    store.products.upsertMany([
      product('R1', 'Shredded Paper Lantern'),
      product('R2', 'Lantern', { attributes: { colour: 'red' } }),
      product('R3', 'Lantern Red/White'),
      product('R4', 'Red[1] Lantern'),
    ]);
    const red = (text?: string): string[] => store.products.list({ text, colour: 'red' }).items.map((p) => p.id).sort();
    expect(red('lantern')).toEqual(['R2', 'R3', 'R4']);
    expect(red()).toEqual(['B', 'R2', 'R3', 'R4']);
    // Wildcards in a colour are literal characters, never patterns.
    for (const colour of ['r?d', 're*', '[r]ed', 'r%d', 're_']) {
      expect(store.products.list({ text: 'lantern', colour }).items).toEqual([]);
      expect(store.products.list({ colour }).items).toEqual([]);
    }
    expect(store.products.list({ colour: 'pink', category: 'Bags' }).items.map((p) => p.id)).toEqual(['C']);
  });
});
