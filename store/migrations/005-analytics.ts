import type { Migration } from './migration';

/**
 * Version 5: the manager dashboard's summaries, kept current by triggers so a dashboard reads
 * one row per conversation (and one per day and intent) instead of a million messages:
 * - `conversation_facts`: per conversation its day, channel, language, message counts, the sum
 *   and minimum of shopper sentiment, out-of-scope and low-confidence counts, whether it was
 *   handed off (and why, to whom), its CSAT, the coupon offered / held out / redeemed and the
 *   redeemed order's value, the offer engine's segment;
 * - `intent_daily`: shopper messages per day, language and intent;
 * - `nlu_assignments`: phrases a manager assigned to an intent (training data for the retrained NLU).
 * Existing rows are summarised once here; deletes (privacy erasure, retention) follow by trigger.
 */
export const ANALYTICS_SCHEMA: Migration = {
  version: 5,
  name: 'analytics summaries',
  sql: `
    CREATE TABLE conversation_facts (
      conversation_id TEXT PRIMARY KEY,
      started_at TEXT NOT NULL,
      channel TEXT NOT NULL,
      locale TEXT NOT NULL,
      messages INTEGER NOT NULL DEFAULT 0,
      shopper_messages INTEGER NOT NULL DEFAULT 0,
      sentiment_sum REAL NOT NULL DEFAULT 0,
      sentiment_n INTEGER NOT NULL DEFAULT 0,
      sentiment_min REAL,
      out_of_scope INTEGER NOT NULL DEFAULT 0,
      low_confidence INTEGER NOT NULL DEFAULT 0,
      handed_off INTEGER NOT NULL DEFAULT 0,
      handoff_trigger TEXT,
      agent_id TEXT,
      csat INTEGER,
      offer TEXT CHECK (offer IN ('offer', 'hold-out')),
      segment TEXT,
      redeemed INTEGER NOT NULL DEFAULT 0,
      revenue_minor INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX conversation_facts_started ON conversation_facts (started_at);
    CREATE TABLE intent_daily (
      day TEXT NOT NULL,
      locale TEXT NOT NULL,
      intent TEXT NOT NULL,
      messages INTEGER NOT NULL,
      PRIMARY KEY (day, locale, intent)
    ) WITHOUT ROWID;
    CREATE TABLE nlu_assignments (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      text TEXT NOT NULL,
      intent TEXT NOT NULL,
      locale TEXT NOT NULL,
      assigned_by TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (text, locale)
    );
    CREATE INDEX messages_created ON messages (created_at);
    CREATE INDEX messages_intent ON messages (intent, created_at) WHERE role = 'shopper';
    CREATE INDEX handoffs_queued ON handoffs (queued_at);
    CREATE INDEX handoffs_conversation ON handoffs (conversation_id);
    CREATE INDEX offer_decisions_conversation ON offer_decisions (conversation_id);
    CREATE INDEX coupons_decision ON coupons (decision_id);
    CREATE INDEX events_purchase ON events (session_id, at) WHERE type = 'purchase';

    CREATE TRIGGER facts_conversation_insert AFTER INSERT ON conversations BEGIN
      INSERT OR IGNORE INTO conversation_facts (conversation_id, started_at, channel, locale)
      VALUES (NEW.id, NEW.started_at, NEW.channel, NEW.locale);
    END;
    CREATE TRIGGER facts_conversation_delete AFTER DELETE ON conversations BEGIN
      DELETE FROM conversation_facts WHERE conversation_id = OLD.id;
    END;
    CREATE TRIGGER facts_message_insert AFTER INSERT ON messages BEGIN
      UPDATE conversation_facts SET messages = messages + 1, shopper_messages = shopper_messages + (NEW.role = 'shopper')
      WHERE conversation_id = NEW.conversation_id;
    END;
    CREATE TRIGGER facts_message_read_insert AFTER INSERT ON messages WHEN NEW.role = 'shopper' AND NEW.intent IS NOT NULL BEGIN
      UPDATE conversation_facts SET
        sentiment_sum = sentiment_sum + coalesce(NEW.sentiment_score, 0), sentiment_n = sentiment_n + 1,
        sentiment_min = min(coalesce(sentiment_min, 1), coalesce(NEW.sentiment_score, 0)),
        out_of_scope = out_of_scope + (NEW.intent = 'out_of_scope'),
        low_confidence = low_confidence + (NEW.intent != 'out_of_scope' AND coalesce(NEW.confidence, 0) < 0.5)
      WHERE conversation_id = NEW.conversation_id;
      INSERT INTO intent_daily (day, locale, intent, messages) VALUES (substr(NEW.created_at, 1, 10), coalesce(NEW.locale, 'en'), NEW.intent, 1)
        ON CONFLICT (day, locale, intent) DO UPDATE SET messages = messages + 1;
    END;
    CREATE TRIGGER facts_message_read_update AFTER UPDATE OF intent ON messages
      WHEN NEW.role = 'shopper' AND OLD.intent IS NULL AND NEW.intent IS NOT NULL BEGIN
      UPDATE conversation_facts SET
        sentiment_sum = sentiment_sum + coalesce(NEW.sentiment_score, 0), sentiment_n = sentiment_n + 1,
        sentiment_min = min(coalesce(sentiment_min, 1), coalesce(NEW.sentiment_score, 0)),
        out_of_scope = out_of_scope + (NEW.intent = 'out_of_scope'),
        low_confidence = low_confidence + (NEW.intent != 'out_of_scope' AND coalesce(NEW.confidence, 0) < 0.5)
      WHERE conversation_id = NEW.conversation_id;
      INSERT INTO intent_daily (day, locale, intent, messages) VALUES (substr(NEW.created_at, 1, 10), coalesce(NEW.locale, 'en'), NEW.intent, 1)
        ON CONFLICT (day, locale, intent) DO UPDATE SET messages = messages + 1;
    END;
    CREATE TRIGGER facts_handoff_insert AFTER INSERT ON handoffs BEGIN
      UPDATE conversation_facts SET handed_off = 1, handoff_trigger = coalesce(handoff_trigger, NEW.trigger),
        agent_id = coalesce(NEW.agent_id, agent_id)
      WHERE conversation_id = NEW.conversation_id;
    END;
    CREATE TRIGGER facts_handoff_agent AFTER UPDATE OF agent_id ON handoffs WHEN NEW.agent_id IS NOT NULL BEGIN
      UPDATE conversation_facts SET agent_id = NEW.agent_id WHERE conversation_id = NEW.conversation_id;
    END;
    CREATE TRIGGER facts_csat_insert AFTER INSERT ON csat_ratings BEGIN
      UPDATE conversation_facts SET csat = NEW.score WHERE conversation_id = NEW.conversation_id;
    END;
    CREATE TRIGGER facts_offer_insert AFTER INSERT ON offer_decisions WHEN NEW.conversation_id IS NOT NULL BEGIN
      UPDATE conversation_facts SET offer = CASE WHEN offer = 'offer' THEN 'offer' ELSE NEW.action END, segment = NEW.segment
      WHERE conversation_id = NEW.conversation_id;
    END;
    CREATE TRIGGER facts_coupon_redeemed AFTER UPDATE OF redeemed_at ON coupons
      WHEN OLD.redeemed_at IS NULL AND NEW.redeemed_at IS NOT NULL BEGIN
      UPDATE conversation_facts SET redeemed = 1, revenue_minor = revenue_minor + coalesce(NEW.order_value_minor, 0)
      WHERE conversation_id = (SELECT conversation_id FROM offer_decisions WHERE id = NEW.decision_id);
    END;

    INSERT INTO conversation_facts (conversation_id, started_at, channel, locale) SELECT id, started_at, channel, locale FROM conversations;
    UPDATE conversation_facts SET
      messages = (SELECT count(*) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id),
      shopper_messages = (SELECT count(*) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id AND m.role = 'shopper'),
      sentiment_sum = coalesce((SELECT sum(coalesce(sentiment_score, 0)) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id AND m.role = 'shopper' AND m.intent IS NOT NULL), 0),
      sentiment_n = (SELECT count(*) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id AND m.role = 'shopper' AND m.intent IS NOT NULL),
      sentiment_min = (SELECT min(coalesce(sentiment_score, 0)) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id AND m.role = 'shopper' AND m.intent IS NOT NULL),
      out_of_scope = (SELECT count(*) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id AND m.role = 'shopper' AND m.intent = 'out_of_scope'),
      low_confidence = (SELECT count(*) FROM messages m WHERE m.conversation_id = conversation_facts.conversation_id AND m.role = 'shopper' AND m.intent != 'out_of_scope' AND coalesce(m.confidence, 0) < 0.5),
      handed_off = EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = conversation_facts.conversation_id),
      handoff_trigger = (SELECT trigger FROM handoffs h WHERE h.conversation_id = conversation_facts.conversation_id ORDER BY queued_at LIMIT 1),
      agent_id = (SELECT agent_id FROM handoffs h WHERE h.conversation_id = conversation_facts.conversation_id AND agent_id IS NOT NULL ORDER BY queued_at DESC LIMIT 1),
      csat = (SELECT score FROM csat_ratings c WHERE c.conversation_id = conversation_facts.conversation_id ORDER BY created_at DESC LIMIT 1),
      offer = (SELECT max(action) FROM offer_decisions d WHERE d.conversation_id = conversation_facts.conversation_id),
      segment = (SELECT segment FROM offer_decisions d WHERE d.conversation_id = conversation_facts.conversation_id ORDER BY at DESC LIMIT 1),
      redeemed = EXISTS (SELECT 1 FROM coupons c JOIN offer_decisions d ON d.id = c.decision_id WHERE d.conversation_id = conversation_facts.conversation_id AND c.redeemed_at IS NOT NULL),
      revenue_minor = coalesce((SELECT sum(coalesce(c.order_value_minor, 0)) FROM coupons c JOIN offer_decisions d ON d.id = c.decision_id WHERE d.conversation_id = conversation_facts.conversation_id AND c.redeemed_at IS NOT NULL), 0);
    INSERT INTO intent_daily (day, locale, intent, messages)
      SELECT substr(created_at, 1, 10), coalesce(locale, 'en'), intent, count(*) FROM messages
      WHERE role = 'shopper' AND intent IS NOT NULL GROUP BY 1, 2, 3;
  `,
};
