import type { Migration } from './migration';

/**
 * Version 4: coupon offers. The manager's policy (one row), every offer or hold-out decision
 * (the hold-out row is the comparison group, so it is kept like an offer), and the single-use
 * coupons issued with offers. Money in minor units. Links are named `<kind>_id` so the privacy
 * export and erasure find a shopper's rows; no foreign keys, so an erased session leaves no
 * dangling constraint behind.
 */
export const OFFERS_SCHEMA: Migration = {
  version: 4,
  name: 'coupon offers',
  sql: `
    CREATE TABLE coupon_policy (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      policy TEXT NOT NULL,
      updated_by TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE offer_decisions (
      id TEXT PRIMARY KEY,
      shopper_key TEXT NOT NULL,
      session_id TEXT NOT NULL,
      customer_id TEXT,
      conversation_id TEXT,
      action TEXT NOT NULL CHECK (action IN ('offer', 'hold-out')),
      segment TEXT NOT NULL,
      p_purchase REAL NOT NULL,
      discount_percent REAL NOT NULL,
      cost_minor INTEGER NOT NULL CHECK (cost_minor >= 0),
      budget_day TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX offer_decisions_shopper ON offer_decisions (shopper_key, at);
    CREATE INDEX offer_decisions_day ON offer_decisions (budget_day);
    CREATE INDEX offer_decisions_at ON offer_decisions (at);
    CREATE TABLE coupons (
      code TEXT PRIMARY KEY,
      decision_id TEXT NOT NULL UNIQUE,
      session_id TEXT NOT NULL,
      customer_id TEXT,
      percent_off REAL NOT NULL CHECK (percent_off > 0 AND percent_off <= 100),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      redeemed_at TEXT,
      order_id TEXT,
      order_value_minor INTEGER
    );
    CREATE INDEX coupons_order ON coupons (order_id);
  `,
};
