import type { Migration } from './migration';

/**
 * Version 7: the log of privacy requests (data exports, erasures, retention sweeps), kept as
 * proof that they happened. The subject is stored only as a SHA-256 of the
 * lower-cased email, so the log itself holds no personal data in clear; an index lets the
 * retention sweep find old conversations without scanning them all.
 */
export const PRIVACY_SCHEMA: Migration = {
  version: 7,
  name: 'privacy requests and retention',
  sql: `
    CREATE TABLE privacy_requests (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('export', 'delete', 'retention')),
      subject_hash TEXT,
      rows INTEGER NOT NULL CHECK (rows >= 0),
      at TEXT NOT NULL
    );
    CREATE INDEX privacy_requests_at ON privacy_requests (at);
    CREATE INDEX conversations_updated_at ON conversations (updated_at);
  `,
};
