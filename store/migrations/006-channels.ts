import type { Migration } from './migration';

/**
 * Messaging channels (issue 9): which shop session stands for a user of an outside channel (a Bot
 * Framework conversation member, a shop's own chat user) with the reference needed to write to
 * them later; the webhook's seen message ids (replay protection) and its persisted outbox of
 * signed deliveries, retried with back-off and dead-lettered after the last attempt.
 * No foreign keys to sessions or messages: retention may delete those, and must delete these rows too.
 */
export const CHANNELS_SCHEMA: Migration = {
  version: 6,
  name: 'channels',
  sql: `
    CREATE TABLE channel_sessions (
      channel      TEXT NOT NULL CHECK (channel IN ('botframework', 'webhook')),
      external_key TEXT NOT NULL,
      session_id   TEXT NOT NULL UNIQUE,
      reference    TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      PRIMARY KEY (channel, external_key)
    );

    CREATE TABLE webhook_receipts (
      message_id  TEXT PRIMARY KEY,
      stored_id   TEXT NOT NULL,
      received_at TEXT NOT NULL
    );
    CREATE INDEX webhook_receipts_received ON webhook_receipts (received_at);

    CREATE TABLE webhook_outbox (
      seq             INTEGER PRIMARY KEY AUTOINCREMENT,
      id              TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL,
      message_id      TEXT NOT NULL UNIQUE,
      body            TEXT NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error      TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    );
    CREATE INDEX webhook_outbox_due ON webhook_outbox (status, next_attempt_at);
    CREATE INDEX webhook_outbox_conversation ON webhook_outbox (conversation_id, status, seq);
  `,
};
