import type { Database, Statement } from 'better-sqlite3';

/** Answers one cache keeps; the least recently used goes first past this. */
const DEFAULT_MAX_ENTRIES = 256;

/** Freezes plain data all the way down, so an answer shared by every reader cannot be changed by one. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

/**
 * Answers of reads over tables that are read on every turn and written rarely (the catalog,
 * shipping, the shop's policies), kept until one of those tables is written.
 *
 * Triggers count the writes to each table in `table_versions` (migration 75), whichever
 * connection or process makes them: the server, the CLI's imports, an order's trigger changing
 * `units_sold`. A read first sums the counts of its tables (one small indexed query) and drops
 * every answer when the sum differs from the one they were kept under. Reads inside a
 * transaction are neither kept nor answered from the cache: the transaction may have written,
 * and a rollback takes its counts back, which could leave an answer from data that never was.
 *
 * Answers are frozen: readers share them and must copy before changing one.
 */
export class ReadCache {
  private readonly versionStmt: Statement;
  private version = Number.NaN;
  private readonly answers = new Map<string, unknown>();

  constructor(
    private readonly db: Database,
    tables: readonly string[],
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {
    if (tables.length === 0) throw new Error('a read cache needs the tables its answers come from');
    this.versionStmt = db
      .prepare(`SELECT coalesce(sum(version), 0) FROM table_versions WHERE name IN (${tables.map(() => '?').join(', ')})`)
      .pluck()
      .bind(...tables);
  }

  /** The answer kept under `key`, or `read()`'s, kept for next time. */
  get<T>(key: string, read: () => T): T {
    if (this.db.inTransaction) return read();
    const version = this.versionStmt.get() as number;
    if (version !== this.version) {
      this.answers.clear();
      this.version = version;
    }
    if (this.answers.has(key)) {
      const kept = this.answers.get(key) as T;
      // Most recently used last: the first key is the one to drop.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const answer = deepFreeze(read());
    this.answers.set(key, answer);
    if (this.answers.size > this.maxEntries) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }
}
