import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoOrderSamples } from '../../data';
import { CliError, type CliIo } from '../../server/cli/command';
import { DEMO_COMMANDS } from '../../server/cli/demo-commands';
import { openStore } from '../../store';

function command(name: string) {
  const found = DEMO_COMMANDS.find((c) => c.path.join(' ') === `demo ${name}`);
  if (!found) throw new Error(`no command demo ${name}`);
  return found;
}

function captureIo(): CliIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (text) => out.push(text), stderr: () => undefined, isTty: false };
}

describe('shopkeep demo', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-demo-cli-'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the demo shop into a new database file, and refuses it the second time', async () => {
    const db = path.join(dir, 'shop.db');
    const io = captureIo();
    await command('load').run(['--db', db], io);
    expect(io.out.join('')).toMatch(/^loaded \d+ products, \d+ customers, \d+ orders into /);
    const store = openStore({ file: db });
    expect(store.orders.count()).toBeGreaterThan(1000);
    store.close();
    await expect(command('load').run(['--db', db], captureIo())).rejects.toThrow(CliError);
    await expect(command('load').run([], captureIo())).rejects.toMatchObject({ exitCode: 2 });
  });

  it('prints one sample order per status with its email', async () => {
    const io = captureIo();
    await command('samples').run([], io);
    const lines = io.out.join('').trim().split('\n');
    expect(lines).toHaveLength(demoOrderSamples().length);
    expect(lines.every((line) => /^\d{6}\t[a-z0-9.]+@example\.com\t[a-z]+/.test(line))).toBe(true);
    await expect(command('samples').run(['--nope', 'x'], captureIo())).rejects.toMatchObject({ exitCode: 2 });
  });
});
