/**
 * Worker-thread entry of the WAL checkpointer (see `wal-checkpointer.ts`): opens its own
 * connection to the store's file and copies the write-ahead log into the database every
 * `intervalMs`, so the copy and its fsyncs never hold up the main thread. Once the log is
 * `restartFrames` long it tells the main thread, which finishes the last few frames itself so
 * that its next commit starts the log over.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/** What the main thread posts. */
export type CheckpointRequest = { kind: 'stop' };

/** What the worker posts back. */
export type CheckpointReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: string }
  /** A checkpoint left the log this long (frames), this much of it copied: time to start it over. */
  | { kind: 'long'; log: number; checkpointed: number };

/** The row `PRAGMA wal_checkpoint` returns. */
interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

const { file, intervalMs, restartFrames } = (workerData as { input: { file: string; intervalMs: number; restartFrames: number } }).input;
const port = parentPort;

function post(reply: CheckpointReply): void {
  port?.postMessage(reply);
}

function checkpoint(db: BetterSqlite3.Database): CheckpointRow {
  // PASSIVE never waits: readers and the writer go on while pages are copied.
  return (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[])[0] as CheckpointRow;
}

function run(): void {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
  } catch (err) {
    post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    try {
      let row = checkpoint(db);
      if (row.log >= restartFrames) {
        // The frames committed while the first pass copied: a second, short pass leaves the main
        // thread only what arrives in the moment its message takes to get there.
        row = checkpoint(db);
        post({ kind: 'long', log: row.log, checkpointed: row.checkpointed });
      }
    } catch (err) {
      post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
      db.close();
      port?.close();
      return;
    }
    timer = setTimeout(tick, intervalMs);
  };
  port?.on('message', (request: CheckpointRequest) => {
    if (request.kind !== 'stop') return;
    clearTimeout(timer);
    db.close();
    port.close();
  });
  post({ kind: 'ready' });
  timer = setTimeout(tick, intervalMs);
}

run();
