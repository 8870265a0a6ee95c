import type { Store } from './store';
import type { PaymentRecord, ShippingZone } from './types';

const EUROPE = ['IE', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PT', 'AT', 'DK', 'FI', 'SE', 'PL', 'LT', 'CY', 'GR', 'CH', 'NO', 'IS'];

/**
 * The demo shop's delivery: a UK gift shop's usual zones (UK, Europe, the rest of the world) in
 * pounds, with free UK delivery over £40.
 */
export const DEMO_SHIPPING_ZONES: readonly ShippingZone[] = [
  {
    id: 'uk',
    name: 'United Kingdom',
    countries: ['GB'],
    isDefault: false,
    rates: [
      { method: 'standard', priceMinor: 395, currency: 'GBP', minDays: 2, maxDays: 4, freeOverMinor: 4000 },
      { method: 'tracked', priceMinor: 595, currency: 'GBP', minDays: 1, maxDays: 2, freeOverMinor: null },
      { method: 'express', priceMinor: 995, currency: 'GBP', minDays: 1, maxDays: 1, freeOverMinor: null },
    ],
  },
  {
    id: 'europe',
    name: 'Europe',
    countries: EUROPE,
    isDefault: false,
    rates: [
      { method: 'standard', priceMinor: 895, currency: 'GBP', minDays: 4, maxDays: 8, freeOverMinor: 10000 },
      { method: 'tracked', priceMinor: 1495, currency: 'GBP', minDays: 3, maxDays: 5, freeOverMinor: null },
    ],
  },
  {
    id: 'world',
    name: 'Rest of the world',
    countries: [],
    isDefault: true,
    rates: [{ method: 'tracked', priceMinor: 1995, currency: 'GBP', minDays: 7, maxDays: 14, freeOverMinor: null }],
  },
];

/** How many rows {@link seedShopSkills} added. */
export interface ShopSkillsSeedCounts {
  zones: number;
  payments: number;
}

/**
 * Gives a loaded shop what the bot's skills read beyond the catalog and orders: shipping zones
 * (when it has none) and a payment record for every order that has none, as the order's status
 * implies (a pending order's card was declined; others were captured, refunded ones refunded).
 * Safe to call on every start: it adds only what is missing.
 *
 * @example
 * loadDemoShop(store, { now });
 * seedShopSkills(store);
 */
export function seedShopSkills(store: Store, zones: readonly ShippingZone[] = DEMO_SHIPPING_ZONES): ShopSkillsSeedCounts {
  return store.transaction(() => {
    const seedZones = store.shipping.listZones().length === 0;
    if (seedZones) store.shipping.replaceZones(zones);
    const unpaid = store.db
      .prepare('SELECT id FROM orders WHERE id NOT IN (SELECT order_id FROM payments) ORDER BY id')
      .pluck()
      .all() as string[];
    for (const id of unpaid) {
      const order = store.orders.findById(id);
      if (!order) continue;
      for (const payment of impliedPayments(order.status, order)) store.payments.record(payment);
    }
    return { zones: seedZones ? zones.length : 0, payments: unpaid.length };
  });
}

type Attempt = Omit<PaymentRecord, 'id'>;

function impliedPayments(status: string, order: { id: string; totalMinor: number; currency: string; placedAt: string }): Attempt[] {
  const base = { orderId: order.id, method: 'card' as const, amountMinor: order.totalMinor, currency: order.currency, at: order.placedAt };
  if (status === 'pending') return [{ ...base, status: 'failed', failureReason: 'declined' }];
  const captured: Attempt = { ...base, status: 'captured', failureReason: null };
  return status === 'refunded' ? [captured, { ...captured, status: 'refunded' }] : [captured];
}
