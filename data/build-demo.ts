/**
 * Regenerates the demo shop's files (`data/demo/*.json`) from the UCI Online Retail CSV in the
 * shared data folder. A maintainer's tool, not part of the running product:
 *
 *   npx tsc -p tsconfig.build.json && node dist/data/build-demo.js [--csv FILE] [--out DIR] [--max-orders N]
 *
 * The output is deterministic: the same CSV gives byte-identical files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeDemoFile } from './demo-files';
import { deriveDemoShop } from './derive-demo';
import { readRetailLines } from './retail-source';

/** The repository root, from `data/` (sources) or `dist/data/` (compiled). */
const REPO_ROOT = path.basename(path.resolve(__dirname, '..')) === 'dist' ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');

const RETAIL_CSV = path.join('interactions', 'online_retail', 'online_retail_2010-12-01_to_2010-12-20.csv');

const argsSchema = z.object({
  csv: z.string().min(1),
  out: z.string().min(1),
  maxOrders: z.coerce.number().int().positive(),
});

function parseArgs(argv: readonly string[]): z.infer<typeof argsSchema> {
  const shared = process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(REPO_ROOT, '..', 'shared', 'data');
  const raw: Record<string, string> = { csv: path.join(shared, RETAIL_CSV), out: path.join(REPO_ROOT, 'data', 'demo'), maxOrders: '5000' };
  const names: Readonly<Record<string, string>> = { '--csv': 'csv', '--out': 'out', '--max-orders': 'maxOrders' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i] ?? ''];
    if (!name || argv[i + 1] === undefined) throw new Error(`usage: build-demo [--csv FILE] [--out DIR] [--max-orders N] (bad argument ${argv[i]})`);
    raw[name] = argv[i + 1] as string;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.csv)) throw new Error(`no UCI Online Retail CSV at ${args.csv} (set SHOPKEEP_SHARED_DATA or pass --csv)`);
  // UCI ships the file in Latin-1 (a "£" in one description).
  const { lines, skipped } = readRetailLines(fs.readFileSync(args.csv, 'latin1'));
  const shop = deriveDemoShop(lines, { maxOrders: args.maxOrders });
  writeDemoFile(args.out, 'products', shop.products);
  writeDemoFile(args.out, 'customers', shop.customers);
  writeDemoFile(args.out, 'orders', shop.orders);
  const lineCount = shop.orders.reduce((n, o) => n + o.lines.length, 0);
  process.stdout.write(
    `demo shop: ${shop.products.length} products, ${shop.customers.length} customers, ${shop.orders.length} orders ` +
      `(${lineCount} lines) → ${args.out}\nleft out: ${JSON.stringify(skipped)}\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`build-demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
