import type { Database, Statement, Transaction } from 'better-sqlite3';
import { isoNow, type Clock } from './clock';

/** Documents to write, each with the etag it expects to replace (`'*'` or none: last write wins). */
type Changes = ReadonlyMap<string, { value: Record<string, unknown>; expectedEtag?: number | '*' }>;

/** Documents whose stored text a cache of {@link BotStateRepository} keeps (read, not yet written back). */
const READ_DOCUMENTS_KEPT = 10_000;

/** A stored state document and its version. */
export interface StateDocument {
  value: Record<string, unknown>;
  etag: number;
}

/** Thrown when a write carries an etag that is no longer current (another turn wrote first). */
export class StaleStateError extends Error {
  constructor(readonly key: string) {
    super(`state "${key}" was changed by another writer`);
    this.name = 'StaleStateError';
  }
}

/**
 * Key-value documents for conversation and dialog state (the bot's `Storage`), so a
 * conversation resumes exactly where it was after a restart. Optimistic concurrency by etag.
 */
export class BotStateRepository {
  private readonly getStmt: Statement<[string], { value: string; etag: number }>;
  private readonly upsertStmt: Statement;
  private readonly deleteStmt: Statement<[string]>;
  private readonly writeAll: Transaction<(changes: Changes, now: string) => void>;
  private readonly deleteAll: Transaction<(keys: readonly string[]) => void>;
  /**
   * The stored text of documents read and not written since: a turn that changed nothing of its
   * state (a third of them: "thanks", a question answered outright) writes nothing back.
   */
  private readonly readAs = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.getStmt = db.prepare('SELECT value, etag FROM bot_state WHERE key = ?');
    this.upsertStmt = db.prepare(`INSERT INTO bot_state (key, value, etag, updated_at) VALUES (@key, @value, 1, @now)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = bot_state.etag + 1, updated_at = excluded.updated_at`);
    this.deleteStmt = db.prepare('DELETE FROM bot_state WHERE key = ?');
    // Made once: every turn writes its dialog state, and a transaction function is not free to make.
    this.writeAll = db.transaction((changes: Changes, now: string) => {
      for (const [key, change] of changes) {
        if (typeof change.expectedEtag === 'number') {
          const current = this.getStmt.get(key);
          if (current && current.etag !== change.expectedEtag) throw new StaleStateError(key);
        }
        const value = JSON.stringify(change.value);
        const unchanged = this.readAs.get(key) === value;
        this.readAs.delete(key);
        if (!unchanged) this.upsertStmt.run({ key, value, now });
      }
    });
    this.deleteAll = db.transaction((keys: readonly string[]) => {
      for (const key of keys) {
        this.readAs.delete(key);
        this.deleteStmt.run(key);
      }
    });
  }

  read(keys: readonly string[]): Map<string, StateDocument> {
    const found = new Map<string, StateDocument>();
    for (const key of keys) {
      const row = this.getStmt.get(key);
      if (!row) continue;
      found.set(key, { value: JSON.parse(row.value) as Record<string, unknown>, etag: row.etag });
      this.readAs.delete(key);
      // Inside a transaction the text may be one it wrote and a rollback takes back: not kept.
      if (this.db.inTransaction) continue;
      this.readAs.set(key, row.value);
      if (this.readAs.size > READ_DOCUMENTS_KEPT) this.readAs.delete(this.readAs.keys().next().value as string);
    }
    return found;
  }

  /**
   * Writes documents in one transaction. A document with an `expectedEtag` is written only if
   * the stored etag still matches (`'*'` or undefined: last write wins). A document written back
   * exactly as it was last read is left as stored (its etag too).
   */
  write(changes: Changes): void {
    this.writeAll(changes, isoNow(this.clock));
  }

  delete(keys: readonly string[]): void {
    this.deleteAll(keys);
  }
}
