import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBuiltinNlu, readShopCorpus, type LabelledText } from '../../nlu';
import { NluTrainer, SwappableNlu, startingNlu } from '../../server/nlu-training';
import { ThreadedNlu } from '../../server/threaded-nlu';
import type { IntentAssignment } from '../../store';

/** A slice of the shipped corpus (the first examples of each intent), so training takes seconds. */
function smallCorpus(perIntent: number): LabelledText[] {
  const seen = new Map<string, number>();
  return readShopCorpus().train.filter((e) => {
    const n = seen.get(e.intent) ?? 0;
    seen.set(e.intent, n + 1);
    return n < perIntent;
  });
}

const PHRASE = 'do you sell gift wrapping for birthdays';
const ASSIGNED: IntentAssignment = { id: 1, text: PHRASE, intent: 'product_question', locale: 'en', assignedBy: 'u_manager', createdAt: '2026-03-01T00:00:00.000Z' };

describe('retraining the NLU with assigned phrases', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-nlu-training-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains in a worker, swaps the live model, and keeps it for the next start', async () => {
    const live = new SwappableNlu(await createBuiltinNlu());
    expect((await live.understand(PHRASE, { locale: 'en' })).intent).not.toBe('product_question');
    const trainer = new NluTrainer(live, { dir, catalog: () => [], base: smallCorpus(60) });
    const progress: number[] = [];
    const poll = setInterval(() => {
      const s = trainer.state;
      if (s.status === 'training') progress.push(s.fraction);
    }, 20);
    const done = await trainer.retrain([ASSIGNED]);
    clearInterval(poll);
    expect(done).toMatchObject({ status: 'done', assignments: 1 });
    expect(progress.length).toBeGreaterThan(0);
    expect((await live.understand(PHRASE, { locale: 'en' })).intent).toBe('product_question');
    // A restart loads the retrained model from disk.
    expect((await (await startingNlu(dir, [])).understand(PHRASE, { locale: 'en' })).intent).toBe('product_question');
  }, 120_000);

  it('serves the retrained model from its folder on a worker thread when asked to', async () => {
    const live = new SwappableNlu(await createBuiltinNlu());
    const served: ThreadedNlu[] = [];
    const dirs: string[] = [];
    const serve = async (modelDir: string): Promise<ThreadedNlu> => {
      dirs.push(modelDir);
      const threaded = await ThreadedNlu.start(modelDir, [], (err) => {
        throw err;
      });
      served.push(threaded);
      return threaded;
    };
    const trainer = new NluTrainer(live, { dir, catalog: () => [], base: smallCorpus(60), serve });
    expect(await trainer.retrain([ASSIGNED])).toMatchObject({ status: 'done' });
    // The worker read the model from where it was kept (current/), not from the folder it was written to.
    expect(served).toHaveLength(1);
    expect(dirs).toEqual([path.join(dir, 'current')]);
    const understood = live.understand(PHRASE, { locale: 'en' });
    expect((await understood).intent).toBe('product_question');
    await live.close();
  }, 120_000);

  it('reports a failed training and keeps the old model', async () => {
    const live = new SwappableNlu(await createBuiltinNlu());
    const trainer = new NluTrainer(live, { dir, catalog: () => [], base: [] });
    const state = await trainer.retrain([]);
    expect(state.status).toBe('failed');
    expect((await live.understand('where is my order', { locale: 'en' })).intent).toBe('track_order');
  }, 60_000);
});
