/**
 * Group commit: transactions asked for together share one commit, each still all-or-nothing,
 * and every promise settles only once its work is committed.
 */
import { openStore, type Store } from '../../store';

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
