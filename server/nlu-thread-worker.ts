/**
 * Worker-thread entry of the live NLU (see `threaded-nlu.ts`): loads the model folder it is
 * given and answers readings for the main thread, which then only posts texts and takes the
 * readings back. Catalog changes arrive as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadNlu, type CatalogEntry, type UnderstandOptions } from '../nlu';

/** One message to read, with the id its reading comes back under. */
export interface NluThreadItem {
  id: number;
  text: string;
  options?: UnderstandOptions;
}

/**
 * What the main thread posts. Messages read in the same turn of the event loop travel as one
 * batch: a post costs each thread about as much as reading a short message.
 */
export type NluThreadRequest = { kind: 'understand'; items: NluThreadItem[] } | { kind: 'catalog'; products: CatalogEntry[] };

/** The reading of one {@link NluThreadItem}, or why there is none. */
export type NluThreadReading = { id: number; ok: true; understanding: unknown } | { id: number; ok: false; error: string };

/** What the worker posts back: the readings of a batch come back together, in one post. */
export type NluThreadReply = { kind: 'ready' } | { kind: 'failed'; error: string } | { kind: 'readings'; readings: NluThreadReading[] };

const { modelDir, catalog } = (workerData as { input: { modelDir: string; catalog: CatalogEntry[] } }).input;
const port = parentPort;

function post(reply: NluThreadReply): void {
  port?.postMessage(reply);
}

loadNlu(modelDir, { catalog }).then(
  (nlu) => {
    port?.on('message', (request: NluThreadRequest) => {
      if (request.kind === 'catalog') {
        nlu.setCatalog(request.products);
        return;
      }
      const reading = (item: NluThreadItem): Promise<NluThreadReading> =>
        nlu.understand(item.text, item.options).then(
          (understanding) => ({ id: item.id, ok: true as const, understanding }),
          (err: unknown) => ({ id: item.id, ok: false as const, error: err instanceof Error ? err.message : String(err) }),
        );
      void Promise.all(request.items.map(reading)).then((readings) => post({ kind: 'readings', readings }));
    });
    post({ kind: 'ready' });
  },
  (err: unknown) => post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) }),
);
