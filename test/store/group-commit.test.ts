/**
 * Group commit: transactions asked for together share one commit, each still all-or-nothing,
 * and every promise settles only once its work is committed.
 */
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../../store';
import { GroupCommit } from '../../store/group-commit';

let store: Store;
beforeEach(() => {
  store = openStore({ file: ':memory:' });
  store.db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
});
afterEach(() => store.close());

const add = (text: string) => () => store.db.prepare('INSERT INTO notes (text) VALUES (?)').run(text).lastInsertRowid;
const texts = () => store.db.prepare('SELECT text FROM notes ORDER BY id').pluck().all();

describe('Store.groupTransaction', () => {
  it('commits work asked for in the same turn together, in order, and resolves after the commit', async () => {
    const first = store.groupTransaction(add('one'));
    const second = store.groupTransaction(add('two'));
    // Nothing runs before the shared commit on the next turn of the event loop.
    expect(texts()).toEqual([]);
    const ids = await Promise.all([first, second]);
    expect(store.db.inTransaction).toBe(false);
    expect(texts()).toEqual(['one', 'two']);
    expect(ids.map(Number)).toEqual([1, 2]);
  });

  it('rolls back only the work that throws; the rest of the group commits', async () => {
    const good = store.groupTransaction(add('kept'));
    const bad = store.groupTransaction(() => {
      add('half done')();
      throw new Error('refused');
    });
    const after = store.groupTransaction(add('also kept'));
    await expect(bad).rejects.toThrow('refused');
    await Promise.all([good, after]);
    expect(texts()).toEqual(['kept', 'also kept']);
  });

  it('rejects the whole group when the commit itself fails', async () => {
    const lost = store.groupTransaction(add('lost'));
    store.close();
    await expect(lost).rejects.toThrow(/not open/);
    store = openStore({ file: ':memory:' });
  });
});

describe('the commit window', () => {
  /** Runs a job that notes when its work ran; resolves with that time once committed. */
  const timed = (group: GroupCommit) => group.run(() => performance.now());

  it('keeps busy-thread commits a window apart, gathering what comes in meanwhile into one', async () => {
    const group = new GroupCommit(store.db, { windowMs: 200, utilization: () => 0.9 });
    const firstRan = await timed(group);
    const second = timed(group);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const third = timed(group);
    const [secondRan, thirdRan] = await Promise.all([second, third]);
    // The second waited for the window; the third, asked 20 ms later, joined its commit.
    expect(secondRan - firstRan).toBeGreaterThanOrEqual(190);
    expect(thirdRan - secondRan).toBeLessThan(15);
  });

  it('does not wait while the thread is not busy', async () => {
    const group = new GroupCommit(store.db, { windowMs: 200, utilization: () => 0.2 });
    const firstRan = await timed(group);
    const secondRan = await timed(group);
    expect(secondRan - firstRan).toBeLessThan(150);
  });

  it('commits at once when the last commit is older than the window', async () => {
    const group = new GroupCommit(store.db, { windowMs: 50, utilization: () => 0.9 });
    const firstRan = await timed(group);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const asked = performance.now();
    const secondRan = await timed(group);
    // The premise: the window (50 ms) had passed. Not 80: a timer may fire a fraction of a
    // millisecond before performance.now() says its delay is up (libuv keeps whole milliseconds).
    expect(secondRan - firstRan).toBeGreaterThanOrEqual(50);
    expect(secondRan - asked).toBeLessThan(40);
  });
});
