import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli';
import type { CliIo } from '../../server/cli/command';
import { shopEvents } from './fixtures';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTty: false, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

describe('shopkeep recommend', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const events = shopEvents();

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shopkeep-recommend-'));
    const rows = events.map((e) => `${e.userId},${e.itemId},1,${e.timestamp}`);
    writeFileSync(file('train.csv'), `user_id,item_id,weight,timestamp\n${rows.join('\n')}\n`);
    writeFileSync(file('users.txt'), 'shopper-0\nshopper-1\n\nstranger\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON line per user, never an owned item, popular items for strangers', async () => {
    const io = capture();
    const code = await main(['recommend', '--interactions', file('train.csv'), '--users', file('users.txt'), '--k', '3', '--out', file('recs.jsonl')], io);
    expect(io.err.join('')).toContain('wrote 3 users');
    expect(code).toBe(0);
    const lines = readFileSync(file('recs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { user_id: string; items: string[] });
    expect(lines.map((l) => l.user_id)).toEqual(['shopper-0', 'shopper-1', 'stranger']);
    for (const line of lines) {
      expect(line.items).toHaveLength(3);
      const owned = events.filter((e) => e.userId === line.user_id).map((e) => e.itemId);
      for (const item of line.items) expect(owned).not.toContain(item);
    }
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.itemId, (counts.get(e.itemId) ?? 0) + 1);
    const mostPopular = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(lines[2]?.items[0]).toBe(mostPopular);
  });

  it('accepts headerless user_id,item_id rows', async () => {
    writeFileSync(file('plain.csv'), events.map((e) => `${e.userId},${e.itemId}`).join('\n'));
    const io = capture();
    expect(await main(['recommend', '--interactions', file('plain.csv'), '--users', file('users.txt'), '--out', file('plain.jsonl')], io)).toBe(0);
    expect(readFileSync(file('plain.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('prints HR@10 and NDCG@10 for the engine, popularity and item-kNN', async () => {
    const io = capture();
    expect(await main(['recommend', 'eval', '--interactions', file('train.csv')], io)).toBe(0);
    const text = io.out.join('');
    expect(text).toMatch(/leave-last-out: 60 users/);
    for (const name of ['engine', 'popularity', 'item-kNN']) expect(text).toMatch(new RegExp(`^${name}\\s+0\\.\\d{4}\\s+0\\.\\d{4}$`, 'm'));
    expect(text).toMatch(/HR@10\s+NDCG@10/);
  });

  it('fails with one line and a non-zero code on bad input', async () => {
    writeFileSync(file('bad.csv'), 'user_id,item_id,weight\nu1,lamp,1\nu2,mug,-3\n');
    const cases: [string[], RegExp][] = [
      [['recommend', '--interactions', file('bad.csv'), '--users', file('users.txt'), '--out', file('x.jsonl')], /bad\.csv: line 3: weight/],
      [['recommend', '--interactions', file('missing.csv'), '--users', file('users.txt'), '--out', file('x.jsonl')], /cannot read .*missing\.csv: ENOENT/],
      [['recommend', '--interactions', file('train.csv'), '--users', file('users.txt')], /--out/],
      [['recommend', 'eval', '--interactions', file('train.csv'), '--k', 'ten'], /--k/],
    ];
    for (const [argv, message] of cases) {
      const io = capture();
      expect(await main(argv, io)).not.toBe(0);
      const err = io.err.join('');
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });
});
