import * as z from 'zod/mini';

const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  price: z.number(),
  currency: z.string(),
  category: z.optional(z.nullable(z.string())),
  imageUrl: z.optional(z.nullable(z.string())),
  url: z.optional(z.string()),
  inStock: z.optional(z.boolean()),
});

const categoriesSchema = z.object({ items: z.array(z.object({ category: z.string(), count: z.number() })) });
const pageSchema = z.object({ items: z.array(productSchema), total: z.number() });
const recommendationsSchema = z.object({
  items: z.array(z.extend(productSchema, { reason: z.optional(z.string()) })),
});

/** A product as the storefront shows it. */
export type Product = z.infer<typeof productSchema>;
/** A recommended product and why. */
export type Recommendation = z.infer<typeof recommendationsSchema>['items'][number];
/** One page of the catalog. */
export type ProductPage = z.infer<typeof pageSchema>;

/** A catalog query; empty strings mean "no filter". */
export interface ProductQuery {
  q: string;
  category: string;
  limit: number;
  offset: number;
}

/** The server answered, but not with what the page expected. */
export class CatalogError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

async function getJson<T>(url: string, schema: z.ZodMiniType<T>): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new CatalogError(`${url} answered ${response.status}`, response.status);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new CatalogError(`${url} answered an unexpected shape`, response.status);
  return parsed.data;
}

/** `GET /api/products` with search, category and paging; best sellers first, as shoppers expect of a shop. */
export function fetchProducts(query: ProductQuery): Promise<ProductPage> {
  const params = new URLSearchParams({
    limit: String(query.limit),
    offset: String(query.offset),
    q: query.q,
    category: query.category,
    sort: 'popular',
  });
  return getJson(`/api/products?${params}`, pageSchema);
}

/** `GET /api/products/:id`; a 404 becomes undefined. */
export async function fetchProduct(id: string): Promise<Product | undefined> {
  try {
    return await getJson(`/api/products/${encodeURIComponent(id)}`, productSchema);
  } catch (error) {
    if (error instanceof CatalogError && error.status === 404) return undefined;
    throw error;
  }
}

/** `GET /api/categories`, largest first; any failure means "no category list". */
export async function fetchCategories(): Promise<string[]> {
  try {
    return (await getJson('/api/categories', categoriesSchema)).items.map((item) => item.category);
  } catch {
    return [];
  }
}

/**
 * `GET /api/recommendations` for a session ("recommended for you") or a product ("often bought
 * together"); any failure (route missing, server error) means no strip.
 */
export async function fetchRecommendations(about: { sessionId: string } | { productId: string }, k: number): Promise<Recommendation[]> {
  const params = new URLSearchParams({ ...about, k: String(k) });
  try {
    return (await getJson(`/api/recommendations?${params}`, recommendationsSchema)).items;
  } catch {
    return [];
  }
}

/** The storefront's own link for a product page. */
export function productHref(id: string): string {
  return `product.html?id=${encodeURIComponent(id)}`;
}
