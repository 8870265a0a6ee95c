import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  DEMO_ATTRIBUTION,
  DEMO_FILES,
  PRODUCT_CATEGORIES,
  defaultDemoDir,
  demoCustomerSchema,
  demoOrderSchema,
  demoProductSchema,
} from '../../data';
import { writeDemoFile } from '../../data/demo-files';
import { deriveDemoShop } from '../../data/derive-demo';
import { readRetailLines } from '../../data/retail-source';

const SHARED = process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
const RETAIL_CSV = path.join(SHARED, 'interactions', 'online_retail', 'online_retail_2010-12-01_to_2010-12-20.csv');

const dir = defaultDemoDir();

function readFile<T extends z.ZodType>(name: string, key: string, record: T): { attribution: string; rows: z.infer<T>[] } {
  const json = z.record(z.string(), z.unknown()).parse(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
  return { attribution: z.string().parse(json.attribution), rows: z.array(record).parse(json[key]) };
}

describe('the committed demo files', () => {
  const products = readFile(DEMO_FILES.products, 'products', demoProductSchema);
  const customers = readFile(DEMO_FILES.customers, 'customers', demoCustomerSchema);
  const orders = readFile(DEMO_FILES.orders, 'orders', demoOrderSchema);

  it('parse with their schemas, carry the attribution and stay small', () => {
    for (const file of [products, customers, orders]) expect(file.attribution).toBe(DEMO_ATTRIBUTION);
    for (const [key, name] of Object.entries(DEMO_FILES)) {
      expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as object)).toEqual(['attribution', key]);
    }
    expect(products.rows.length).toBeGreaterThan(2000);
    const bytes = Object.values(DEMO_FILES).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    expect(fs.readFileSync(path.join(dir, '..', 'ATTRIBUTION.md'), 'utf8')).toContain('CC BY 4.0');
  });

  it('have unique ids and unique example.com mailboxes', () => {
    for (const rows of [products.rows, customers.rows, orders.rows]) expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const emails = customers.rows.map((c) => c.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9.]+@example\.com$/.test(e))).toBe(true);
  });

  it('hold real products only, each in a category, mostly by a keyword rule', () => {
    const ids = products.rows.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['85123A', '22423', '84879']));
    expect(ids.filter((id) => /^(POST|DOT|M|C2|D|S|BANK CHARGES|AMAZONFEE)$/.test(id))).toEqual([]);
    const fallback = products.rows.filter((p) => p.category === 'Gifts & Novelties').length;
    expect(fallback / products.rows.length).toBeLessThan(0.05);
    const used = new Set(products.rows.map((p) => p.category));
    expect(PRODUCT_CATEGORIES.every((c) => used.has(c))).toBe(true);
    const soldOut = products.rows.filter((p) => p.stock === 0).length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut / products.rows.length).toBeLessThan(0.2);
  });

  it('keep the real invoice 536365 of customer 17850 line for line', () => {
    const order = orders.rows.find((o) => o.id === '536365');
    expect(order?.customerId).toBe('17850');
    expect(order?.placedAt).toBe('2010-12-01T08:26:00.000Z');
    expect(order?.lines[0]).toEqual(['85123A', 6, 255]);
    expect(customers.rows.find((c) => c.id === '17850')?.country).toBe('United Kingdom');
    expect(products.rows.find((p) => p.id === '85123A')).toMatchObject({ name: 'White Hanging Heart T-Light Holder', category: 'Candles & Lights' });
  });
});

const describeWithCsv = fs.existsSync(RETAIL_CSV) ? describe : describe.skip;
if (!fs.existsSync(RETAIL_CSV)) console.warn(`skipping the rebuild check: no UCI Online Retail CSV at ${RETAIL_CSV}`);

describeWithCsv('rebuilding the demo files from the shared CSV', () => {
  let source: ReturnType<typeof readRetailLines>;

  beforeAll(() => {
    source = readRetailLines(fs.readFileSync(RETAIL_CSV, 'latin1'));
  });

  it('gives byte-identical files (the build is deterministic and the committed files are current)', () => {
    const { lines, skipped } = source;
    expect(skipped.cancellations).toBeGreaterThan(0);
    expect(skipped.serviceLines).toBeGreaterThan(0);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-demo-'));
    try {
      const shop = deriveDemoShop(lines);
      writeDemoFile(out, 'products', shop.products);
      writeDemoFile(out, 'customers', shop.customers);
      writeDemoFile(out, 'orders', shop.orders);
      for (const name of Object.values(DEMO_FILES)) {
        expect(fs.readFileSync(path.join(out, name), 'utf8') === fs.readFileSync(path.join(dir, name), 'utf8')).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('keeps only the newest orders, with their products and customers, when asked to', () => {
    const shop = deriveDemoShop(source.lines, { maxOrders: 100 });
    expect(shop.orders).toHaveLength(100);
    const products = new Set(shop.products.map((p) => p.id));
    expect(shop.orders.every((o) => o.lines.every(([id]) => products.has(id)))).toBe(true);
    expect(shop.customers.length).toBeLessThanOrEqual(100);
    expect(shop.orders.every((o) => o.placedAt >= '2010-12-16')).toBe(true);
  });
});
