import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './clock';
import { DashboardQueries } from './analytics/dashboard-queries';
import { TranscriptQueries, type TranscriptFilter, type TranscriptSummary } from './analytics/transcript-queries';
import type { Dashboard, Period } from './analytics/types';
import { statements } from './statements';

/** Below this confidence an in-scope reading counts as misunderstood. */
export const LOW_CONFIDENCE = 0.5;

/** One message of a transcript with the NLU's reading. */
export interface TranscriptTurn {
  seq: number;
  role: string;
  text: string;
  createdAt: string;
  intent: string | null;
  confidence: number | null;
  sentimentLabel: string | null;
  sentimentScore: number | null;
}

/** Something that happened to a conversation besides a message: handoff steps, offers, redemptions, CSAT. */
export interface TranscriptEvent {
  at: string;
  kind: 'handoff' | 'offer' | 'hold-out' | 'redeemed' | 'csat';
  detail: string;
}

/** A whole conversation for review. */
export interface TranscriptDetail {
  summary: TranscriptSummary;
  turns: TranscriptTurn[];
  events: TranscriptEvent[];
}

/** A shopper message the NLU did not understand well. */
export interface MisunderstoodMessage {
  text: string;
  locale: string;
  intent: string;
  confidence: number;
  createdAt: string;
}

/** A phrase a manager assigned to an intent. */
export interface IntentAssignment {
  id: number;
  text: string;
  intent: string;
  locale: string;
  assignedBy: string | null;
  createdAt: string;
}

/** Longest transcript opened at once. */
const MAX_TURNS = 2000;

/**
 * The manager dashboard's reads (issue 8): aggregations over the summaries of migration 5,
 * transcript search and detail, the misunderstood messages, and the phrases assigned to intents.
 */
