import { timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import {
  DELIVERY_METHODS,
  ORDER_EVENT_TYPES,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  isoNow,
  type Customer,
  type EventOutcome,
  type Order,
  type Product,
  type Store,
} from '../store';
import { HttpError } from './errors';

/** The most rows one request (or one import file) may carry. */
export const MAX_BATCH = 10_000;
/** Bulk bodies are far larger than chat messages. */
const BODY_LIMIT = '20mb';

const id = z.string().min(1).max(64);
const minor = z.int().min(0).max(1e11);
const currency = z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code like GBP' });
const time = z.iso.datetime({ offset: true });
const country = z.string().regex(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code like FR' });

/** A catalog product from the shop. Prices in minor units (pence). */
export const shopProductSchema = z.strictObject({
  id,
  name: z.string().min(1).max(300),
  description: z.string().max(5000).default(''),
  category: z.string().max(100).default(''),
  priceMinor: minor,
  currency,
  stock: z.int().min(0).default(0),
  imageUrl: z.string().max(2000).nullable().default(null),
  attributes: z.record(z.string().max(50), z.string().max(200)).default({}),
});

/** A customer from the shop. */
export const shopCustomerSchema = z.strictObject({
  id,
  email: z.email().max(254),
  name: z.string().min(1).max(200),
  country: z.string().max(100).nullable().default(null),
  locale: z.string().max(20).nullable().default(null),
  createdAt: time.optional(),
});

const orderItemSchema = z.strictObject({ productId: id, name: z.string().min(1).max(300), quantity: z.int().min(1), unitPriceMinor: minor });

/** An order from the shop, with its lines and shipment facts. */
export const shopOrderSchema = z.strictObject({
  id,
  customerId: id.nullable().default(null),
  email: z.email().max(254),
  status: z.enum(ORDER_STATUSES),
  placedAt: time,
  totalMinor: minor,
  currency,
  carrier: z.string().max(100).nullable().default(null),
  trackingNumber: z.string().max(100).nullable().default(null),
  shippedAt: time.nullable().default(null),
  eta: time.nullable().default(null),
  deliveredAt: time.nullable().default(null),
  shippingCountry: z.string().max(100).nullable().default(null),
  shippingAddress: z.string().max(500).nullable().default(null),
  items: z.array(orderItemSchema).min(1).max(500),
});

/** One order event from the shop's webhook; the same `id` is applied once. */
export const orderEventSchema = z.strictObject({
  id: z.string().min(1).max(200),
  orderId: id,
  type: z.enum(ORDER_EVENT_TYPES),
  at: time,
  carrier: z.string().max(100).optional(),
  trackingNumber: z.string().max(100).optional(),
  eta: time.optional(),
  amountMinor: minor.optional(),
  /** A Shopkeep coupon code the order used: its redemption is recorded (issue 6, `ShopApiHooks.onOrderEvent`). */
  couponCode: z.string().min(1).max(64).optional(),
});

const policiesSchema = z.strictObject({
  returnWindowDays: z.int().min(0).max(3650).optional(),
  refundProcessingDays: z.int().min(0).max(365).optional(),
  freeReturns: z.boolean().optional(),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).min(1).optional(),
  couponsPerOrder: z.int().min(0).max(10).optional(),
});

const zoneSchema = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  countries: z.array(country).max(300),
  isDefault: z.boolean().default(false),
  rates: z
    .array(
      z.strictObject({
        method: z.enum(DELIVERY_METHODS),
        priceMinor: minor,
        currency,
        minDays: z.int().min(0).max(365),
        maxDays: z.int().min(0).max(365),
        freeOverMinor: minor.nullable().default(null),
      }),
    )
    .min(1),
});

/** Shop data to load: any of the three lists. */
export interface ShopImport {
  products?: z.input<typeof shopProductSchema>[];
  customers?: z.input<typeof shopCustomerSchema>[];
  orders?: z.input<typeof shopOrderSchema>[];
}

/** How many rows an import stored. */
export interface ImportCounts {
  products: number;
  customers: number;
  orders: number;
}

const importSchema = z.strictObject({
  products: z.array(shopProductSchema).max(MAX_BATCH).optional(),
  customers: z.array(shopCustomerSchema).max(MAX_BATCH).optional(),
  orders: z.array(shopOrderSchema).max(MAX_BATCH).optional(),
});

/** An import refused as a whole: nothing was stored. */
export class ShopImportError extends Error {
  override readonly name = 'ShopImportError';
}

function unknownCustomer(store: Store, orders: readonly { id: string; customerId: string | null }[], batch: ReadonlySet<string>): string | undefined {
  const missing = orders.find((o) => o.customerId !== null && !batch.has(o.customerId) && !store.customers.findById(o.customerId));
  return missing && `orders: order ${missing.id} names unknown customer ${missing.customerId}`;
}

