import type { Store } from '../../store';

/** Shopper message: text, intent, confidence, sentiment score. */
type Turn = [string, string, number, number];

interface FixtureConversation {
  id: string;
  startedAt: string;
  channel: string;
  locale: string;
  turns: Turn[];
  handoff?: { trigger: string; agentId: string; queuedAt: string; agentAt: string; endedAt: string; csat?: number };
  offer?: { action: 'offer' | 'hold-out'; segment: string; redeemedValue?: number };
}

/**
 * A small hand-made history with known answers: 4 conversations on two days, one handed off
 * with CSAT 4, one out-of-scope message, one offer redeemed (£50) and one hold-out that bought nothing.
 */
export const FIXTURE: FixtureConversation[] = [
  { id: 'c1', startedAt: '2026-03-01T10:00:00.000Z', channel: 'widget', locale: 'en',
    turns: [['where is my order', 'track_order', 0.9, 0.0], ['thanks, great', 'affirm', 0.8, 0.6]],
    offer: { action: 'offer', segment: 'loyal', redeemedValue: 5000 } },
  { id: 'c2', startedAt: '2026-03-01T11:00:00.000Z', channel: 'widget', locale: 'en',
    turns: [['this is terrible, I want a human', 'talk_to_human', 0.95, -0.8]],
    handoff: { trigger: 'asked', agentId: 'u_agent', queuedAt: '2026-03-01T11:00:10.000Z', agentAt: '2026-03-01T11:01:10.000Z', endedAt: '2026-03-01T11:10:10.000Z', csat: 4 } },
  { id: 'c3', startedAt: '2026-03-02T09:00:00.000Z', channel: 'webhook', locale: 'zh',
    turns: [['什么是量子力学', 'out_of_scope', 0.3, 0.0], ['退货政策', 'refund_policy', 0.4, 0.0]],
    offer: { action: 'hold-out', segment: 'new' } },
  { id: 'c4', startedAt: '2026-03-05T09:00:00.000Z', channel: 'widget', locale: 'en', turns: [['hello', 'greeting', 0.99, 0.2]] },
];

/** Loads {@link FIXTURE} through plain SQL (the summaries follow by trigger). */
export function loadFixture(store: Store): void {
  const db = store.db;
  db.prepare(`INSERT INTO users (id, email, name, role, password_hash, presence_at, created_at)
    VALUES ('u_agent', 'a@example.com', 'Ada Agent', 'agent', 'x', '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')`).run();
  let seq = 0;
  for (const c of FIXTURE) {
    db.prepare('INSERT INTO sessions (id, locale, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(`s_${c.id}`, c.locale, c.startedAt, c.startedAt);
    db.prepare(`INSERT INTO conversations (id, session_id, channel, locale, status, started_at, updated_at) VALUES (?, ?, ?, ?, 'closed', ?, ?)`)
      .run(c.id, `s_${c.id}`, c.channel, c.locale, c.startedAt, c.startedAt);
    c.turns.forEach(([text, intent, confidence, score], i) => {
      const at = new Date(Date.parse(c.startedAt) + i * 2000).toISOString();
      const label = score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
      db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at, locale, intent, confidence, sentiment_label, sentiment_score)
        VALUES (?, ?, 'shopper', ?, ?, ?, ?, ?, ?, ?)`).run(`m${++seq}`, c.id, text, at, c.locale, intent, confidence, label, score);
      db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at) VALUES (?, ?, 'bot', 'ok', ?)`).run(`m${++seq}`, c.id, at);
    });
    if (c.handoff) loadHandoff(store, c.id, c.handoff, () => `m${++seq}`);
    if (c.offer) loadOffer(store, c.id, c.startedAt, c.offer);
  }
}

function loadHandoff(store: Store, id: string, h: NonNullable<FixtureConversation['handoff']>, nextId: () => string): void {
  const db = store.db;
  db.prepare(`INSERT INTO handoffs (id, conversation_id, status, trigger, language, team, priority, summary, queued_at, updated_at)
    VALUES (?, ?, 'queued', ?, 'en', 'general', 1, 'asked for a person', ?, ?)`).run(`h_${id}`, id, h.trigger, h.queuedAt, h.queuedAt);
  db.prepare(`UPDATE handoffs SET status = 'resolved', agent_id = ?, assigned_at = ?, ended_at = ?, end_reason = 'resolved' WHERE id = ?`)
    .run(h.agentId, h.queuedAt, h.endedAt, `h_${id}`);
  db.prepare(`INSERT INTO handoff_transitions (handoff_id, from_status, to_status, reason, actor_id, at) VALUES (?, 'queued', 'assigned', 'claimed', ?, ?)`)
    .run(`h_${id}`, h.agentId, h.queuedAt);
  db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at) VALUES (?, ?, 'agent', 'Hi, Ada here', ?)`).run(nextId(), id, h.agentAt);
  if (h.csat) db.prepare('INSERT INTO csat_ratings (handoff_id, conversation_id, agent_id, score, created_at) VALUES (?, ?, ?, ?, ?)').run(`h_${id}`, id, h.agentId, h.csat, h.endedAt);
}

function loadOffer(store: Store, id: string, at: string, o: NonNullable<FixtureConversation['offer']>): void {
  const db = store.db;
  db.prepare(`INSERT INTO offer_decisions (id, shopper_key, session_id, conversation_id, action, segment, p_purchase, discount_percent, cost_minor, budget_day, at)
    VALUES (?, ?, ?, ?, ?, ?, 0.3, 10, 0, ?, ?)`).run(`d_${id}`, `k_${id}`, `s_${id}`, id, o.action, o.segment, at.slice(0, 10), at);
  if (o.action !== 'offer') return;
  db.prepare(`INSERT INTO coupons (code, decision_id, session_id, percent_off, created_at, expires_at) VALUES (?, ?, ?, 10, ?, '2026-12-31T00:00:00.000Z')`)
    .run(`CODE${id}`, `d_${id}`, `s_${id}`, at);
  if (o.redeemedValue !== undefined) {
    db.prepare('UPDATE coupons SET redeemed_at = ?, order_id = ?, order_value_minor = ? WHERE code = ?').run(at, `o_${id}`, o.redeemedValue, `CODE${id}`);
  }
}
