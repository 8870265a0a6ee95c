import type { Database } from 'better-sqlite3';
import { SHOP_SCHEMA } from './001-shop-schema';
import { SHOP_SKILLS_SCHEMA } from './002-shop-skills';
import { PRODUCT_POPULARITY_SCHEMA } from './021-product-popularity';
import { PRODUCT_SEARCH_SCHEMA } from './022-product-search';
import { HANDOFF_SCHEMA } from './003-handoff-schema';
import { OFFERS_SCHEMA } from './004-offers';
import { ANALYTICS_SCHEMA } from './005-analytics';
import { ANALYTICS_DAILY_SCHEMA } from './051-analytics-daily';
import { CHANNELS_SCHEMA } from './006-channels';
import { PRIVACY_SCHEMA } from './007-privacy';
import { TURN_DONE_SCHEMA } from './071-turn-done';
import { TURN_OPENED_SCHEMA } from './072-turn-opened';
import { PRODUCT_SEARCH_MERGED_SCHEMA } from './073-product-search-merged';
import { PRODUCT_COLOUR_INDEX_SCHEMA } from './074-product-colour-index';
import { TABLE_VERSIONS_SCHEMA } from './075-table-versions';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * The schema, in order: one file per version (`NNN-name.ts`). Money is kept in minor units
 * (pence) as integers; times as ISO 8601 text in UTC, which sorts correctly as text.
 */
export const MIGRATIONS: readonly Migration[] = [SHOP_SCHEMA, SHOP_SKILLS_SCHEMA, HANDOFF_SCHEMA, OFFERS_SCHEMA, ANALYTICS_SCHEMA, CHANNELS_SCHEMA, PRIVACY_SCHEMA, PRODUCT_POPULARITY_SCHEMA, PRODUCT_SEARCH_SCHEMA, ANALYTICS_DAILY_SCHEMA, TURN_DONE_SCHEMA, TURN_OPENED_SCHEMA, PRODUCT_SEARCH_MERGED_SCHEMA, PRODUCT_COLOUR_INDEX_SCHEMA, TABLE_VERSIONS_SCHEMA];

/**
 * Brings the schema up to the newest version, each migration in its own transaction, recorded
 * in `schema_migrations`. Safe to call on every start.
 *
 * @returns the versions applied now (empty when the database was current)
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    done.push(migration.version);
  }
  return done;
}