/**
 * Validates shop data as a whole and stores it in one transaction (upserts by id), with one
 * audit entry per list: either everything is stored or nothing is.
 *
 * @throws ShopImportError naming the first bad row
 * @example
 * importShopData(store, { products: [...], orders: [...] }, 'cli');
 */
export function importShopData(store: Store, data: unknown, actor: string): ImportCounts {
  const parsed = importSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShopImportError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const { products = [], customers = [], orders = [] } = parsed.data;
  const refusal = unknownCustomer(store, orders, new Set(customers.map((c) => c.id)));
  if (refusal) throw new ShopImportError(refusal);
  const now = isoNow(store.clock);
  store.transaction(() => {
    store.products.upsertMany(products.map((p): Product => ({ ...p, updatedAt: now })));
    store.customers.upsertMany(customers.map((c): Customer => ({ ...c, createdAt: c.createdAt ?? now })));
    store.orders.upsertMany(orders.map((o): Order => ({ ...o, updatedAt: now })));
    const counts = { products: products.length, customers: customers.length, orders: orders.length };
    for (const [list, count] of Object.entries(counts)) {
      if (count > 0) store.audit.record({ actor, action: `${list}.upsert`, entityType: list, entityId: now, before: null, after: { count } });
    }
  });
  return { products: products.length, customers: customers.length, orders: orders.length };
}

/** True when the two keys are equal, in time that does not depend on where they differ. */
function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function requireShopKey(apiKey: string): RequestHandler {
  return (req, _res, next) => {
    if (!apiKey) throw new HttpError(503, 'the shop API is disabled: set SHOPKEEP_SHOP_API_KEY to enable it');
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : (req.get('x-shop-api-key') ?? '');
    if (!given || !sameKey(given, apiKey)) throw new HttpError(401, 'a valid shop API key is required');
    next();
  };
}

/** What the shop API tells the rest of the server. */
export interface ShopApiHooks {
  /** Called after products changed (the NLU's product list follows the catalog). */
  onCatalogChanged?: () => void;
  /** Called after an order event was applied (or repeated); its result joins the response (coupon redemptions, issue 6). */
  onOrderEvent?: (event: z.infer<typeof orderEventSchema>, outcome: EventOutcome) => Record<string, unknown> | undefined;
}

/**
 * The shop-integration API under `/api/shop` (documented in the README): bulk upserts of the
 * catalog, customers and orders, the shop's policies and shipping zones, and the order-event
 * webhook. Every request needs the shop API key (`Authorization: Bearer <key>`); with no key
 * configured the API answers 503. Mount it before the app's own small JSON parser.
 */
export function shopApi(store: Store, apiKey: string, hooks: ShopApiHooks = {}): Router {
  const router = express.Router();
  router.use('/api/shop', requireShopKey(apiKey), express.json({ limit: BODY_LIMIT }));

  const upsert = (list: keyof ImportCounts): RequestHandler => (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    let counts: ImportCounts;
    try {
      counts = importShopData(store, { [list]: body?.[list] }, 'shop-api');
    } catch (err) {
      if (err instanceof ShopImportError) throw new HttpError(400, err.message);
      throw err;
    }
    if (list === 'products') hooks.onCatalogChanged?.();
    res.json({ stored: counts[list] });
  };
  router.put('/api/shop/products', upsert('products'));
  router.put('/api/shop/customers', upsert('customers'));
  router.put('/api/shop/orders', upsert('orders'));

  router.put('/api/shop/policies', (req, res) => {
    const changes = policiesSchema.parse(req.body);
    const before = store.policies.get();
    const after = store.policies.set(changes);
    store.audit.record({ actor: 'shop-api', action: 'policies.set', entityType: 'policies', entityId: 'shop', before, after });
    res.json(after);
  });

  router.put('/api/shop/shipping-zones', (req, res) => {
    const { zones } = z.strictObject({ zones: z.array(zoneSchema).min(1).max(200) }).parse(req.body);
    const before = store.shipping.listZones();
    store.transaction(() => {
      store.shipping.replaceZones(zones);
      store.audit.record({ actor: 'shop-api', action: 'shipping.replace', entityType: 'shipping', entityId: 'zones', before, after: zones });
    });
    res.json({ stored: zones.length });
  });

  router.post('/api/shop/order-events', (req, res) => {
    const event = orderEventSchema.parse(req.body);
    const outcome = store.orderChanges.applyEvent(event, 'order-events');
    if (outcome === 'unknown_order') throw new HttpError(404, `no order ${event.orderId}`);
    res.json({ outcome, ...hooks.onOrderEvent?.(event, outcome) });
  });

  return router;
}
