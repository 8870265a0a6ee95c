import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PRODUCT_CATEGORIES } from './categories';

/** The credit line every copy of the demo shop keeps (CC BY 4.0 asks for it). */
export const DEMO_ATTRIBUTION =
  'Demo shop derived from the Online Retail data set by Daqing Chen, UCI Machine Learning Repository ' +
  '(https://archive.ics.uci.edu/dataset/352/online+retail), licensed CC BY 4.0; customer names, emails, addresses, ' +
  'categories, stock and shipments are generated.';

/** File names of the demo shop inside its folder. */
export const DEMO_FILES = { products: 'products.json', customers: 'customers.json', orders: 'orders.json' } as const;

const isoTime = z.iso.datetime();

/** A catalog entry as shipped in `products.json`. */
export const demoProductSchema = z.object({
  id: z.string().regex(/^\d{5}[A-Z]{0,3}$/),
  name: z.string().min(1),
  description: z.string().min(1),
  category: z.enum(PRODUCT_CATEGORIES),
  pricePence: z.int().positive(),
  stock: z.int().nonnegative(),
  attributes: z.record(z.string(), z.string()),
});

/** A customer as shipped in `customers.json`; `since` is on the data's own (2010) timeline. */
export const demoCustomerSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  email: z.email().endsWith('@example.com'),
  country: z.string().min(1),
  locale: z.string().nullable(),
  address: z.string().min(1),
  since: isoTime,
});

/** One order line: product id, quantity, unit price in pence. */
export const demoOrderLineSchema = z.tuple([z.string().min(1), z.int().positive(), z.int().positive()]);

/** An order as shipped in `orders.json`; `placedAt` is on the data's own (2010) timeline. */
export const demoOrderSchema = z.object({
  id: z.string().regex(/^\d{6}$/),
  customerId: z.string().regex(/^\d+$/),
  placedAt: isoTime,
  lines: z.array(demoOrderLineSchema).min(1),
});

const fileSchemas = {
  products: z.object({ attribution: z.string(), products: z.array(demoProductSchema).min(1) }),
  customers: z.object({ attribution: z.string(), customers: z.array(demoCustomerSchema).min(1) }),
  orders: z.object({ attribution: z.string(), orders: z.array(demoOrderSchema).min(1) }),
};

/** One product of the demo files. */
export type DemoProduct = z.infer<typeof demoProductSchema>;
/** One customer of the demo files. */
export type DemoCustomer = z.infer<typeof demoCustomerSchema>;
/** One order of the demo files. */
export type DemoOrder = z.infer<typeof demoOrderSchema>;

/** The demo shop as stored: real catalog, customers and invoices, not yet placed in time. */
export interface DemoShopData {
  products: DemoProduct[];
  customers: DemoCustomer[];
  orders: DemoOrder[];
}

/**
 * The folder holding the demo files: beside this module when run from source, or back in the
 * repository's `data/demo` when run from the compiled `dist/data`.
 */
export function defaultDemoDir(): string {
  const candidates = [path.join(__dirname, 'demo'), path.resolve(__dirname, '..', '..', 'data', 'demo')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, DEMO_FILES.products))) ?? (candidates[0] as string);
}

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const text = fs.readFileSync(file, 'utf8');
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`${path.basename(file)} is not a valid demo file: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Every order's customer and products are present: the files are one consistent shop. */
function checkReferences(data: DemoShopData): void {
  const products = new Set(data.products.map((p) => p.id));
  const customers = new Set(data.customers.map((c) => c.id));
  for (const order of data.orders) {
    if (!customers.has(order.customerId)) throw new Error(`demo order ${order.id} names unknown customer ${order.customerId}`);
    const missing = order.lines.find(([productId]) => !products.has(productId));
    if (missing) throw new Error(`demo order ${order.id} names unknown product ${missing[0]}`);
  }
}

const cache = new Map<string, DemoShopData>();

/**
 * Reads and validates the demo files (once per folder per process; callers must not mutate the
 * result).
 *
 * @param dir - the folder of the demo files (default: {@link defaultDemoDir})
 */
export function readDemoShop(dir: string = defaultDemoDir()): DemoShopData {
  const cached = cache.get(dir);
  if (cached) return cached;
  const data: DemoShopData = {
    products: readJson(path.join(dir, DEMO_FILES.products), fileSchemas.products).products,
    customers: readJson(path.join(dir, DEMO_FILES.customers), fileSchemas.customers).customers,
    orders: readJson(path.join(dir, DEMO_FILES.orders), fileSchemas.orders).orders,
  };
  checkReferences(data);
  cache.set(dir, data);
  return data;
}

/** Writes one demo file: one record a line, so a rebuild shows up as a readable diff. */
export function writeDemoFile(dir: string, key: keyof DemoShopData, records: readonly unknown[]): void {
  const body = records.map((record) => JSON.stringify(record)).join(',\n');
  const text = `{"attribution":${JSON.stringify(DEMO_ATTRIBUTION)},\n"${key}":[\n${body}\n]}\n`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, DEMO_FILES[key]), text);
}
