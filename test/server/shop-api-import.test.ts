import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../server/cli';
import type { CliIo } from '../../server/cli/command';
import { openStore } from '../../store';
import { tempDir } from '../support/shop-server';

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false };
}

describe('shopkeep import', () => {
  let dir: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    fs.writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify({ products: [{ id: 'P1', name: 'Blue Mug', priceMinor: 350, currency: 'GBP', stock: 4 }] }));
    fs.writeFileSync(path.join(dir, 'customers.json'), JSON.stringify([{ id: 'C1', email: 'cy@example.com', name: 'Cy' }]));
    fs.writeFileSync(
      path.join(dir, 'orders.json'),
      JSON.stringify({
        orders: [
          { id: '900001', customerId: 'C1', email: 'cy@example.com', status: 'paid', placedAt: '2026-11-18T10:00:00Z', totalMinor: 350, currency: 'GBP', items: [{ productId: 'P1', name: 'Blue Mug', quantity: 1, unitPriceMinor: 350 }] },
        ],
      }),
    );
  });

  afterEach(() => cleanup());

  it('loads catalog, customers and orders into the store', async () => {
    const io = captureIo();
    const db = path.join(dir, 'shop.db');
    const args = ['import', '--catalog', path.join(dir, 'catalog.json'), '--customers', path.join(dir, 'customers.json')];
    expect(await main([...args, '--orders', path.join(dir, 'orders.json'), '--db', db], io)).toBe(0);
    expect(io.out.join('')).toBe('imported 1 products, 1 customers, 1 orders\n');
    const store = openStore({ file: db });
    expect(store.orders.findByIdAndEmail('900001', 'cy@example.com')?.items).toHaveLength(1);
    expect(store.products.findById('P1')?.name).toBe('Blue Mug');
    store.close();
  });

  it('stores nothing when one file has a bad row, and says which', async () => {
    fs.writeFileSync(path.join(dir, 'orders.json'), JSON.stringify([{ id: '900002', email: 'not-an-email', status: 'paid' }]));
    const io = captureIo();
    const db = path.join(dir, 'shop.db');
    const code = await main(['import', '--catalog', path.join(dir, 'catalog.json'), '--orders', path.join(dir, 'orders.json'), '--db', db], io);
    expect(code).toBe(1);
    expect(io.err.join('')).toMatch(/^shopkeep import: nothing imported: orders\.0\.email/);
    const store = openStore({ file: db });
    expect(store.products.findById('P1')).toBeUndefined();
    store.close();
  });

  it('refuses no files, unreadable files and files of the wrong shape in one line', async () => {
    const io = captureIo();
    expect(await main(['import'], io)).toBe(2);
    expect(await main(['import', '--catalog', path.join(dir, 'missing.json'), '--db', path.join(dir, 'x.db')], io)).toBe(1);
    fs.writeFileSync(path.join(dir, 'weird.json'), '{"items": []}');
    expect(await main(['import', '--catalog', path.join(dir, 'weird.json'), '--db', path.join(dir, 'x.db')], io)).toBe(1);
    expect(io.err).toEqual([
      expect.stringMatching(/give at least one of --catalog/),
      expect.stringMatching(/--catalog .*missing\.json: cannot read \(ENOENT\)/),
      expect.stringMatching(/expected a JSON array or \{"products": \[\.\.\.\]\}/),
    ]);
  });
});
