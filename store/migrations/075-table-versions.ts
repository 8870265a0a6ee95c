import type { Migration } from './migration';

/** Tables whose reads the store keeps in memory between writes (`ReadCache`). */
const VERSIONED_TABLES = ['products', 'shipping_zones', 'shipping_rates', 'shop_policies'] as const;

function countWrites(table: string): string {
  return ['INSERT', 'UPDATE', 'DELETE']
    .map(
      (event) => `
    CREATE TRIGGER ${table}_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
      UPDATE table_versions SET version = version + 1 WHERE name = '${table}';
    END;`,
    )
    .join('');
}

/**
 * Version 75 (issue 10): a count of the writes to each table read on every turn and written
 * rarely, kept by triggers so that writes from any connection or process count (the CLI's
 * imports, an order's trigger changing `units_sold`). `ReadCache` keeps answers over these
 * tables until a count moves: a chat product search, the shipping zones and the shop's policies
 * were read from SQLite on every question about them. The rows are made here and never deleted.
 */
export const TABLE_VERSIONS_SCHEMA: Migration = {
  version: 75,
  name: 'table versions',
  sql: `
    CREATE TABLE table_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO table_versions (name, version) VALUES ${VERSIONED_TABLES.map((t) => `('${t}', 0)`).join(', ')};
    ${VERSIONED_TABLES.map(countWrites).join('\n')}`,
};
