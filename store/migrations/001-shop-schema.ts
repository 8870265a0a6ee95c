import type { Migration } from './migration';

/** Version 1: the shop, shopper sessions, conversations and bot state. */
export const SHOP_SCHEMA: Migration = {
  version: 1,
  name: 'shop, sessions and conversations',
  sql: `
    CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      country TEXT,
      locale TEXT,
      created_at TEXT NOT NULL
    );
    CREATE TABLE products (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT '',
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      currency TEXT NOT NULL,
      stock INTEGER NOT NULL DEFAULT 0,
      image_url TEXT,
      attributes TEXT NOT NULL DEFAULT '{}',
      updated_at TEXT NOT NULL
    );
    CREATE INDEX products_category ON products (category);
    CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      customer_id TEXT REFERENCES customers (id),
      email TEXT NOT NULL COLLATE NOCASE,
      status TEXT NOT NULL,
      placed_at TEXT NOT NULL,
      total_minor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      carrier TEXT,
      tracking_number TEXT,
      shipped_at TEXT,
      eta TEXT,
      delivered_at TEXT,
      shipping_country TEXT,
      shipping_address TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX orders_customer ON orders (customer_id, placed_at);
    CREATE INDEX orders_email ON orders (email);
    CREATE TABLE order_items (
      order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      product_id TEXT NOT NULL,
      name TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      unit_price_minor INTEGER NOT NULL,
      PRIMARY KEY (order_id, line)
    );
    CREATE INDEX order_items_product ON order_items (product_id);
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      customer_id TEXT REFERENCES customers (id),
      locale TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    );
    CREATE TABLE events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      customer_id TEXT,
      type TEXT NOT NULL,
      page_type TEXT,
      product_id TEXT,
      url TEXT,
      quantity INTEGER,
      at TEXT NOT NULL
    );
    CREATE INDEX events_session ON events (session_id, id);
    CREATE INDEX events_customer ON events (customer_id, id);
    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      channel TEXT NOT NULL,
      locale TEXT NOT NULL,
      status TEXT NOT NULL,
      started_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT
    );
    CREATE INDEX conversations_session ON conversations (session_id, status);
    CREATE INDEX conversations_started ON conversations (started_at);
    CREATE TABLE messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations (id),
      role TEXT NOT NULL,
      text TEXT NOT NULL,
      client_id TEXT,
      payload TEXT,
      created_at TEXT NOT NULL,
      locale TEXT,
      intent TEXT,
      confidence REAL,
      sentiment_label TEXT,
      sentiment_score REAL,
      entities TEXT
    );
    CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, client_id) WHERE client_id IS NOT NULL;
    CREATE INDEX messages_conversation ON messages (conversation_id, seq);
    CREATE TABLE bot_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      etag INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
