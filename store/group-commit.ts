import type { Database, Transaction } from 'better-sqlite3';

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
 */
export class GroupCommit {
  private pending: Job[] = [];
  private readonly commitAll: Transaction<(jobs: Job[]) => void>;

  constructor(private readonly db: Database) {
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
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
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
