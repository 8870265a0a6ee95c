import type { Migration } from './migration';

/**
 * Version 71 (issue 10's second): when a shopper message's bot turn was committed. The NLU
 * reading is no proof of that (it used to be written first, in its own commit, so a crash before
 * the replies left a message read but never answered); the mark is written in the same
 * transaction as the turn's replies and dialog state, and the restart answers what has none.
 * Messages read before this version count as answered. The partial index keeps the start-up
 * query to the few unanswered ones.
 */
export const TURN_DONE_SCHEMA: Migration = {
  version: 71,
  name: 'turn completion mark',
  sql: `
    ALTER TABLE messages ADD COLUMN turn_done_at TEXT;
    UPDATE messages SET turn_done_at = created_at WHERE role = 'shopper' AND intent IS NOT NULL;
    CREATE INDEX messages_turn_pending ON messages (seq) WHERE role = 'shopper' AND turn_done_at IS NULL;
  `,
};
