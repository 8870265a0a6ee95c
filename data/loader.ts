import type { Customer, Order, Product, Store } from '../store';
import { readDemoShop, type DemoCustomer, type DemoOrder, type DemoShopData } from './demo-files';
import { productImage } from './product-image';
import { planShipment, shipmentAt } from './shipments';

const DAY = 86_400_000;

/** How long before the load the newest demo order was placed, give or take half a day. */
export const NEWEST_ORDER_AGE_DAYS = 2;

/** Options for {@link loadDemoShop}. */
export interface LoadDemoOptions {
  /** The load time (ms since the epoch): every date of the shop is placed relative to it. */
  now: number;
  /** @default the `data/demo` folder of this repository */
  dir?: string;
}

/** How many rows the demo shop loaded. */
export interface DemoShopCounts {
  products: number;
  customers: number;
  orders: number;
}

/** Raised when the demo shop would mix with a shop's own data. */
export class DemoShopError extends Error {
  override readonly name = 'DemoShopError';
}

/**
 * Whole days to add to the data's 2010 dates so that the newest order was placed about
 * {@link NEWEST_ORDER_AGE_DAYS} days before `now`. Whole days keep each order's time of day.
 */
export function demoTimeShift(data: DemoShopData, now: number): number {
  const newest = Math.max(...data.orders.map((o) => Date.parse(o.placedAt)));
  return Math.round((now - NEWEST_ORDER_AGE_DAYS * DAY - newest) / DAY) * DAY;
}

function toCustomer(customer: DemoCustomer, shift: number): Customer {
  return {
    id: customer.id,
    email: customer.email,
    name: customer.name,
    country: customer.country,
    locale: customer.locale,
    createdAt: new Date(Date.parse(customer.since) + shift).toISOString(),
  };
}

function toOrder(order: DemoOrder, customer: DemoCustomer, names: ReadonlyMap<string, string>, shift: number, now: number): Order {
  const placedAt = Date.parse(order.placedAt) + shift;
  const items = order.lines.map(([productId, quantity, unitPriceMinor]) => ({
    productId,
    name: names.get(productId) ?? productId,
    quantity,
    unitPriceMinor,
  }));
  return {
    id: order.id,
    customerId: customer.id,
    email: customer.email,
    placedAt: new Date(placedAt).toISOString(),
    totalMinor: items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0),
    currency: 'GBP',
    ...shipmentAt(placedAt, planShipment(order.id, customer.country), now),
    shippingCountry: customer.country,
    shippingAddress: customer.address,
    items,
  };
}

/** The demo shop as store rows, placed in time around `now`. */
export function demoShopRows(data: DemoShopData, now: number): { products: Product[]; customers: Customer[]; orders: Order[] } {
  const shift = demoTimeShift(data, now);
  const updatedAt = new Date(now).toISOString();
  const products = data.products.map(
    (p): Product => ({
      id: p.id,
      name: p.name,
      description: p.description,
      category: p.category,
      priceMinor: p.pricePence,
      currency: 'GBP',
      stock: p.stock,
      imageUrl: productImage(p.id, p.name, p.category, p.attributes.colour),
      attributes: { ...p.attributes },
      updatedAt,
    }),
  );
  const customersById = new Map(data.customers.map((c) => [c.id, c]));
  const names = new Map(data.products.map((p) => [p.id, p.name]));
  const orders = data.orders.map((o) => {
    const customer = customersById.get(o.customerId);
    if (!customer) throw new DemoShopError(`demo order ${o.id} names unknown customer ${o.customerId}`);
    return toOrder(o, customer, names, shift, now);
  });
  return { products, customers: data.customers.map((c) => toCustomer(c, shift)), orders };
}

/**
 * Loads the demo shop (the real catalog, customers and invoices of a UK gift shop, with
 * generated identities and shipments) into an empty store, in one transaction. Dates move so
 * that the newest order is about two days old at `now`, and every status agrees with its dates.
 *
 * @throws DemoShopError when the store already holds products, customers or orders
 * @example
 * const store = openStore({ file: ':memory:' });
 * loadDemoShop(store, { now: Date.now() }); // { products: 2382, customers: 859, orders: 1335 }
 */
export function loadDemoShop(store: Store, options: LoadDemoOptions): DemoShopCounts {
  if (!store.isEmpty() || store.customers.count() > 0 || store.orders.count() > 0) {
    throw new DemoShopError('the demo shop loads only into an empty database, and this one already has shop data');
  }
  const rows = demoShopRows(readDemoShop(options.dir), options.now);
  store.transaction(() => {
    store.products.upsertMany(rows.products);
    store.customers.upsertMany(rows.customers);
    store.orders.upsertMany(rows.orders);
  });
  return { products: rows.products.length, customers: rows.customers.length, orders: rows.orders.length };
}
