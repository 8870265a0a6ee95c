import type { TestAdapter } from 'botbuilder';
import { SEARCH_POOL, productCriteria, searchProducts, singular } from '../../bot/dialogs/product-search';
import { englishGoodsWords } from '../../nlu';
import { SHOP_EN } from '../../bot/texts/shop-en';
import { SHOP_ZH } from '../../bot/texts/shop-zh';
import type { Product, Store } from '../../store';
import { PRODUCTS, cardsOf, says, testBot, testOrder, textOf } from './shop-fixture';

describe('product questions, as scripts', () => {
  let store: Store;
  let adapter: TestAdapter;

  beforeEach(async () => {
    ({ store, adapter } = await testBot());
  });

  afterEach(() => store.close());

  it('tells price, stock and description of a named product, with its card', async () => {
    await adapter.send('how much is the regency cakestand?').assertReply((a) => {
      expect(textOf(a)).toMatch(/Regency Cakestand 3 Tier costs £12\.75 and is in stock \(32 left\)\. A regency cakestand 3 tier from the shop\./);
      expect(cardsOf(a)).toEqual([{ id: '22423', name: 'Regency Cakestand 3 Tier', price: 12.75, currency: 'GBP', url: '/product.html?id=22423' }]);
    });
  });

  it('says when a product is out of stock', async () => {
    await adapter.send('is the jam jar labels in stock?').assertReply(says(/Jam Jar Labels costs £0\.85 and is out of stock/));
  });

  it('finds a product in a colour, and says when a named product does not come in it', async () => {
    await adapter
      .send('do you have a lunch bag in red?')
      .assertReply((a) => {
        expect(cardsOf(a).map((c) => c.id)).toEqual(['20725']);
        expect(textOf(a)).toMatch(/1 match for red lunch bag/);
      })
      .send('is the lunch bag black skull available in red?')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/Lunch Bag Black Skull doesn't come in red/);
        expect(cardsOf(a).map((c) => c.id)).toEqual(['20725']);
      });
  });

  it('follows "it" back to the product just talked about, in English and Chinese', async () => {
    await adapter
      .send('tell me about the lunch bag black skull')
      .assertReply(says(/Lunch Bag Black Skull costs £1\.65/))
      .send('do you have it in red?')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/Lunch Bag Black Skull doesn't come in red/);
        expect(cardsOf(a).map((c) => c.id)).toEqual(['20725']);
      })
      .send('how much is the regency cakestand?')
      .assertReply(says(/Regency Cakestand 3 Tier costs £12\.75/))
      .send('这个有红色的吗')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/Regency Cakestand 3 Tier 没有红色的/);
        expect(cardsOf(a).map((c) => c.id)).toEqual(['22423']);
      });
  });

  it('finds something under a budget in a category, in English and Chinese, in stock first', async () => {
    await adapter
      .send('something under £10 for the kitchen')
      .assertReply((a) => {
        expect(cardsOf(a).map((c) => c.id)).toEqual(['22960', '22961']);
        expect(textOf(a)).toMatch(/2 matches for kitchen under £10/);
      })
      .send('有10英镑以下的厨房用品吗')
      .assertReply((a) => {
        expect(cardsOf(a).map((c) => c.id)).toEqual(['22960', '22961']);
        expect(textOf(a)).toMatch(/为您找到2件£10以下的厨房餐具/);
      })
      .send('有红色的午餐袋吗')
      .assertReply((a) => expect(cardsOf(a).every((c) => ['20725', '84029E'].includes(c.id))).toBe(true))
      // The reply names the goods as the shopper did, not by the catalog's English words.
      .send('有没有红色的杯子')
      .assertReply(says(/红色杯子/));
  });

  it('says when nothing matches, and asks what to look for when the message names nothing', async () => {
    await adapter
      .send('do you sell a zebra saddle?')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/couldn't find zebra saddle/);
        expect(cardsOf(a)).toEqual([]);
      });
  });
});

