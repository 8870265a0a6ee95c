import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { WalCheckpointer } from '../../server/wal-checkpointer';
import { startShop, tempDir } from '../support/shop-server';

const FAILING_ENTRY = path.join(__dirname, '..', 'support', 'failing-wal-worker');
const COMMITS = 3000;

function openWal(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

/** Commits one row at a time, letting the event loop turn between commits as a server does. */
async function commitRows(db: BetterSqlite3.Database, count: number): Promise<void> {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < count; i++) {
    // A row of 3 kB: each commit appends at least one page to the log.
    insert.run(`${i}:`.padEnd(3000, 'x'));
    await new Promise((resolve) => (i % 5 === 4 ? setTimeout(resolve, 1) : setImmediate(resolve)));
  }
}

function walBytes(file: string): number {
  return fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
}

describe('WAL checkpoints on a worker thread', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('keeps the log short under a stream of commits, with every row in the database', async () => {
    const file = path.join(tmp.dir, 'bounded.db');
    const db = openWal(file);
    const failures: Error[] = [];
    const checkpointer = await WalCheckpointer.start(db, { intervalMs: 10, restartFrames: 100, onFailure: (err) => failures.push(err) });
    expect(checkpointer?.running).toBe(true);
    // SQLite's own checkpoints (on this, the committing connection) are off while the worker runs.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await commitRows(db, COMMITS);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    // Started over during the stream: the file (as long as the longest the log ever was) never
    // held the 3,000 frames and more the commits wrote (the next test). How long it got depends on
    // how often the worker had a core: on a quiet machine under 1,000 frames, on a loaded CI
    // machine once about 2,200.
    expect(walBytes(file)).toBeLessThan(COMMITS * (pageSize + 24));
    // Once the worker has copied everything, the next commit starts the log over.
    await new Promise((resolve) => setTimeout(resolve, 300));
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('after the stream');
    const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(state?.log).toBeLessThan(10);
    await checkpointer?.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(failures).toEqual([]);
    db.close();
    const reopened = new BetterSqlite3(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(COMMITS + 1);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('lets the log grow when the main connection never finishes a checkpoint (why it does)', async () => {
    const file = path.join(tmp.dir, 'unbounded.db');
    const db = openWal(file);
    // Never long enough to ask the main connection: the worker alone copies frames, and the
    // log is never started over while commits keep coming.
    const checkpointer = await WalCheckpointer.start(db, { intervalMs: 10, restartFrames: Number.MAX_SAFE_INTEGER });
    await commitRows(db, COMMITS);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(walBytes(file)).toBeGreaterThan(COMMITS * (pageSize + 24));
    await checkpointer?.close();
    db.close();
  });

  it('gives checkpoints back to SQLite when the worker fails, losing nothing', async () => {
    const file = path.join(tmp.dir, 'failing.db');
    const db = openWal(file);
    const failures: Error[] = [];
    const checkpointer = await WalCheckpointer.start(db, { entry: FAILING_ENTRY, onFailure: (err) => failures.push(err) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/checkpoint pass failed/);
    expect(checkpointer?.running).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // SQLite checkpoints again on its own: past 1,000 pages the log starts over.
    await commitRows(db, COMMITS);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(walBytes(file)).toBeLessThan(1100 * (pageSize + 24));
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(COMMITS);
    await checkpointer?.close();
    db.close();
  });

  it('has nothing to do for a database in memory', async () => {
    const db = new BetterSqlite3(':memory:');
    await expect(WalCheckpointer.start(db)).resolves.toBeUndefined();
    db.close();
  });

  it('runs in the server by default, and not with SHOPKEEP_DB_CHECKPOINT=inline', async () => {
    const threaded = await startShop(path.join(tmp.dir, 'server-thread.db'));
    const inline = await startShop(path.join(tmp.dir, 'server-inline.db'), {}, { SHOPKEEP_DB_CHECKPOINT: 'inline' });
    try {
      expect(threaded.shop.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      expect(inline.shop.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      await threaded.stop();
      await inline.stop();
    }
    // Closed: the server's last connection checkpointed the log into the database and removed it.
    expect(fs.existsSync(path.join(tmp.dir, 'server-thread.db-wal'))).toBe(false);
  });
});
