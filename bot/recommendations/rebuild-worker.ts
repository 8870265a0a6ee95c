import { parentPort, workerData } from 'node:worker_threads';
import { rebuildSnapshot, type CatalogItem, type Interaction, type SavedRecommender } from '../../recommender';
import type { WorkerReply } from '../workers/run-in-worker';

/** What the rebuild worker is given. */
export interface RebuildInput {
  interactions: Interaction[];
  catalog: CatalogItem[];
}

const { input } = workerData as { input: RebuildInput };
let reply: WorkerReply<SavedRecommender>;
try {
  reply = { ok: true, result: rebuildSnapshot(input.interactions, { catalog: input.catalog }) };
} catch (err) {
  reply = { ok: false, error: (err as Error).message };
}
parentPort?.postMessage(reply);
