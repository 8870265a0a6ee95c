import type { Database } from 'better-sqlite3';
import { statements } from '../statements';
import type { AgentFigures, Count, CouponFigures, DailyFigures, Overview, Period, SegmentFigures } from './types';

/** Purchases within this many days of an offer decision count as its conversion. */
export const ATTRIBUTION_DAYS = 7;

/** How many intents the dashboard ranks. */
const TOP_INTENTS = 15;

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
const mean = (sum: number | null, n: number): number | null => (n > 0 && sum !== null ? sum / n : null);

/** "Did the decision's shopper buy within the window": tracker purchase, customer order or redemption. */
const PURCHASED = `(
  EXISTS (SELECT 1 FROM events e WHERE e.type = 'purchase' AND e.session_id = d.session_id AND e.at >= d.at AND e.at < d.until)
  OR (d.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = d.customer_id
      AND o.placed_at >= d.at AND o.placed_at < d.until AND o.status != 'cancelled'))
  OR EXISTS (SELECT 1 FROM coupons c WHERE c.decision_id = d.id AND c.redeemed_at IS NOT NULL))`;

const DECISIONS = `SELECT id, session_id, customer_id, conversation_id, action, segment, at,
  strftime('%Y-%m-%dT%H:%M:%fZ', at, '+${ATTRIBUTION_DAYS} days') AS until FROM offer_decisions WHERE at >= @from AND at < @to`;

/**
 * The dashboard's aggregations: each one SQL statement over the summaries of migration 5
 * (`conversation_facts`, `intent_daily`) or an indexed range of handoffs and offer decisions.
 */
export class DashboardQueries {
  private readonly sql: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.sql = statements(db);
  }

  overview(period: Period): Overview {
    const row = this.sql(`SELECT count(*) AS conversations, coalesce(sum(handed_off), 0) AS handedOff,
        sum(sentiment_sum) AS sentimentSum, coalesce(sum(sentiment_n), 0) AS sentimentN,
        sum(csat) AS csatSum, count(csat) AS csatN, coalesce(sum(shopper_messages), 0) AS shopperMessages,
        coalesce(sum(out_of_scope), 0) AS outOfScope, coalesce(sum(low_confidence), 0) AS lowConfidence,
        coalesce(sum(offer = 'offer'), 0) AS offers, coalesce(sum(offer = 'hold-out'), 0) AS holdOuts,
        coalesce(sum(redeemed), 0) AS redemptions, coalesce(sum(revenue_minor), 0) AS revenueMinor
      FROM conversation_facts WHERE started_at >= @from AND started_at < @to`).get(period) as Record<string, number | null>;
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
    const rows = this.sql(`SELECT substr(started_at, 1, 10) AS day, count(*) AS conversations, sum(handed_off) AS handedOff,
        sum(sentiment_sum) AS sentimentSum, sum(sentiment_n) AS sentimentN, sum(csat) AS csatSum, count(csat) AS csatN
      FROM conversation_facts WHERE started_at >= @from AND started_at < @to GROUP BY 1 ORDER BY 1`).all(period) as {
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
    return this.sql(`SELECT handoff_trigger AS key, count(*) AS count FROM conversation_facts
      WHERE started_at >= @from AND started_at < @to AND handed_off = 1 GROUP BY 1 ORDER BY 2 DESC, 1`).all(period) as Count[];
  }

  /** Shopper messages per intent (out-of-scope included), by the days the period covers. */
  topIntents(period: Period): Count[] {
    return this.sql(`SELECT intent AS key, sum(messages) AS count FROM intent_daily
      WHERE day >= substr(@from, 1, 10) AND day < substr(@to, 1, 10) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_INTENTS}`).all(period) as Count[];
  }

  agents(period: Period): AgentFigures[] {
    return this.sql(`SELECT h.agent_id AS agentId, coalesce(u.name, h.agent_id) AS name, count(*) AS handoffs,
        avg((julianday((SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = h.conversation_id
          AND m.role = 'agent' AND m.created_at >= h.queued_at)) - julianday(h.queued_at)) * 86400) AS firstResponseSeconds,
        avg(CASE WHEN h.ended_at IS NOT NULL THEN (julianday(h.ended_at) - julianday(h.queued_at)) * 86400 END) AS resolutionSeconds,
        avg(c.score) AS averageCsat
      FROM handoffs h LEFT JOIN users u ON u.id = h.agent_id LEFT JOIN csat_ratings c ON c.handoff_id = h.id
      WHERE h.queued_at >= @from AND h.queued_at < @to AND h.agent_id IS NOT NULL
      GROUP BY h.agent_id ORDER BY handoffs DESC, name`).all(period) as AgentFigures[];
  }

  coupons(period: Period): CouponFigures {
    const rows = this.sql(`SELECT d.action AS action, count(*) AS decisions, sum(${PURCHASED}) AS bought,
        sum(EXISTS (SELECT 1 FROM coupons c WHERE c.decision_id = d.id AND c.redeemed_at IS NOT NULL)) AS redeemed
      FROM (${DECISIONS}) d GROUP BY d.action`).all(period) as { action: 'offer' | 'hold-out'; decisions: number; bought: number; redeemed: number }[];
    const offer = rows.find((r) => r.action === 'offer');
    const hold = rows.find((r) => r.action === 'hold-out');
    const offerConversion = offer ? offer.bought / offer.decisions : null;
    const holdOutConversion = hold ? hold.bought / hold.decisions : null;
    return {
      offers: offer?.decisions ?? 0,
      holdOuts: hold?.decisions ?? 0,
      redemptions: offer?.redeemed ?? 0,
      offerConversion,
      holdOutConversion,
      uplift: offerConversion !== null && holdOutConversion !== null ? offerConversion - holdOutConversion : null,
      attributionDays: ATTRIBUTION_DAYS,
    };
  }

  /** Conversations by the offer engine's segment (those without a decision: `unknown`). */
  segments(period: Period): SegmentFigures[] {
    const chats = this.sql(`SELECT coalesce(segment, 'unknown') AS segment, count(*) AS conversations,
        sum(sentiment_sum) AS sentimentSum, sum(sentiment_n) AS sentimentN, sum(csat) AS csatSum, count(csat) AS csatN
      FROM conversation_facts WHERE started_at >= @from AND started_at < @to GROUP BY 1`).all(period) as {
      segment: string; conversations: number; sentimentSum: number | null; sentimentN: number; csatSum: number | null; csatN: number;
    }[];
    const bought = new Map(
      (this.sql(`SELECT d.segment AS segment, count(*) AS decisions, sum(${PURCHASED}) AS bought FROM (${DECISIONS}) d GROUP BY 1`).all(period) as {
        segment: string; decisions: number; bought: number;
      }[]).map((r) => [r.segment, r]),
    );
    return chats
      .map((c) => {
        const b = bought.get(c.segment);
        return {
          segment: c.segment,
          conversations: c.conversations,
          averageSentiment: mean(c.sentimentSum, c.sentimentN),
          averageCsat: mean(c.csatSum, c.csatN),
          decisions: b?.decisions ?? 0,
          conversion: b ? b.bought / b.decisions : null,
        };
      })
      .sort((a, b) => b.conversations - a.conversations || a.segment.localeCompare(b.segment));
  }
}
