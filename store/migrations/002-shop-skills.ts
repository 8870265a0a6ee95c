import type { Migration } from './migration';

/**
 * Version 2: what the shop skills change and read beyond orders: returns (RMA), shipping
 * addresses, shipping zones and rates, payments, the shop's policies, processed order events
 * and an audit log of every change the bot (or the shop integration) makes.
 */
export const SHOP_SKILLS_SCHEMA: Migration = {
  version: 2,
  name: 'returns, addresses, shipping, payments, policies, order events, audit',
  sql: `
    CREATE TABLE returns (
      id TEXT PRIMARY KEY,
      rma TEXT NOT NULL UNIQUE,
      order_id TEXT NOT NULL REFERENCES orders (id),
      reason TEXT NOT NULL,
      status TEXT NOT NULL,
      refund_minor INTEGER NOT NULL CHECK (refund_minor >= 0),
      currency TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      refunded_at TEXT
    );
    CREATE INDEX returns_order ON returns (order_id, created_at);
    CREATE TABLE addresses (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      customer_id TEXT,
      address TEXT NOT NULL,
      country TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX addresses_order ON addresses (order_id, created_at);
    CREATE TABLE shipping_zones (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      countries TEXT NOT NULL,
      is_default INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE shipping_rates (
      zone_id TEXT NOT NULL REFERENCES shipping_zones (id) ON DELETE CASCADE,
      method TEXT NOT NULL,
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      currency TEXT NOT NULL,
      min_days INTEGER NOT NULL,
      max_days INTEGER NOT NULL CHECK (max_days >= min_days),
      free_over_minor INTEGER,
      PRIMARY KEY (zone_id, method)
    );
    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      method TEXT NOT NULL,
      status TEXT NOT NULL,
      amount_minor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      failure_reason TEXT,
      at TEXT NOT NULL
    );
    CREATE INDEX payments_order ON payments (order_id, at);
    CREATE TABLE shop_policies (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE order_events (
      event_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      type TEXT NOT NULL,
      received_at TEXT NOT NULL
    );
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      before TEXT,
      after TEXT
    );
    CREATE INDEX audit_entity ON audit_log (entity_type, entity_id, id);
  `,
};
