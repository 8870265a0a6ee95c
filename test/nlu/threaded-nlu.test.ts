import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtinModelPath, loadNlu, type Nlu } from '../../nlu';
import { SwappableNlu } from '../../server/nlu-training';
import { ThreadedNlu } from '../../server/threaded-nlu';
import { ask, connectShopper, startShop, tempDir } from '../support/shop-server';

const CATALOG = [
  { id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' },
  { id: '22423', name: 'REGENCY CAKESTAND 3 TIER' },
];
const TEXTS = ['hi', 'where is my order 536365?', 'do you have red lanterns?', '我的订单到哪了？', 'this is the third time I ask, useless', 'how much is the regency cakestand?'];
const FAILING_ENTRY = path.join(__dirname, '..', 'support', 'failing-nlu-worker');

describe('the NLU on a worker thread', () => {
  let inProcess: Nlu;
  beforeAll(async () => {
    inProcess = await loadNlu(builtinModelPath(), { catalog: CATALOG });
  });

  it('reads every message as the same model does in process', async () => {
    const failures: Error[] = [];
    const threaded = await ThreadedNlu.start(builtinModelPath(), CATALOG, (err) => failures.push(err));
    try {
      // Asked in one turn of the event loop, they travel as one post, and each gets its own reading.
      const posts = jest.spyOn(Worker.prototype, 'postMessage');
      const readings = await Promise.all(TEXTS.map((text) => threaded.understand(text, { locale: 'en' })));
      expect(posts.mock.calls.map(([request]) => (request as { items: unknown[] }).items.length)).toEqual([TEXTS.length]);
      posts.mockRestore();
      expect(readings).toEqual(await Promise.all(TEXTS.map((text) => inProcess.understand(text, { locale: 'en' }))));
      // One asked later goes in a batch of its own.
      expect(await threaded.understand(TEXTS[1] as string, { locale: 'en' })).toEqual(readings[1]);
      expect(readings[5]?.entities).toContainEqual(expect.objectContaining({ type: 'product', value: '22423' }));
    } finally {
      await threaded.close();
    }
    expect(failures).toEqual([]);
  });

  it('reads with the catalog it was last given', async () => {
    const threaded = await ThreadedNlu.start(builtinModelPath(), [], () => undefined);
    try {
      const before = await threaded.understand('how much is the regency cakestand?');
      expect(before.entities.filter((e) => e.type === 'product')).toEqual([]);
      threaded.setCatalog(CATALOG);
      const after = await threaded.understand('how much is the regency cakestand?');
      expect(after.entities).toContainEqual(expect.objectContaining({ type: 'product', value: '22423' }));
    } finally {
      await threaded.close();
    }
  });

  it('loses no reading when the worker dies: what it owed and what follows is read in process', async () => {
    const failures: Error[] = [];
    const threaded = await ThreadedNlu.start(builtinModelPath(), CATALOG, (err) => failures.push(err), FAILING_ENTRY);
    try {
      const owed = ['where is my order?', 'stop the worker', 'do you have red lanterns?'].map((text) => threaded.understand(text));
      const readings = await Promise.all(owed);
      expect(readings.map((u) => u.text)).toEqual(['where is my order?', 'stop the worker', 'do you have red lanterns?']);
      expect(readings[0]).toEqual(await inProcess.understand('where is my order?'));
      expect(await threaded.understand('thanks!')).toEqual(await inProcess.understand('thanks!'));
      expect(failures).toHaveLength(1);
      expect(failures[0]?.message).toMatch(/stopped \(code 3\)/);
    } finally {
      await threaded.close();
    }
  });

  it('does not strand the readings it owes when closed before they are back', async () => {
    const failures: Error[] = [];
    const threaded = await ThreadedNlu.start(builtinModelPath(), CATALOG, (err) => failures.push(err));
    const owed = TEXTS.map((text) => threaded.understand(text));
    await threaded.close(0);
    expect((await Promise.all(owed)).map((u) => u.text)).toEqual(TEXTS);
    expect(failures.length).toBeLessThanOrEqual(1);
  });

  it('refuses to start on a folder without a model, so the server reads in process instead', async () => {
    await expect(ThreadedNlu.start(path.join(__dirname, 'no-such-model'), CATALOG, () => undefined)).rejects.toMatchObject({ message: expect.stringMatching(/no-such-model/) });
  });

  it('is closed once swapped out, after the readings it owed', async () => {
    const old = await ThreadedNlu.start(builtinModelPath(), CATALOG, () => undefined);
    const close = jest.spyOn(old, 'close');
    const live = new SwappableNlu(old);
    const owed = live.understand('where is my order?');
    live.swap(inProcess);
    expect(close).toHaveBeenCalledTimes(1);
    expect((await owed).intent).toBe('track_order');
    await close.mock.results[0]?.value;
    expect(await live.understand('hi')).toEqual(await inProcess.understand('hi'));
    // A turn still holding the old one is answered in process, never left waiting.
    expect(await old.understand('hi')).toEqual(await inProcess.understand('hi'));
  });
});

describe('a server reading on the NLU thread (NLU_THREAD=1)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('answers shoppers, and stops the thread when it closes', async () => {
    const running = await startShop(path.join(tmp.dir, 'threaded.db'), {}, { NLU_THREAD: '1' });
    try {
      const { socket } = await connectShopper(running.url);
      expect((await ask(socket, 'where is my order?', 'c-1')).text).toMatch(/order number/i);
      expect((await ask(socket, 'what are your delivery options?', 'c-2')).text).toMatch(/deliver/i);
      socket.disconnect();
    } finally {
      await running.stop();
    }
  });
});
