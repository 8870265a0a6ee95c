import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { PRODUCT_CARDS_CONTENT_TYPE, ShopBot, SqliteStorage, type ProductCard } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { openStore, seedShopSkills, sequentialIds, type Order, type Product, type Store } from '../../store';

/** The tests' "now": every order date below is placed around it. */
export const NOW = Date.parse('2026-11-20T10:00:00Z');

/** An order of the tests' shop, with what a skill needs set through `extra`. */
export function testOrder(id: string, email: string, status: Order['status'], extra: Partial<Order> = {}): Order {
  return {
    id,
    customerId: null,
    email,
    status,
    placedAt: '2026-11-17T09:00:00.000Z',
    totalMinor: 1530,
    currency: 'GBP',
    carrier: null,
    trackingNumber: null,
    shippedAt: null,
    eta: null,
    deliveredAt: null,
    shippingCountry: 'United Kingdom',
    shippingAddress: '1 Old Road, Leeds LS1 1AA',
    updatedAt: '2026-11-17T09:00:00.000Z',
    items: [{ productId: '85123A', name: 'White Hanging Heart T-Light Holder', quantity: 6, unitPriceMinor: 255 }],
    ...extra,
  };
}

/** Orders in every state a skill cares about. */
export const ORDERS = {
  shipped: testOrder('536365', 'ann@example.com', 'shipped', {
    carrier: 'Royal Mail',
    trackingNumber: 'RM123456789GB',
    shippedAt: '2026-11-18T09:00:00.000Z',
    eta: '2026-11-21T00:00:00.000Z',
  }),
  paid: testOrder('536370', 'bob@example.com', 'paid', { eta: '2026-11-23T00:00:00.000Z' }),
  delivered: testOrder('536380', 'cat@example.com', 'delivered', { placedAt: '2026-11-10T09:00:00.000Z', deliveredAt: '2026-11-14T12:00:00.000Z' }),
  old: testOrder('536390', 'dan@example.com', 'delivered', { placedAt: '2026-08-20T09:00:00.000Z', deliveredAt: '2026-08-25T12:00:00.000Z' }),
  pending: testOrder('536395', 'eve@example.com', 'pending'),
} as const;

function product(id: string, name: string, category: string, priceMinor: number, stock: number, attributes: Record<string, string> = {}): Product {
  return { id, name, description: `A ${name.toLowerCase()} from the shop.`, category, priceMinor, currency: 'GBP', stock, imageUrl: null, attributes, updatedAt: '2026-11-01T00:00:00.000Z' };
}

/** A small catalog with colours, categories and prices either side of £10. */
export const PRODUCTS: Product[] = [
  product('22423', 'Regency Cakestand 3 Tier', 'Kitchen & Dining', 1275, 32),
  product('22960', 'Jam Making Set With Jars', 'Kitchen & Dining', 425, 12),
  product('22961', 'Jam Jar Labels', 'Kitchen & Dining', 85, 0),
  product('20725', 'Lunch Bag Red Retrospot', 'Bags & Purses', 165, 318, { colour: 'red', pattern: 'retrospot' }),
  product('20727', 'Lunch Bag Black Skull', 'Bags & Purses', 165, 39, { colour: 'black' }),
  product('85123A', 'White Hanging Heart T-Light Holder', 'Candles & Lights', 255, 100, { colour: 'white' }),
  product('84029E', 'Red Woolly Hottie White Heart', 'Home Decor', 425, 7, { colour: 'red' }),
];

let shared: Nlu | undefined;

/** The built-in NLU with the test catalog, built once per test file. */
export async function testNlu(): Promise<Nlu> {
  shared ??= await createBuiltinNlu({ catalog: PRODUCTS.map((p) => ({ id: p.id, name: p.name })) });
  return shared;
}

/** A bot over a fresh in-memory shop, driven by a TestAdapter. */
export interface TestBot {
  store: Store;
  adapter: TestAdapter;
}

/** A fresh shop (orders, catalog, shipping zones, payments) and a bot over it. */
export async function testBot(): Promise<TestBot> {
  const nlu = await testNlu();
  const store = openStore({ file: ':memory:', clock: { now: () => NOW }, ids: sequentialIds() });
  store.products.upsertMany(PRODUCTS);
  store.orders.upsertMany(Object.values(ORDERS));
  seedShopSkills(store);
  const bot = new ShopBot({ nlu, store, conversationState: new ConversationState(new SqliteStorage(store)) });
  return { store, adapter: new TestAdapter((context) => bot.run(context)) };
}

/** The text of a reply. */
export function textOf(activity: Partial<Activity>): string {
  return activity.text ?? '';
}

/** The quick replies of a reply. */
export function quickReplies(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => String(a.value ?? a.title));
}

/** The product cards of a reply. */
export function cardsOf(activity: Partial<Activity>): ProductCard[] {
  const attachment = activity.attachments?.find((a) => a.contentType === PRODUCT_CARDS_CONTENT_TYPE);
  return (attachment?.content as ProductCard[] | undefined) ?? [];
}

/** An assertion that the reply's text matches. */
export function says(pattern: RegExp): (activity: Partial<Activity>) => void {
  return (activity) => expect(textOf(activity)).toMatch(pattern);
}
