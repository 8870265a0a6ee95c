import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The message a worker entry posts back: its result, or the error it failed with. */
export type WorkerReply<T> = { ok: true; result: T } | { ok: false; error: string };

/**
 * Runs a worker entry (a module that reads `workerData.input` and posts a {@link WorkerReply})
 * in a worker thread, so heavy work (a recommender rebuild, a model training) never blocks chats.
 * From the built product the entry is the compiled `.js` beside the caller; from the sources
 * (tests, development) a bootstrap compiles the `.ts` entry on the fly.
 *
 * @param entryWithoutExtension absolute path of the entry, without `.js`/`.ts`
 */
export function runInWorker<I, T>(entryWithoutExtension: string, input: I): Promise<T> {
  const worker = startWorker(entryWithoutExtension, input);
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (reply: WorkerReply<T>) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${path.basename(entryWithoutExtension)} exited with code ${code}`));
    });
  });
}

/**
 * Starts a worker thread on an entry module with `workerData.input`: the compiled `.js` beside
 * the caller in the built product, the `.ts` source through a compiling bootstrap otherwise.
 *
 * @param entryWithoutExtension absolute path of the entry, without `.js`/`.ts`
 */
export function startWorker(entryWithoutExtension: string, input: unknown): Worker {
  const compiled = `${entryWithoutExtension}.js`;
  return fs.existsSync(compiled)
    ? new Worker(compiled, { workerData: { input } })
    : new Worker(path.join(__dirname, 'ts-worker-bootstrap.js'), { workerData: { input, entry: `${entryWithoutExtension}.ts` } });
}
