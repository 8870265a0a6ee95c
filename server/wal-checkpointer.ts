import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { startWorker } from '../bot/workers/run-in-worker';
import type { CheckpointReply, CheckpointRequest } from './wal-checkpoint-worker';

const ENTRY = path.join(__dirname, 'wal-checkpoint-worker');
/** SQLite's own auto-checkpoint threshold (pages), put back when the worker is gone. */
const SQLITE_AUTOCHECKPOINT = 1000;
/** How long `close` waits for the worker to let go of its connection. */
const CLOSE_GRACE_MS = 5000;

export interface WalCheckpointerOptions {
  /** How often the worker copies the log into the database (ms). @default 250 */
  intervalMs?: number;
  /**
   * Log length (frames, a page each) from which it is started over: the main connection copies
   * the last frames so its next commit writes from the top of the file. @default 4000 (16 MB)
   */
  restartFrames?: number;
  /** Told once when the worker fails; SQLite's own checkpoints on the main connection take over. */
  onFailure?: (err: Error) => void;
  /** The worker's entry module without extension (tests bring one that fails). */
  entry?: string;
}

/**
 * The worker's first message, or why there is none. Only its own listeners are removed after:
 * a Worker's other listeners include Node's, which keep its messages flowing.
 */
function firstReply(worker: Worker): Promise<CheckpointReply> {
  return new Promise<CheckpointReply>((resolve, reject) => {
    const onMessage = (reply: CheckpointReply): void => settle(() => resolve(reply));
    const onError = (err: Error): void => settle(() => reject(err));
    const onExit = (code: number): void => settle(() => reject(new Error(`the WAL checkpoint worker stopped before it started (code ${code})`)));
    const settle = (done: () => void): void => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      done();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * Checkpoints the store's write-ahead log on a worker thread. SQLite checkpoints on the
 * connection that commits, once the log passes 1,000 pages: it copies them into the database
 * and fsyncs both files, which under a thousand shoppers held the main thread about 4.5 ms every
 * tenth of a second (and far longer on a busy disk). Here a second connection does that copying
 * and syncing; the main connection only copies the few frames committed since, when the log is
 * long, so that its next commit restarts it (a log nobody restarts grows without end).
 *
 * Nothing depends on the worker for durability: commits are in the log either way. If it fails,
 * SQLite's own checkpoints are switched back on.
 */
export class WalCheckpointer {
  private closing = false;
  private failed = false;
  private exited = false;
  private finishQueued = false;

  private constructor(
    private readonly db: Database,
    private readonly worker: Worker,
    private readonly onFailure: (err: Error) => void,
  ) {
    worker.on('message', (reply: CheckpointReply) => this.receive(reply));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => {
      this.exited = true;
      if (!this.closing) this.fail(new Error(`the WAL checkpoint worker stopped (code ${code})`));
    });
    // A process that forgets to close it still exits.
    worker.unref();
  }

  /**
   * Starts the worker on the database's file; resolves once its connection is open, and only
   * then turns off checkpoints on `db`. Undefined for a database without a file or not in WAL
   * mode (nothing to checkpoint).
   */
  static async start(db: Database, options: WalCheckpointerOptions = {}): Promise<WalCheckpointer | undefined> {
    if (db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return undefined;
    const worker = startWorker(options.entry ?? ENTRY, {
      file: db.name,
      intervalMs: options.intervalMs ?? 250,
      restartFrames: options.restartFrames ?? 4000,
    });
    const ready = await firstReply(worker);
    if (ready.kind !== 'ready') {
      await worker.terminate();
      throw new Error(`the WAL checkpoint worker could not start: ${ready.kind === 'failed' ? ready.error : ready.kind}`);
    }
    db.pragma('wal_autocheckpoint = 0');
    return new WalCheckpointer(db, worker, options.onFailure ?? (() => undefined));
  }

  /** True while the worker checkpoints (false once closed or failed). */
  get running(): boolean {
    return !this.closing && !this.failed;
  }

  /** Stops the worker and gives checkpoints back to SQLite on the main connection. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    // A failed worker was stopped then, and SQLite's checkpoints were given back.
    if (this.failed || this.exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ kind: 'stop' } satisfies CheckpointRequest);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS);
    });
    if ((await Promise.race([exited, late])) === 'late') await this.worker.terminate();
    clearTimeout(timer);
    this.restoreAutocheckpoint();
  }

  private receive(reply: CheckpointReply): void {
    if (reply.kind === 'failed') this.fail(new Error(`WAL checkpoint failed: ${reply.error}`));
    else if (reply.kind === 'long') this.finish();
  }

  /**
   * Copies what the worker's pass left (the frames committed since), between transactions, so the
   * log is wholly in the database and the next commit starts it over.
   */
  private finish(): void {
    if (this.closing || this.failed || !this.db.open || this.finishQueued) return;
    if (this.db.inTransaction) {
      // A group commit is open: after it.
      this.finishQueued = true;
      setImmediate(() => {
        this.finishQueued = false;
        this.finish();
      });
      return;
    }
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The connection is busy with a statement (or closing): the worker's next pass asks again.
    }
  }

  private fail(err: Error): void {
    if (this.closing || this.failed) return;
    this.failed = true;
    this.restoreAutocheckpoint();
    void this.worker.terminate();
    this.onFailure(err);
  }

  private restoreAutocheckpoint(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
  }
}
