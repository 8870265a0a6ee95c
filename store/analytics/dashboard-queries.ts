import type { Database } from 'better-sqlite3';
import { statements } from '../statements';
import type { AgentFigures, Count, CouponFigures, DailyFigures, Overview, Period, SegmentFigures } from './types';

/** Purchases within this many days of an offer decision count as its conversion. */
export const ATTRIBUTION_DAYS = 7;

/** How many intents the dashboard ranks. */
const TOP_INTENTS = 15;

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
const mean = (sum: number | null, n: number): number | null => (n > 0 && sum !== null ? sum / n : null);

/** Offer decisions of one action and segment. */
export interface DecisionCount {
  action: 'offer' | 'hold-out';
  segment: string;
  decisions: number;
  bought: number;
  redeemed: number;
}

/** "Did the decision's shopper buy within the window": tracker purchase, customer order or redemption. */
const PURCHASED = `(
  EXISTS (SELECT 1 FROM events e WHERE e.type = 'purchase' AND e.session_id = d.session_id AND e.at >= d.at AND e.at < d.until)
  OR (d.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = d.customer_id
      AND o.placed_at >= d.at AND o.placed_at < d.until AND o.status != 'cancelled'))
  OR EXISTS (SELECT 1 FROM coupons c WHERE c.decision_id = d.id AND c.redeemed_at IS NOT NULL))`;

const DECISIONS = `SELECT id, session_id, customer_id, conversation_id, action, segment, at,
  strftime('%Y-%m-%dT%H:%M:%fZ', at, '+${ATTRIBUTION_DAYS} days') AS until FROM offer_decisions WHERE at >= @from AND at < @to`;

const MIDNIGHT = 'T00:00:00.000Z';

/** `conversation_facts` columns as `daily_facts` names them, for periods that do not start and end at midnight. */
const PER_CONVERSATION = `(SELECT substr(started_at, 1, 10) AS day, coalesce(handoff_trigger, '') AS handoff_trigger,
  coalesce(segment, 'unknown') AS segment, 1 AS conversations, handed_off, sentiment_sum, sentiment_n, coalesce(csat, 0) AS csat_sum,
  (csat IS NOT NULL) AS csat_n, shopper_messages, out_of_scope, low_confidence, coalesce(offer = 'offer', 0) AS offers,
  coalesce(offer = 'hold-out', 0) AS hold_outs, redeemed, revenue_minor
  FROM conversation_facts WHERE started_at >= @from AND started_at < @to)`;

/** Whole days read the per-day summary; other periods add up their conversations. */
function factsOf(period: Period): string {
  const wholeDays = period.from.endsWith(MIDNIGHT) && period.to.endsWith(MIDNIGHT);
  return wholeDays ? `(SELECT * FROM daily_facts WHERE day >= substr(@from, 1, 10) AND day < substr(@to, 1, 10))` : PER_CONVERSATION;
}

/**
 * The dashboard's aggregations: each one SQL statement over the summaries of migrations 5 and 51
 * (`daily_facts`, `conversation_facts`, `intent_daily`, `handoff_facts`) or an indexed range of offer decisions.
 */
