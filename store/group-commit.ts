import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Database, Transaction } from 'better-sqlite3';

/** How the commit waits for company; see {@link GroupCommit}. */
export interface GroupCommitOptions {
  /** The shortest time between two commits while the thread is busy (ms). @default 5 */
  windowMs?: number;
  /** Event-loop utilization (0–1) from which commits keep that distance. @default 0.7 */
  busyAbove?: number;
  /** The thread's recent event-loop utilization (tests bring a fixed one). */
  utilization?: () => number;
}

/** How long one reading of the event loop's utilization stands (ms). */
const UTILIZATION_PERIOD_MS = 100;

/** The event loop's utilization over the last period (re-read at most once a period). */
function recentUtilization(): () => number {
  let mark: EventLoopUtilization = performance.eventLoopUtilization();
  let readAt = performance.now();
  let value = 0;
  return () => {
    const now = performance.now();
    if (now - readAt >= UTILIZATION_PERIOD_MS) {
      const next = performance.eventLoopUtilization();
      value = performance.eventLoopUtilization(next, mark).utilization;
      mark = next;
      readAt = now;
    }
    return value;
  };
}

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  outcome?: { ok: true; value: unknown } | { ok: false; err: unknown };
}

/**
 * Group commit: transactions asked for in the same event-loop turn share one SQLite commit, made
 * on the next turn (`setImmediate`). Under load many shoppers' messages and turns arrive
 * together, and a commit (the WAL append, now and then a checkpoint) costs more than the few
 * rows each writes; one commit for all of them is what lets one thread keep up. Each piece of
 * work runs in its own savepoint, so one that throws rolls back alone and rejects its own
 * promise; the others still commit. Every promise settles only after the commit, so a caller
 * that acknowledges on it acknowledges only what is durable.
 *
 * When the thread is busy (its event loop more than 70 % used), a commit also waits until
 * `windowMs` after the previous one, gathering what arrives meanwhile: at 1,000 shoppers that
 * cuts the commits from about 400 a second to under 200 and the main thread's load by about 5
 * points, headroom bought with about 4 ms of median latency. Below that nothing waits: messages
 * commit on the next turn of the loop, as a shop under less load wants (at 50 % busy the window
 * doubled a 4 ms median and saved nothing needed).
 */
export class GroupCommit {
  private pending: Job[] = [];
  private readonly commitAll: Transaction<(jobs: Job[]) => void>;
  private readonly windowMs: number;
  private readonly busyAbove: number;
  private readonly utilization: () => number;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Database,
    options: GroupCommitOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 5;
    this.busyAbove = options.busyAbove ?? 0.7;
    this.utilization = options.utilization ?? recentUtilization();
    const savepoint = db.transaction((job: Job) => job.work());
    this.commitAll = db.transaction((jobs: Job[]) => {
      for (const job of jobs) {
        try {
          job.outcome = { ok: true, value: savepoint(job) };
        } catch (err) {
          job.outcome = { ok: false, err };
        }
      }
    });
  }

  /** Runs `work` in the next shared commit; resolves with its result once committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) this.schedule();
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** The next commit: on the next turn of the loop, or at the window's end while the thread is busy. */
  private schedule(): void {
    const wait = this.utilization() > this.busyAbove ? this.lastFlushAt + this.windowMs - performance.now() : 0;
    if (wait >= 1) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }

  private flush(): void {
    this.lastFlushAt = performance.now();
    const jobs = this.pending;
    this.pending = [];
    try {
      this.commitAll(jobs);
    } catch (err) {
      // The commit itself failed (disk full, database closed): nothing of the group is stored.
      for (const job of jobs) job.reject(err);
      return;
    }
    for (const job of jobs) {
      const outcome = job.outcome;
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.err);
    }
  }
}
