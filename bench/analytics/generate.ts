import type { Database } from 'better-sqlite3';
import { createRng, type Rng } from '../../models';

/** What {@link generateAnalyticsData} fills in. */
export interface GenerateOptions {
  /** @default 100000 */
  conversations?: number;
  /** Conversations are spread over this many days before `end`. @default 90 */
  days?: number;
  /** Last moment of the history (ISO). @default '2026-06-01T00:00:00.000Z' */
  end?: string;
  /** @default 8 */
  seed?: number;
}

/** Weighted choices: [value, weight]. */
type Mix<T> = readonly (readonly [T, number])[];

const CHANNELS: Mix<string> = [['widget', 70], ['botframework', 15], ['webhook', 15]];
const LOCALES: Mix<'en' | 'zh'> = [['en', 80], ['zh', 20]];
const INTENTS: Mix<string> = [
  ['track_order', 22], ['product_search', 12], ['product_question', 10], ['refund_policy', 7], ['return_item', 7], ['delivery_time', 6],
  ['delivery_options', 5], ['cancel_order', 5], ['change_shipping_address', 4], ['payment_methods', 4], ['invoice', 3], ['complaint', 4],
  ['talk_to_human', 3], ['greeting', 8], ['goodbye', 5], ['affirm', 6], ['deny', 2], ['out_of_scope', 6],
];
const TRIGGERS: Mix<string> = [['asked', 50], ['frustration', 25], ['misunderstood', 15], ['skill', 10]];
const SEGMENTS: Mix<string> = [['champions', 15], ['loyal', 25], ['at_risk', 20], ['new', 30], ['hibernating', 10]];
const PHRASES: Record<string, readonly string[]> = {
  en: ['where is my order', 'I want to return these shoes', 'do you have this in blue', 'this is taking too long', 'thanks a lot',
    'can I pay with paypal', 'what is your refund policy', 'my parcel never arrived', 'hello', 'is the lamp in stock', 'what is the meaning of life'],
  zh: ['我的订单在哪里', '我想退货', '有蓝色的吗', '太慢了', '谢谢', '可以用支付宝吗', '退款政策是什么', '包裹没有收到', '你好', '这个有货吗'],
};
const AGENTS = 12;

function pick<T>(mix: Mix<T>, rng: Rng): T {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  let r = rng() * total;
  for (const [value, weight] of mix) if ((r -= weight) < 0) return value;
  return (mix[mix.length - 1] as readonly [T, number])[0];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Prepared inserts of one generation run. */
function statementsOf(db: Database) {
  return {
    session: db.prepare('INSERT INTO sessions (id, customer_id, locale, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)'),
    conversation: db.prepare(`INSERT INTO conversations (id, session_id, channel, locale, status, started_at, updated_at, closed_at) VALUES (?, ?, ?, ?, 'closed', ?, ?, ?)`),
    message: db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at, locale, intent, confidence, sentiment_label, sentiment_score)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    handoff: db.prepare(`INSERT INTO handoffs (id, conversation_id, status, trigger, language, team, priority, summary, agent_id, queued_at, assigned_at, ended_at, end_reason, updated_at)
      VALUES (?, ?, 'resolved', ?, ?, 'general', 1, 'generated', ?, ?, ?, ?, 'resolved', ?)`),
    csat: db.prepare('INSERT INTO csat_ratings (handoff_id, conversation_id, agent_id, score, created_at) VALUES (?, ?, ?, ?, ?)'),
    decision: db.prepare(`INSERT INTO offer_decisions (id, shopper_key, session_id, customer_id, conversation_id, action, segment, p_purchase, discount_percent, cost_minor, budget_day, at)
      VALUES (?, ?, ?, NULL, ?, ?, ?, 0.3, 10, 500, ?, ?)`),
    coupon: db.prepare(`INSERT INTO coupons (code, decision_id, session_id, percent_off, created_at, expires_at) VALUES (?, ?, ?, 10, ?, ?)`),
    redeem: db.prepare('UPDATE coupons SET redeemed_at = ?, order_id = ?, order_value_minor = ? WHERE code = ?'),
    purchase: db.prepare(`INSERT INTO events (session_id, type, at) VALUES (?, 'purchase', ?)`),
  };
}

/**
 * Fills a migrated, empty database with a realistic chat history: channels, languages, intents
 * with their confidence and sentiment, handoffs to agents with response times, CSAT, coupon
 * offers and hold-outs, redemptions and purchases. About 10 messages per conversation.
 *
 * @returns how many conversations and messages were written
 */
