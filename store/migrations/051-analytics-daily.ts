import type { Migration } from './migration';

/** The columns `daily_facts` adds up, as expressions over a `conversation_facts` row `r`. */
const SUMMED: readonly (readonly [string, string])[] = [
  ['conversations', '1'],
  ['handed_off', 'r.handed_off'],
  ['sentiment_sum', 'r.sentiment_sum'],
  ['sentiment_n', 'r.sentiment_n'],
  ['csat_sum', 'coalesce(r.csat, 0)'],
  ['csat_n', '(r.csat IS NOT NULL)'],
  ['shopper_messages', 'r.shopper_messages'],
  ['out_of_scope', 'r.out_of_scope'],
  ['low_confidence', 'r.low_confidence'],
  ['offers', "coalesce(r.offer = 'offer', 0)"],
  ['hold_outs', "coalesce(r.offer = 'hold-out', 0)"],
  ['redeemed', 'r.redeemed'],
  ['revenue_minor', 'r.revenue_minor'],
];

/** Adds (sign 1) or removes (sign −1) one facts row `r` (NEW or OLD) to its day's summary. */
function upsert(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const values = SUMMED.map(([, expr]) => `${sign} * (${expr.replaceAll('r.', `${row}.`)})`).join(', ');
  return `INSERT INTO daily_facts (day, handoff_trigger, segment, ${SUMMED.map(([c]) => c).join(', ')})
    VALUES (substr(${row}.started_at, 1, 10), coalesce(${row}.handoff_trigger, ''), coalesce(${row}.segment, 'unknown'), ${values})
    ON CONFLICT (day, handoff_trigger, segment) DO UPDATE SET ${SUMMED.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

/**
 * Version 51 (the analytics feature's second migration): per-day summaries, so a dashboard over
 * months reads a few thousand rows instead of every conversation.
 * - `daily_facts`: `conversation_facts` added up per day, handoff trigger and segment, kept by
 *   triggers on `conversation_facts` (each change adds the new row and removes the old one);
 * - `handoff_facts`: one row per handoff with its agent, queue time, the agent's first message,
 *   the end and the CSAT, for agents' response and resolution times.
 */
export const ANALYTICS_DAILY_SCHEMA: Migration = {
  version: 51,
  name: 'analytics daily summaries',
  sql: `
    CREATE TABLE daily_facts (
      day TEXT NOT NULL,
      handoff_trigger TEXT NOT NULL,
      segment TEXT NOT NULL,
      ${SUMMED.map(([c]) => `${c} ${c.endsWith('_sum') ? 'REAL' : 'INTEGER'} NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (day, handoff_trigger, segment)
    ) WITHOUT ROWID;
    CREATE TRIGGER daily_facts_insert AFTER INSERT ON conversation_facts BEGIN
      ${upsert('NEW', 1)}
    END;
    CREATE TRIGGER daily_facts_update AFTER UPDATE ON conversation_facts BEGIN
      ${upsert('OLD', -1)}
      ${upsert('NEW', 1)}
    END;
    CREATE TRIGGER daily_facts_delete AFTER DELETE ON conversation_facts BEGIN
      ${upsert('OLD', -1)}
    END;
    INSERT INTO daily_facts (day, handoff_trigger, segment, ${SUMMED.map(([c]) => c).join(', ')})
      SELECT substr(r.started_at, 1, 10), coalesce(r.handoff_trigger, ''), coalesce(r.segment, 'unknown'),
        ${SUMMED.map(([, e]) => `sum(${e})`).join(', ')}
      FROM conversation_facts r GROUP BY 1, 2, 3;

    CREATE TABLE handoff_facts (
      handoff_id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      agent_id TEXT,
      queued_at TEXT NOT NULL,
      first_response_at TEXT,
      ended_at TEXT,
      csat INTEGER
    );
    CREATE INDEX handoff_facts_queued ON handoff_facts (queued_at, agent_id, first_response_at, ended_at, csat);
    CREATE INDEX handoff_facts_conversation ON handoff_facts (conversation_id, queued_at);
    CREATE TRIGGER handoff_facts_insert AFTER INSERT ON handoffs BEGIN
      INSERT OR IGNORE INTO handoff_facts (handoff_id, conversation_id, agent_id, queued_at, ended_at)
      VALUES (NEW.id, NEW.conversation_id, NEW.agent_id, NEW.queued_at, NEW.ended_at);
    END;
    CREATE TRIGGER handoff_facts_update AFTER UPDATE OF agent_id, ended_at ON handoffs BEGIN
      UPDATE handoff_facts SET agent_id = NEW.agent_id, ended_at = NEW.ended_at WHERE handoff_id = NEW.id;
    END;
    CREATE TRIGGER handoff_facts_delete AFTER DELETE ON handoffs BEGIN
      DELETE FROM handoff_facts WHERE handoff_id = OLD.id;
    END;
    CREATE TRIGGER handoff_facts_first_response AFTER INSERT ON messages WHEN NEW.role = 'agent' BEGIN
      UPDATE handoff_facts SET first_response_at = NEW.created_at
      WHERE handoff_id = (SELECT handoff_id FROM handoff_facts WHERE conversation_id = NEW.conversation_id AND queued_at <= NEW.created_at
        ORDER BY queued_at DESC LIMIT 1) AND first_response_at IS NULL;
    END;
    CREATE TRIGGER handoff_facts_csat AFTER INSERT ON csat_ratings BEGIN
      UPDATE handoff_facts SET csat = NEW.score WHERE handoff_id = NEW.handoff_id;
    END;
    INSERT INTO handoff_facts (handoff_id, conversation_id, agent_id, queued_at, first_response_at, ended_at, csat)
      SELECT h.id, h.conversation_id, h.agent_id, h.queued_at,
        (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = h.conversation_id AND m.role = 'agent' AND m.created_at >= h.queued_at),
        h.ended_at, (SELECT score FROM csat_ratings c WHERE c.handoff_id = h.id)
      FROM handoffs h;
  `,
};
