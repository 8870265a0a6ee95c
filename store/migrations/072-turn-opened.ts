import type { Migration } from './migration';

/**
 * Version 72 (issue 10's third): which shopper message's turn opened a handoff. A handoff is
 * written when the turn decides on it, before the turn's own commit (agents must see it at once);
 * a server that stops in between restarts with the handoff open and the message unanswered. The
 * rerun of that message then recognises its own handoff and tells the shopper again that a person
 * is coming, instead of passing the message to the agents unanswered.
 */
export const TURN_OPENED_SCHEMA: Migration = {
  version: 72,
  name: 'handoffs know the message that opened them',
  sql: `
    ALTER TABLE handoffs ADD COLUMN opened_by_message TEXT;
    CREATE INDEX handoffs_opened_by ON handoffs (opened_by_message) WHERE opened_by_message IS NOT NULL;
  `,
};
