/**
 * The NLU worker entry as the server runs it, except that a batch with the message "stop the worker"
 * makes the thread exit at once, with the readings it was asked for still owed.
 */
import { parentPort } from 'node:worker_threads';
import '../../server/nlu-thread-worker';

parentPort?.on('message', (request: { kind: string; items?: { text: string }[] }) => {
  if (request.kind === 'understand' && request.items?.some((item) => item.text === 'stop the worker')) process.exit(3);
});
