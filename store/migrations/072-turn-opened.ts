import type { Migration } from './migration';

/**
 * Version 72 (issue 10's third): which shopper message's turn opened a handoff or a follow-up.
 * Both are written when the turn decides on them, before the turn's own commit (other agents must
 * see the handoff at once); a server that stops in between restarts with the handoff open and the
 * message unanswered. The rerun of that message then recognises its own handoff and tells the
 * shopper again that a person is coming, instead of passing the message to the agents unanswered.
 */
export const TURN_OPENED_SCHEMA: Migration = {
  version: 72,
  name: 'handoffs and follow-ups know the message that opened them',
  sql: `
    ALTER TABLE handoffs ADD COLUMN opened_by_message TEXT;
    ALTER TABLE follow_ups ADD COLUMN opened_by_message TEXT;
    CREATE INDEX handoffs_opened_by ON handoffs (opened_by_message) WHERE opened_by_message IS NOT NULL;
    CREATE INDEX follow_ups_opened_by ON follow_ups (opened_by_message) WHERE opened_by_message IS NOT NULL;
  `,
};