export function generateAnalyticsData(db: Database, options: GenerateOptions = {}): { conversations: number; messages: number } {
  const rng = createRng(options.seed ?? 8);
  const total = options.conversations ?? 100_000;
  const end = Date.parse(options.end ?? '2026-06-01T00:00:00.000Z');
  const span = (options.days ?? 90) * 86_400_000;
  const sql = statementsOf(db);
  let messages = 0;
  db.transaction(() => {
    for (let a = 0; a < AGENTS; a += 1) {
      db.prepare(`INSERT INTO users (id, email, name, role, password_hash, presence_at, created_at) VALUES (?, ?, ?, 'agent', 'x', ?, ?)`)
        .run(`u_bench_${a}`, `agent${a}@bench.example`, `Agent ${a}`, iso(end), iso(end));
    }
    for (let i = 0; i < total; i += 1) messages += conversation(sql, rng, i, end - Math.floor(rng() * span));
  })();
  return { conversations: total, messages };
}

function conversation(sql: ReturnType<typeof statementsOf>, rng: Rng, i: number, start: number): number {
  const id = `conv_b${i}`;
  const session = `sess_b${i}`;
  const locale = pick(LOCALES, rng);
  const turns = 2 + Math.floor(rng() * 7);
  sql.session.run(session, null, locale, iso(start), iso(start));
  sql.conversation.run(id, session, pick(CHANNELS, rng), locale, iso(start), iso(start), iso(start + turns * 40_000));
  let at = start;
  let moodSum = 0;
  for (let t = 0; t < turns; t += 1) {
    const intent = pick(INTENTS, rng);
    const score = Math.max(-1, Math.min(1, (intent === 'complaint' ? -0.6 : 0.05) + (rng() - 0.5) * 0.8));
    const label = score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
    const confidence = intent === 'out_of_scope' ? 0.2 + rng() * 0.3 : 0.35 + rng() * 0.65;
    const phrases = PHRASES[locale] as readonly string[];
    sql.message.run(`msg_b${i}_${t}s`, id, 'shopper', `${phrases[Math.floor(rng() * phrases.length)]} ${i % 97}`, iso(at), locale, intent, confidence, label, score);
    sql.message.run(`msg_b${i}_${t}b`, id, 'bot', 'Here is what I found.', iso(at + 1000), null, null, null, null, null);
    moodSum += score;
    at += 20_000 + Math.floor(rng() * 40_000);
  }
  let written = turns * 2;
  if (rng() < 0.12 + (moodSum < 0 ? 0.15 : 0)) written += handoff(sql, rng, i, id, locale, at);
  if (rng() < 0.2) offer(sql, rng, i, id, session, start);
  return written;
}

function handoff(sql: ReturnType<typeof statementsOf>, rng: Rng, i: number, id: string, locale: string, at: number): number {
  const agent = `u_bench_${Math.floor(rng() * AGENTS)}`;
  const answered = at + 10_000 + Math.floor(rng() * 240_000);
  const ended = answered + 60_000 + Math.floor(rng() * 900_000);
  sql.handoff.run(`ho_b${i}`, id, pick(TRIGGERS, rng), locale, agent, iso(at), iso(at + 5000), iso(ended), iso(ended));
  sql.message.run(`msg_b${i}_agent`, id, 'agent', 'Hi, I am looking into it.', iso(answered), null, null, null, null, null);
  if (rng() < 0.6) sql.csat.run(`ho_b${i}`, id, agent, 1 + Math.floor(rng() * 5), iso(ended + 30_000));
  return 1;
}

function offer(sql: ReturnType<typeof statementsOf>, rng: Rng, i: number, id: string, session: string, at: number): void {
  const action = rng() < 0.8 ? 'offer' : 'hold-out';
  sql.decision.run(`dec_b${i}`, `key_b${i}`, session, id, action, pick(SEGMENTS, rng), iso(at).slice(0, 10), iso(at));
  const buys = rng() < (action === 'offer' ? 0.3 : 0.2);
  if (action === 'offer') {
    sql.coupon.run(`CPN${i}`, `dec_b${i}`, session, iso(at), iso(at + 14 * 86_400_000));
    if (buys && rng() < 0.7) {
      sql.redeem.run(iso(at + 3_600_000), `ord_b${i}`, 2000 + Math.floor(rng() * 10_000), `CPN${i}`);
      return;
    }
  }
  if (buys) sql.purchase.run(session, iso(at + 7_200_000));
}
