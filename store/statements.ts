import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepares each SQL text once per database and reuses it: preparing costs more than running a
 * small query, and turns run many of them. Use it for statements made outside constructors.
 *
 * @example
 * const sql = statements(db);
 * sql('SELECT * FROM messages WHERE seq = ?').get(seq);
 */
export function statements(db: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