describe('product criteria', () => {
  const catalog = {
    findById: (id: string) => PRODUCTS.find((p) => p.id === id),
    list: (q: { text?: string; category?: string; maxPriceMinor?: number }) => {
      const items = PRODUCTS.filter(
        (p) =>
          (!q.text || q.text.split(' ').every((w) => `${p.name} ${p.description} ${p.category}`.toLowerCase().includes(w))) &&
          (!q.category || p.category === q.category) &&
          (q.maxPriceMinor === undefined || p.priceMinor <= q.maxPriceMinor),
      );
      return { items, total: items.length };
    },
  };

  it('reads a budget the NLU missed, and a category word', () => {
    expect(productCriteria('厨房用品10英镑以下', [])).toMatchObject({ category: 'Kitchen & Dining', maxPriceMinor: 1000, words: [] });
    expect(productCriteria('gifts under 5 pounds', [])).toMatchObject({ category: 'Gifts & Novelties', maxPriceMinor: 500 });
  });

  it('looks Chinese names of goods up by the English words the catalog uses, longest term first', () => {
    expect(englishGoodsWords('有没有红色的午餐袋')).toEqual(['lunch', 'bag']);
    expect(productCriteria('灯笼多少钱', []).words).toEqual(['lantern']);
    expect(productCriteria('有没有杯子和茶壶', [])).toMatchObject({ words: ['mug', 'cup', 'teapot'], saidAs: '杯子 茶壶' });
  });

  it('matches plurals to singular names, and names "over N" when the search stopped at its pool', () => {
    expect(['lanterns', 'boxes', 'candies', 'glass', 'mugs'].map(singular)).toEqual(['lantern', 'box', 'candy', 'glass', 'mug']);
    expect(SHOP_EN.productsFound({ words: 'kitchen', colour: null, category: null, maxPrice: '£10.00' }, SEARCH_POOL, true)).toMatch(/^Over 200 matches for kitchen under £10.00\. Here are the best sellers:$/);
    expect(SHOP_ZH.productsFound({ words: null, colour: null, category: 'Kitchen & Dining', maxPrice: null }, SEARCH_POOL, true)).toMatch(/超过200件，以下是最畅销的/);
  });

  it('prefers words to the category, and falls back to fewer words', () => {
    const ids = (criteria: Parameters<typeof searchProducts>[1]): string[] => searchProducts(catalog, criteria, { limit: 5 }).items.map((p) => p.id);
    expect(ids({ words: ['lunch', 'bag'], category: 'Bags & Purses' })).toEqual(['20725', '20727']);
    expect(ids({ words: ['jam', 'unicorn'] })).toEqual(['22960', '22961']);
    expect(searchProducts(catalog, { words: [] }, { limit: 5 })).toEqual({ items: [], total: 0 });
  });
});

describe('product search in a large category', () => {
  let store: Store;
  let adapter: TestAdapter;
  const lamp = (i: number, extra: Partial<Product> = {}): Product => ({
    ...(PRODUCTS[0] as Product),
    id: `L${String(i).padStart(3, '0')}`,
    name: `Garden Lamp ${String(i).padStart(3, '0')}`,
    description: 'A lamp.',
    category: 'Garden & Outdoor',
    stock: 5,
    attributes: {},
    ...extra,
  });

  beforeEach(async () => {
    ({ store, adapter } = await testBot());
  });
  afterEach(() => store.close());

  it('shows the first cards, in stock first and best sellers within that, and counts every match', async () => {
    // Twelve lamps: the two best sellers are sold out, one red lamp sells a little.
    store.products.upsertMany(Array.from({ length: 12 }, (_, i) => lamp(i, i < 2 ? { stock: 0 } : i === 7 ? { attributes: { colour: 'red' } } : {})));
    store.orders.upsertMany([testOrder('900001', 'ann@example.com', 'paid', {
      items: [['L000', 9], ['L001', 8], ['L005', 3], ['L007', 2]].map(([productId, quantity]) => ({ productId: String(productId), name: String(productId), quantity: Number(quantity), unitPriceMinor: 100 })),
    })]);
    const found = searchProducts(store.products, { words: [], category: 'Garden & Outdoor' }, { limit: 5 });
    expect(found.total).toBe(12);
    expect(found.items.map((p) => p.id)).toEqual(['L005', 'L007', 'L002', 'L003', 'L004']);
    // A product the reply already shows is neither listed again nor counted twice.
    expect(searchProducts(store.products, { words: [], category: 'Garden & Outdoor' }, { limit: 5, exclude: 'L005' })).toMatchObject({ total: 11 });
    await adapter.send('do you have anything for the garden?').assertReply((a) => {
      expect(textOf(a)).toMatch(/^Here are 12 matches for garden/);
      expect(cardsOf(a).map((c) => c.id)).toEqual(['L005', 'L007', 'L002', 'L003', 'L004']);
    });
    await adapter.send('do you have red lamps for the garden?').assertReply((a) => {
      expect(textOf(a)).toMatch(/1 match for red/);
      expect(cardsOf(a).map((c) => c.id)).toEqual(['L007']);
    });
  });

  it('says "over 200" past the pool, and still shows the best sellers', async () => {
    store.products.upsertMany(Array.from({ length: 230 }, (_, i) => lamp(i)));
    store.orders.upsertMany([testOrder('900002', 'ann@example.com', 'paid', { items: [{ productId: 'L229', name: 'Garden Lamp 229', quantity: 4, unitPriceMinor: 100 }] })]);
    await adapter.send('do you have anything for the garden?').assertReply((a) => {
      expect(textOf(a)).toMatch(/^Over 200 matches for garden\. Here are the best sellers:$/);
      expect(cardsOf(a).map((c) => c.id)).toEqual(['L229', 'L000', 'L001', 'L002', 'L003']);
    });
  });
});
