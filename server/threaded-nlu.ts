import type { Worker } from 'node:worker_threads';
import path from 'node:path';
import { startWorker } from '../bot/workers/run-in-worker';
import { loadNlu, type CatalogEntry, type Nlu, type Understanding, type UnderstandOptions } from '../nlu';
import type { NluThreadItem, NluThreadReply, NluThreadRequest } from './nlu-thread-worker';

const ENTRY = path.join(__dirname, 'nlu-thread-worker');
/** How long closing waits for the readings the worker owes. */
const CLOSE_GRACE_MS = 10_000;

interface Pending {
  text: string;
  options: UnderstandOptions | undefined;
  resolve: (u: Understanding) => void;
  reject: (err: unknown) => void;
}

/** The product list as the NLU needs it (the id and name of each product, nothing else). */
function entries(products: readonly CatalogEntry[]): CatalogEntry[] {
  return products.map((p) => ({ id: p.id, name: p.name }));
}

/**
 * The NLU on a worker thread. Reading a message (n-grams, the intent model, entities,
 * sentiment) was about a sixth of the main thread's work per turn, and the main thread is what
 * limits how many shoppers one server answers; here it only posts the text and takes the
 * reading back, while the other core reads.
 *
 * Nothing is lost if the worker dies: the readings it owed, and every later one, are made in
 * this thread with the same model, and `onFailure` is told once.
 */
export class ThreadedNlu implements Nlu {
  private readonly pending = new Map<number, Pending>();
  /** Messages asked for in this turn of the event loop, posted together when it ends. */
  private batch: NluThreadItem[] = [];
  private nextId = 0;
  private catalog: CatalogEntry[];
  private failed = false;
  private closing = false;
  private inProcess: Promise<Nlu> | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly modelDir: string,
    catalog: CatalogEntry[],
    private readonly onFailure: (err: Error) => void,
  ) {
    this.catalog = catalog;
    worker.on('message', (reply: NluThreadReply) => this.settle(reply));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => {
      // Stopped on purpose with nothing owed: done. Otherwise what it owed is read here.
      if (!this.closing || this.pending.size > 0) this.fail(new Error(`the NLU worker stopped (code ${code})`));
    });
    // A server that forgets to close it still exits.
    worker.unref();
  }

  /**
   * Starts the worker on a model folder and resolves once it answers; rejects when it cannot
   * load the model (the caller then reads in process).
   * @param entry the worker's entry module without extension (tests bring one that fails on cue)
   */
  static start(modelDir: string, catalog: readonly CatalogEntry[], onFailure: (err: Error) => void, entry = ENTRY): Promise<ThreadedNlu> {
    const list = entries(catalog);
    const worker = startWorker(entry, { modelDir, catalog: list });
    return new Promise<ThreadedNlu>((resolve, reject) => {
      const refuse = (err: Error): void => {
        void worker.terminate();
        reject(err);
      };
      worker.once('message', (reply: NluThreadReply) => {
        worker.removeListener('error', refuse);
        if (reply.kind === 'ready') resolve(new ThreadedNlu(worker, modelDir, list, onFailure));
        else refuse(new Error(reply.kind === 'failed' ? reply.error : `unexpected first message from the NLU worker: ${reply.kind}`));
      });
      worker.once('error', refuse);
    });
  }

  understand(text: string, options?: UnderstandOptions): Promise<Understanding> {
    // Closed (swapped out) or failed: the worker will not answer; read here.
    if (this.failed || this.closing) return this.local().then((nlu) => nlu.understand(text, options));
    return new Promise<Understanding>((resolve, reject) => {
      const id = ++this.nextId;
      this.pending.set(id, { text, options, resolve, reject });
      if (this.batch.length === 0) setImmediate(() => this.postBatch());
      this.batch.push({ id, text, ...(options ? { options } : {}) });
    });
  }

  setCatalog(products: readonly CatalogEntry[]): void {
    this.catalog = entries(products);
    if (!this.failed) this.post({ kind: 'catalog', products: this.catalog });
    void this.inProcess?.then((nlu) => nlu.setCatalog(this.catalog));
  }

  /**
   * Stops the worker once the readings it owes are back (a swapped-out model finishes its turns),
   * or after `graceMs`: whatever it still owes then is read in this thread.
   */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.closing = true;
    const deadline = Date.now() + graceMs;
    while (this.pending.size > 0 && !this.failed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.worker.terminate();
  }

  private post(request: NluThreadRequest): void {
    this.worker.postMessage(request);
  }

  /** Posts the messages asked for since the last batch (those of a failed worker are read here already). */
  private postBatch(): void {
    const items = this.batch;
    this.batch = [];
    if (!this.failed) this.post({ kind: 'understand', items });
  }

  private settle(reply: NluThreadReply): void {
    if (reply.kind !== 'readings') return;
    for (const reading of reply.readings) {
      const waiting = this.pending.get(reading.id);
      if (!waiting) continue;
      this.pending.delete(reading.id);
      if (reading.ok) waiting.resolve(reading.understanding as Understanding);
      else waiting.reject(new Error(reading.error));
    }
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.onFailure(err);
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const p of owed) this.local().then((nlu) => nlu.understand(p.text, p.options)).then(p.resolve, p.reject);
  }

  /** The same model in this thread, loaded the first time the worker is missed. */
  private local(): Promise<Nlu> {
    this.inProcess ??= loadNlu(this.modelDir, { catalog: this.catalog });
    return this.inProcess;
  }
}
