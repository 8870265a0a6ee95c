/**
 * Worker-thread entry of the live NLU (see `threaded-nlu.ts`): loads the model folder it is
 * given and answers readings for the main thread, which then only posts texts and takes the
 * readings back. Catalog changes arrive as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadNlu, type CatalogEntry, type UnderstandOptions } from '../nlu';

/** What the main thread posts. */
export type NluThreadRequest =
  | { kind: 'understand'; id: number; text: string; options?: UnderstandOptions }
  | { kind: 'catalog'; products: CatalogEntry[] };

/** What the worker posts back. */
export type NluThreadReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: string }
  | { kind: 'reading'; id: number; ok: true; understanding: unknown }
  | { kind: 'reading'; id: number; ok: false; error: string };

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
      nlu.understand(request.text, request.options).then(
        (understanding) => post({ kind: 'reading', id: request.id, ok: true, understanding }),
        (err: unknown) => post({ kind: 'reading', id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    });
    post({ kind: 'ready' });
  },
  (err: unknown) => post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) }),
);