export class DashboardQueries {
  private readonly sql: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.sql = statements(db);
  }

  overview(period: Period): Overview {
    const row = this.sql(`SELECT coalesce(sum(conversations), 0) AS conversations, coalesce(sum(handed_off), 0) AS handedOff,
        sum(sentiment_sum) AS sentimentSum, coalesce(sum(sentiment_n), 0) AS sentimentN,
        sum(csat_sum) AS csatSum, coalesce(sum(csat_n), 0) AS csatN, coalesce(sum(shopper_messages), 0) AS shopperMessages,
        coalesce(sum(out_of_scope), 0) AS outOfScope, coalesce(sum(low_confidence), 0) AS lowConfidence,
        coalesce(sum(offers), 0) AS offers, coalesce(sum(hold_outs), 0) AS holdOuts,
        coalesce(sum(redeemed), 0) AS redemptions, coalesce(sum(revenue_minor), 0) AS revenueMinor
      FROM ${factsOf(period)}`).get(period) as Record<string, number | null>;
    const n = (key: string): number => row[key] ?? 0;
    return {
      conversations: n('conversations'),
      contained: n('conversations') - n('handedOff'),
      containmentRate: ratio(n('conversations') - n('handedOff'), n('conversations')),
      handedOff: n('handedOff'),
      handoffRate: ratio(n('handedOff'), n('conversations')),
      averageSentiment: mean(row.sentimentSum ?? null, n('sentimentN')),
      averageCsat: mean(row.csatSum ?? null, n('csatN')),
      csatRatings: n('csatN'),
      shopperMessages: n('shopperMessages'),
      outOfScopeMessages: n('outOfScope'),
      outOfScopeRate: ratio(n('outOfScope'), n('sentimentN')),
      lowConfidenceMessages: n('lowConfidence'),
      couponOffers: n('offers'),
      holdOuts: n('holdOuts'),
      redemptions: n('redemptions'),
      revenueMinor: n('revenueMinor'),
    };
  }

  daily(period: Period): DailyFigures[] {
    const rows = this.sql(`SELECT day, sum(conversations) AS conversations, sum(handed_off) AS handedOff,
        sum(sentiment_sum) AS sentimentSum, sum(sentiment_n) AS sentimentN, sum(csat_sum) AS csatSum, sum(csat_n) AS csatN
      FROM ${factsOf(period)} GROUP BY day HAVING sum(conversations) > 0 ORDER BY day`).all(period) as {
      day: string; conversations: number; handedOff: number; sentimentSum: number | null; sentimentN: number; csatSum: number | null; csatN: number;
    }[];
    return rows.map((r) => ({
      day: r.day,
      conversations: r.conversations,
      handedOff: r.handedOff,
      averageSentiment: mean(r.sentimentSum, r.sentimentN),
      averageCsat: mean(r.csatSum, r.csatN),
    }));
  }

  handoffReasons(period: Period): Count[] {
    return this.sql(`SELECT handoff_trigger AS key, sum(handed_off) AS count FROM ${factsOf(period)}
      WHERE handoff_trigger != '' GROUP BY 1 HAVING sum(handed_off) > 0 ORDER BY 2 DESC, 1`).all(period) as Count[];
  }

  /** Shopper messages per intent (out-of-scope included), by the days the period touches (whole days). */
  topIntents(period: Period): Count[] {
    return this.sql(`SELECT intent AS key, sum(messages) AS count FROM intent_daily
      WHERE day >= substr(@from, 1, 10) AND day < CASE WHEN substr(@to, 11) = '${MIDNIGHT}' THEN substr(@to, 1, 10) ELSE date(@to, '+1 day') END GROUP BY 1 HAVING sum(messages) > 0 ORDER BY 2 DESC, 1 LIMIT ${TOP_INTENTS}`).all(period) as Count[];
  }

  /** Agents' handoffs queued in the period: first response (queue to the agent's first message), resolution, CSAT. */
  agents(period: Period): AgentFigures[] {
    return this.sql(`SELECT f.agent_id AS agentId, coalesce(u.name, f.agent_id) AS name, f.handoffs, f.firstResponseSeconds, f.resolutionSeconds, f.averageCsat
      FROM (SELECT agent_id, count(*) AS handoffs,
          avg((julianday(first_response_at) - julianday(queued_at)) * 86400) AS firstResponseSeconds,
          avg((julianday(ended_at) - julianday(queued_at)) * 86400) AS resolutionSeconds, avg(csat) AS averageCsat
        FROM handoff_facts WHERE queued_at >= @from AND queued_at < @to AND agent_id IS NOT NULL GROUP BY agent_id) f
      LEFT JOIN users u ON u.id = f.agent_id ORDER BY f.handoffs DESC, name`).all(period) as AgentFigures[];
  }

  /** Offer decisions of the period by action and segment, with purchases in the attribution window. */
  decisions(period: Period): DecisionCount[] {
    return this.sql(`SELECT d.action AS action, d.segment AS segment, count(*) AS decisions, sum(${PURCHASED}) AS bought,
        sum(EXISTS (SELECT 1 FROM coupons c WHERE c.decision_id = d.id AND c.redeemed_at IS NOT NULL)) AS redeemed
      FROM (${DECISIONS}) d GROUP BY 1, 2`).all(period) as DecisionCount[];
  }

  coupons(period: Period, decisions = this.decisions(period)): CouponFigures {
    const total = (action: DecisionCount['action'], key: 'decisions' | 'bought' | 'redeemed'): number =>
      decisions.filter((d) => d.action === action).reduce((n, d) => n + d[key], 0);
    const offerConversion = total('offer', 'decisions') > 0 ? total('offer', 'bought') / total('offer', 'decisions') : null;
    const holdOutConversion = total('hold-out', 'decisions') > 0 ? total('hold-out', 'bought') / total('hold-out', 'decisions') : null;
    return {
      offers: total('offer', 'decisions'),
      holdOuts: total('hold-out', 'decisions'),
      redemptions: total('offer', 'redeemed'),
      offerConversion,
      holdOutConversion,
      uplift: offerConversion !== null && holdOutConversion !== null ? offerConversion - holdOutConversion : null,
      attributionDays: ATTRIBUTION_DAYS,
    };
  }

  /** Conversations by the offer engine's segment (those without a decision: `unknown`). */
  segments(period: Period, decisions = this.decisions(period)): SegmentFigures[] {
    const chats = this.sql(`SELECT segment, sum(conversations) AS conversations, sum(sentiment_sum) AS sentimentSum, sum(sentiment_n) AS sentimentN,
        sum(csat_sum) AS csatSum, sum(csat_n) AS csatN FROM ${factsOf(period)} GROUP BY 1 HAVING sum(conversations) > 0`).all(period) as {
      segment: string; conversations: number; sentimentSum: number | null; sentimentN: number; csatSum: number | null; csatN: number;
    }[];
    return chats
      .map((c) => {
        const mine = decisions.filter((d) => d.segment === c.segment);
        const made = mine.reduce((n, d) => n + d.decisions, 0);
        return {
          segment: c.segment,
          conversations: c.conversations,
          averageSentiment: mean(c.sentimentSum, c.sentimentN),
          averageCsat: mean(c.csatSum, c.csatN),
          decisions: made,
          conversion: made > 0 ? mine.reduce((n, d) => n + d.bought, 0) / made : null,
        };
      })
      .sort((a, b) => b.conversations - a.conversations || a.segment.localeCompare(b.segment));
  }
}
