import { ORDER_STATUSES, type OrderStatus } from '../store';
import { readDemoShop } from './demo-files';
import { NEWEST_ORDER_AGE_DAYS } from './loader';
import { planShipment, shipmentAt } from './shipments';

const DAY = 86_400_000;

/** An order a visitor of the demo can ask the bot about, with the email that unlocks it. */
export interface DemoOrderSample {
  orderId: string;
  email: string;
  customerName: string;
  status: OrderStatus;
  carrier: string | null;
}

/**
 * One demo order per status that shows that same status whenever the demo is loaded: the load
 * places the newest order within half a day of {@link NEWEST_ORDER_AGE_DAYS} days before `now`,
 * so an order qualifies when its status is the same at both ends of that window (statuses only
 * move forward in between).
 * Within a status the most recent order of a customer with a plain mailbox wins; statuses no
 * order holds steadily are left out.
 *
 * @param dir - the folder of the demo files (default: the repository's `data/demo`)
 * @example
 * demoOrderSamples()[0] // { orderId: '539…', email: '…@example.com', status: 'shipped', ... }
 */
export function demoOrderSamples(dir?: string): DemoOrderSample[] {
  const data = readDemoShop(dir);
  const newest = Math.max(...data.orders.map((o) => Date.parse(o.placedAt)));
  const customers = new Map(data.customers.map((c) => [c.id, c]));
  const byStatus = new Map<OrderStatus, DemoOrderSample>();
  // Mailboxes without a collision number read better in a README.
  const numbered = (customerId: string): number => (/\d@/.test(customers.get(customerId)?.email ?? '') ? 1 : 0);
  const candidates = [...data.orders].sort(
    (a, b) => numbered(a.customerId) - numbered(b.customerId) || b.placedAt.localeCompare(a.placedAt) || b.id.localeCompare(a.id),
  );
  for (const order of candidates) {
    const customer = customers.get(order.customerId);
    if (!customer) continue;
    const plan = planShipment(order.id, customer.country);
    const placedAt = Date.parse(order.placedAt);
    const early = shipmentAt(placedAt, plan, newest + (NEWEST_ORDER_AGE_DAYS - 0.5) * DAY);
    const late = shipmentAt(placedAt, plan, newest + (NEWEST_ORDER_AGE_DAYS + 0.5) * DAY);
    if (early.status !== late.status || byStatus.has(early.status)) continue;
    byStatus.set(early.status, { orderId: order.id, email: customer.email, customerName: customer.name, status: early.status, carrier: early.carrier });
  }
  return ORDER_STATUSES.flatMap((status) => byStatus.get(status) ?? []);
}

/**
 * A one-line invitation for the demo page and the README, naming an order in transit.
 *
 * @example
 * demoSignInHint() // 'Try "where is my order?" with order 539… and the email …@example.com'
 */
export function demoSignInHint(dir?: string): string {
  const samples = demoOrderSamples(dir);
  const sample = samples.find((s) => s.status === 'shipped') ?? samples[0];
  if (!sample) return 'Ask the bot "where is my order?"';
  return `Try "where is my order?" with order ${sample.orderId} and the email ${sample.email}`;
}
