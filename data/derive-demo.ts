import { categoryOf } from './categories';
import type { DemoCustomer, DemoOrder, DemoProduct, DemoShopData } from './demo-files';
import { customerIdentity } from './people';
import { productAttributes, productDescription, productStock } from './product-facts';
import { descriptionWords, productName } from './product-names';
import { randomFor } from './random';
import type { RetailLine } from './retail-source';

const DAY = 86_400_000;

/** Options for {@link deriveDemoShop}. */
export interface DeriveOptions {
  /**
   * Keep at most this many orders, the most recent ones, with every product and customer they
   * name (the whole December 2010 slice is ~1,300 orders, well under it).
   * @default 5000
   */
  maxOrders?: number;
}

/** The most frequent value; ties go to the one seen first. */
function modal<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0] as T;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

function groupBy<K, V>(items: readonly V[], key: (item: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function deriveOrders(lines: readonly RetailLine[], maxOrders: number): DemoOrder[] {
  const orders = [...groupBy(lines, (l) => l.invoiceNo)].map(([id, rows]): DemoOrder => {
    const first = rows[0] as RetailLine;
    const placedAt = rows.reduce((min, r) => (r.invoiceDate < min ? r.invoiceDate : min), first.invoiceDate);
    return { id, customerId: first.customerId, placedAt, lines: rows.map((r) => [r.stockCode, r.quantity, r.unitPricePence]) };
  });
  const newestFirst = orders.sort((a, b) => b.placedAt.localeCompare(a.placedAt) || b.id.localeCompare(a.id));
  return newestFirst.slice(0, maxOrders).sort((a, b) => a.id.localeCompare(b.id));
}

function deriveProduct(id: string, rows: readonly RetailLine[]): DemoProduct {
  const description = modal(rows.map((r) => r.description));
  const words = descriptionWords(description);
  const name = productName(description);
  const category = categoryOf(words);
  const attributes = productAttributes(words);
  return {
    id,
    name,
    description: productDescription(id, category, attributes),
    category,
    // The price most invoices charged: wholesale breaks and one-off prices are the exceptions.
    pricePence: modal(rows.map((r) => r.unitPricePence)),
    stock: productStock(id),
    attributes,
  };
}

/** Customers with a generated identity and a mailbox made unique in id order. */
function deriveCustomers(lines: readonly RetailLine[], orders: readonly DemoOrder[]): DemoCustomer[] {
  const byCustomer = groupBy(lines, (l) => l.customerId);
  const firstOrder = new Map<string, string>();
  for (const order of orders) {
    const seen = firstOrder.get(order.customerId);
    if (!seen || order.placedAt < seen) firstOrder.set(order.customerId, order.placedAt);
  }
  const taken = new Map<string, number>();
  return [...firstOrder.keys()].sort().map((id) => {
    const country = modal((byCustomer.get(id) ?? []).map((l) => l.country));
    const identity = customerIdentity(id, country);
    const uses = (taken.get(identity.emailLocalPart) ?? 0) + 1;
    taken.set(identity.emailLocalPart, uses);
    const since = Date.parse(firstOrder.get(id) as string) - randomFor('customer-since', id).int(0, 700) * DAY;
    return {
      id,
      name: identity.name,
      email: `${identity.emailLocalPart}${uses > 1 ? uses : ''}@example.com`,
      country,
      locale: identity.locale,
      address: identity.address,
      since: new Date(since).toISOString(),
    };
  });
}

/**
 * The demo shop from the sale lines of the UCI Online Retail log: the most recent orders, their
 * customers and every product they contain.
 */
export function deriveDemoShop(lines: readonly RetailLine[], options: DeriveOptions = {}): DemoShopData {
  const orders = deriveOrders(lines, options.maxOrders ?? 5000);
  const keptOrders = new Set(orders.map((o) => o.id));
  const kept = lines.filter((l) => keptOrders.has(l.invoiceNo));
  const products = [...groupBy(kept, (l) => l.stockCode)]
    .map(([id, rows]) => deriveProduct(id, rows))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { products, customers: deriveCustomers(kept, orders), orders };
}
