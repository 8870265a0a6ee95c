/**
 * A WAL checkpoint worker that opens, says it is ready, then fails on its first pass (an
 * uncaught error on the thread), as a worker whose disk went away would.
 */
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ kind: 'ready' });
setTimeout(() => {
  throw new Error('the checkpoint pass failed');
}, 20);
