import fs from 'node:fs';
import path from 'node:path';
import { loadDemoShop } from '../../data';
import { PRIVACY_COMMANDS } from '../../server/cli/privacy-commands';
import type { CliCommand, CliIo } from '../../server/cli/command';
import { openStore } from '../../store';
import { tempDir } from '../support/shop-server';

function command(...words: string[]): CliCommand {
  const found = PRIVACY_COMMANDS.find((c) => c.path.join(' ') === words.join(' '));
  if (!found) throw new Error(`no command ${words.join(' ')}`);
  return found;
}

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false }, out: () => out, err: () => err };
}

describe('shopkeep customer export|delete and retention purge', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'shop.db');
  let email = '';

  beforeAll(() => {
    const store = openStore({ file: db });
    loadDemoShop(store, { now: Date.now() });
    email = store.db.prepare('SELECT email FROM customers ORDER BY id LIMIT 1').pluck().get() as string;
    store.close();
  });
  afterAll(() => tmp.cleanup());

  it('exports a customer to a private file, deletes them, and a second export finds nothing', async () => {
    const out = path.join(tmp.dir, 'export.json');
    const run = capture();
    await command('customer', 'export').run(['--db', db, '--email', email, '--out', out], run.io);
    const data = JSON.parse(fs.readFileSync(out, 'utf8')) as { kind: string; tables: Record<string, unknown[]> };
    expect(data.kind).toBe('shopkeep-customer-export');
    expect(data.tables.customers).toHaveLength(1);
    expect(data.tables.orders?.length).toBeGreaterThan(0);
    expect(fs.statSync(out).mode & 0o077).toBe(0);
    expect(run.err()).toMatch(/^wrote \d+ rows from \d+ tables/);

    const del = capture();
    await command('customer', 'delete').run(['--db', db, '--email', email], del.io);
    expect(del.out()).toMatch(/^deleted \d+ rows about /);
    const again = capture();
    await command('customer', 'export').run(['--db', db, '--email', email], again.io);
    expect(JSON.parse(again.out()).tables).toEqual({});
  });

  it('purges on demand and refuses bad arguments with one line', async () => {
    const run = capture();
    await command('retention', 'purge').run(['--db', db, '--days', '30'], run.io);
    expect(run.out()).toBe('purged 0 conversations idle for more than 30 days\n');
    await expect(command('customer', 'delete').run(['--db', db, '--email', 'nope'], capture().io)).rejects.toThrow('--email: must be an email address');
    await expect(command('retention', 'purge').run(['--db', db, '--days', '-1'], capture().io)).rejects.toThrow(/--days/);
  });
});