export class AnalyticsRepository {
  readonly dashboardQueries: DashboardQueries;
  readonly transcripts: TranscriptQueries;
  private readonly sql: ReturnType<typeof statements>;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.dashboardQueries = new DashboardQueries(db);
    this.transcripts = new TranscriptQueries(db);
    this.sql = statements(db);
  }

  /** Every figure of the dashboard for a period. */
  dashboard(period: Period): Dashboard {
    const q = this.dashboardQueries;
    const decisions = q.decisions(period);
    return {
      period,
      overview: q.overview(period),
      daily: q.daily(period),
      handoffReasons: q.handoffReasons(period),
      topIntents: q.topIntents(period),
      agents: q.agents(period),
      coupons: q.coupons(period, decisions),
      segments: q.segments(period, decisions),
    };
  }

  search(filter: TranscriptFilter): { conversations: TranscriptSummary[]; hasMore: boolean } {
    return this.transcripts.search(filter);
  }

  /** A conversation's turns and events in time order, or undefined if there is none. */
  transcript(conversationId: string): TranscriptDetail | undefined {
    const summary = this.transcripts.summary(conversationId);
    if (!summary) return undefined;
    const turns = this.sql(`SELECT seq, role, text, created_at AS createdAt, intent, confidence, sentiment_label AS sentimentLabel,
        sentiment_score AS sentimentScore FROM messages WHERE conversation_id = ? ORDER BY seq LIMIT ${MAX_TURNS}`).all(conversationId) as TranscriptTurn[];
    return { summary, turns, events: this.events(conversationId) };
  }

  private events(conversationId: string): TranscriptEvent[] {
    const handoffs = this.sql(`SELECT t.at, t.from_status AS fromStatus, t.to_status AS toStatus, t.reason, h.trigger, coalesce(u.name, t.actor_id) AS actor
      FROM handoff_transitions t JOIN handoffs h ON h.id = t.handoff_id LEFT JOIN users u ON u.id = t.actor_id
      WHERE h.conversation_id = ? ORDER BY t.seq`).all(conversationId) as { at: string; fromStatus: string; toStatus: string; reason: string; trigger: string; actor: string | null }[];
    const opened = this.sql('SELECT queued_at AS at, trigger, summary FROM handoffs WHERE conversation_id = ?').all(conversationId) as { at: string; trigger: string; summary: string }[];
    const offers = this.sql(`SELECT d.at, d.action, d.segment, d.discount_percent AS percent, c.code, c.redeemed_at AS redeemedAt,
        c.order_value_minor AS orderValue FROM offer_decisions d LEFT JOIN coupons c ON c.decision_id = d.id
      WHERE d.conversation_id = ?`).all(conversationId) as { at: string; action: 'offer' | 'hold-out'; segment: string; percent: number; code: string | null; redeemedAt: string | null; orderValue: number | null }[];
    const csat = this.sql('SELECT created_at AS at, score FROM csat_ratings WHERE conversation_id = ?').all(conversationId) as { at: string; score: number }[];
    const events: TranscriptEvent[] = [
      ...opened.map((h) => ({ at: h.at, kind: 'handoff' as const, detail: `handed off (${h.trigger}): ${h.summary}` })),
      ...handoffs.map((t) => ({ at: t.at, kind: 'handoff' as const, detail: `${t.fromStatus} → ${t.toStatus} (${t.reason})${t.actor ? ` by ${t.actor}` : ''}` })),
      ...offers.map((o) => ({ at: o.at, kind: o.action, detail: o.action === 'offer' ? `coupon ${o.code ?? ''} ${o.percent}% off (segment ${o.segment})`.replace('  ', ' ') : `held out (segment ${o.segment})` })),
      ...offers.filter((o) => o.redeemedAt).map((o) => ({ at: o.redeemedAt as string, kind: 'redeemed' as const, detail: `coupon ${o.code ?? ''} redeemed on an order of ${((o.orderValue ?? 0) / 100).toFixed(2)}` })),
      ...csat.map((c) => ({ at: c.at, kind: 'csat' as const, detail: `CSAT ${c.score}/5` })),
    ];
    return events.sort((a, b) => a.at.localeCompare(b.at));
  }

  /**
   * Shopper messages of the period read as out-of-scope or with low confidence, newest first,
   * leaving out phrases already assigned to an intent.
   */
  misunderstood(period: Period, limit = 2000): MisunderstoodMessage[] {
    return this.sql(`SELECT m.text, coalesce(m.locale, 'en') AS locale, m.intent, coalesce(m.confidence, 0) AS confidence, m.created_at AS createdAt
      FROM messages m WHERE m.role = 'shopper' AND m.created_at >= @from AND m.created_at < @to AND m.intent IS NOT NULL
        AND (m.intent = 'out_of_scope' OR coalesce(m.confidence, 0) < ${LOW_CONFIDENCE})
        AND NOT EXISTS (SELECT 1 FROM nlu_assignments a WHERE a.text = m.text)
      ORDER BY m.created_at DESC LIMIT @limit`).all({ ...period, limit }) as MisunderstoodMessage[];
  }

  /** Records (or changes) the intent of a phrase. */
  assign(text: string, intent: string, locale: string, assignedBy: string | null): IntentAssignment {
    this.sql(`INSERT INTO nlu_assignments (text, intent, locale, assigned_by, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (text, locale) DO UPDATE SET intent = excluded.intent, assigned_by = excluded.assigned_by, created_at = excluded.created_at`)
      .run(text, intent, locale, assignedBy, isoNow(this.clock));
    return this.sql(`SELECT id, text, intent, locale, assigned_by AS assignedBy, created_at AS createdAt FROM nlu_assignments
      WHERE text = ? AND locale = ?`).get(text, locale) as IntentAssignment;
  }

  /** Every assignment, oldest first (training data for the retrained NLU). */
  assignments(): IntentAssignment[] {
    return this.sql(`SELECT id, text, intent, locale, assigned_by AS assignedBy, created_at AS createdAt FROM nlu_assignments ORDER BY id`).all() as IntentAssignment[];
  }
}
