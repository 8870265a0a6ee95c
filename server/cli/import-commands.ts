import fs from 'node:fs';
import { z } from 'zod';
import { openStore } from '../../store';
import { loadConfig } from '../config';
import { ShopImportError, importShopData, type ShopImport } from '../shop-api';
import { CliError, parseOptions, type CliCommand } from './command';

/** The list each flag loads, and the key its file may wrap the list in. */
const LISTS = { catalog: 'products', customers: 'customers', orders: 'orders' } as const;
type ListFlag = keyof typeof LISTS;

function readList(file: string, flag: ListFlag): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`--${flag} ${file}: ${code ? `cannot read (${code})` : 'not valid JSON'}`);
  }
  // A file is the API's body ({"products": [...]}) or the bare list.
  const list = Array.isArray(json) ? json : (json as Record<string, unknown> | null)?.[LISTS[flag]];
  if (!Array.isArray(list)) throw new CliError(`--${flag} ${file}: expected a JSON array or {"${LISTS[flag]}": [...]}`);
  return list;
}

const IMPORT: CliCommand = {
  path: ['import'],
  summary: 'Loads the shop\'s catalog, customers and orders from JSON files (the shop API\'s shapes); all or nothing.',
  usage: '[--catalog FILE] [--customers FILE] [--orders FILE] [--db FILE]',
  async run(argv, io) {
    const opts = parseOptions(
      argv,
      { catalog: { type: 'string' }, customers: { type: 'string' }, orders: { type: 'string' }, db: { type: 'string' } },
      z
        .object({ catalog: z.string().optional(), customers: z.string().optional(), orders: z.string().optional(), db: z.string().optional() })
        .refine((o) => o.catalog || o.customers || o.orders, { message: 'give at least one of --catalog, --customers, --orders' }),
    );
    const data: ShopImport = {};
    if (opts.catalog) data.products = readList(opts.catalog, 'catalog') as ShopImport['products'];
    if (opts.customers) data.customers = readList(opts.customers, 'customers') as ShopImport['customers'];
    if (opts.orders) data.orders = readList(opts.orders, 'orders') as ShopImport['orders'];
    const store = openStore({ file: opts.db ?? loadConfig().SHOPKEEP_DB });
    try {
      const counts = importShopData(store, data, 'cli');
      io.stdout(`imported ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders\n`);
    } catch (err) {
      if (err instanceof ShopImportError) throw new CliError(`nothing imported: ${err.message.replace(/^products/, 'catalog')}`);
      throw err;
    } finally {
      store.close();
    }
  },
};

/** `shopkeep import`: the shop-integration seam from files. */
export const IMPORT_COMMANDS: readonly CliCommand[] = [IMPORT];
