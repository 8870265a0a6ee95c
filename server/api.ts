import express, { type Router } from 'express';
import { z } from 'zod';
import type { Product, Store } from '../store';
import { HttpError } from './errors';

const PRODUCT_QUERY = z.object({
  q: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  /** `popular`: best sellers first; `available`: in stock first, best sellers first within that. */
  sort: z.enum(['name', 'popular', 'available']).default('name'),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const PRODUCT_ID = z.string().min(1).max(64);

/** A product as the storefront and the widget show it. */
export interface ProductView {
  id: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  imageUrl: string | null;
  url: string;
  inStock: boolean;
  attributes: Record<string, string>;
}

/** The public view of a product (price in major units, a link to its page). */
export function productView(p: Product): ProductView {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price: p.priceMinor / 100,
    currency: p.currency,
    category: p.category,
    imageUrl: p.imageUrl,
    url: `/product.html?id=${encodeURIComponent(p.id)}`,
    inStock: p.stock > 0,
    attributes: p.attributes,
  };
}

/** Whether the server is ready to accept chats. */
export type ReadinessCheck = () => boolean;

/**
 * The public REST API: health and the catalog the storefront pages read.
 */
export function publicApi(store: Store, ready: ReadinessCheck): Router {
  const router = express.Router();

  router.get('/healthz', (_req, res) => {
    if (!ready()) {
      res.status(503).json({ ok: false });
      return;
    }
    res.json({ ok: true });
  });

  router.get('/api/products', (req, res) => {
    const query = PRODUCT_QUERY.parse(req.query);
    const { items, total } = store.products.list({ text: query.q, category: query.category, sort: query.sort, limit: query.limit, offset: query.offset });
    res.json({ items: items.map(productView), total });
  });

  router.get('/api/products/:id', (req, res) => {
    const id = PRODUCT_ID.parse(req.params.id);
    const product = store.products.findById(id);
    if (!product) throw new HttpError(404, `no product ${id}`);
    res.json(productView(product));
  });

  router.get('/api/categories', (_req, res) => {
    res.json({ items: store.products.categories() });
  });

  return router;
}
