import type { Database } from 'better-sqlite3';
import { statements } from '../statements';

/** Mood of a whole conversation, from its mean shopper sentiment. */
export const SENTIMENT_BANDS = ['negative', 'neutral', 'positive'] as const;
/** One mood band. */
export type SentimentBand = (typeof SENTIMENT_BANDS)[number];

/** Mean sentiment beyond ±this is positive / negative. */
const BAND_EDGE = 0.05;

/** Filters of the transcript browser; every one optional. */
export interface TranscriptFilter {
  from?: string;
  to?: string;
  channel?: string;
  locale?: string;
  /** A shopper message of the conversation was read as this intent. */
  intent?: string;
  sentiment?: SentimentBand;
  handedOff?: boolean;
  agentId?: string;
  csatMin?: number;
  csatMax?: number;
  couponOffered?: boolean;
  couponRedeemed?: boolean;
  /** Words any message of the conversation contains (case-insensitive, literal). */
  text?: string;
  /** @default 50 */
  limit?: number;
  /** @default 0 */
  offset?: number;
}

/** A conversation as the transcript list shows it. */
export interface TranscriptSummary {
  conversationId: string;
  startedAt: string;
  channel: string;
  locale: string;
  messages: number;
  averageSentiment: number | null;
  outOfScope: number;
  handedOff: boolean;
  handoffTrigger: string | null;
  agentId: string | null;
  csat: number | null;
  offer: 'offer' | 'hold-out' | null;
  redeemed: boolean;
  revenueMinor: number;
}

interface FactsRow {
  conversation_id: string; started_at: string; channel: string; locale: string; messages: number; sentiment_sum: number;
  sentiment_n: number; out_of_scope: number; handed_off: number; handoff_trigger: string | null; agent_id: string | null;
  csat: number | null; offer: 'offer' | 'hold-out' | null; redeemed: number; revenue_minor: number;
}

function toSummary(r: FactsRow): TranscriptSummary {
  return {
    conversationId: r.conversation_id,
    startedAt: r.started_at,
    channel: r.channel,
    locale: r.locale,
    messages: r.messages,
    averageSentiment: r.sentiment_n > 0 ? r.sentiment_sum / r.sentiment_n : null,
    outOfScope: r.out_of_scope,
    handedOff: r.handed_off === 1,
    handoffTrigger: r.handoff_trigger,
    agentId: r.agent_id,
    csat: r.csat,
    offer: r.offer,
    redeemed: r.redeemed === 1,
    revenueMinor: r.revenue_minor,
  };
}

/** Escapes LIKE wildcards so the shopper's text is matched literally. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

function sentimentClause(band: SentimentBand): string {
  switch (band) {
    case 'negative':
      return `sentiment_n > 0 AND sentiment_sum < -${BAND_EDGE} * sentiment_n`;
    case 'positive':
      return `sentiment_n > 0 AND sentiment_sum > ${BAND_EDGE} * sentiment_n`;
    case 'neutral':
      return `(sentiment_n = 0 OR abs(sentiment_sum) <= ${BAND_EDGE} * sentiment_n)`;
    default:
      return band satisfies never;
  }
}

/** The WHERE clause and parameters of a filter; values are always bound, never spliced. */
export function whereOf(filter: TranscriptFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, key?: string, value?: unknown): void => {
    clauses.push(sql);
    if (key) params[key] = value;
  };
  if (filter.from) add('started_at >= @from', 'from', filter.from);
  if (filter.to) add('started_at < @to', 'to', filter.to);
  if (filter.channel) add('channel = @channel', 'channel', filter.channel);
  if (filter.locale) add('locale = @locale', 'locale', filter.locale);
  if (filter.sentiment) add(sentimentClause(filter.sentiment));
  if (filter.handedOff !== undefined) add('handed_off = @handedOff', 'handedOff', filter.handedOff ? 1 : 0);
  if (filter.agentId) add('agent_id = @agentId', 'agentId', filter.agentId);
  if (filter.csatMin !== undefined) add('csat >= @csatMin', 'csatMin', filter.csatMin);
  if (filter.csatMax !== undefined) add('csat <= @csatMax', 'csatMax', filter.csatMax);
  if (filter.couponOffered !== undefined) add(filter.couponOffered ? "offer = 'offer'" : "(offer IS NULL OR offer != 'offer')");
  if (filter.couponRedeemed !== undefined) add('redeemed = @redeemed', 'redeemed', filter.couponRedeemed ? 1 : 0);
  // A conversation's messages are never older than its start: a period's start bounds the intent's
  // index range. (Free text scans every text anyway; a date range would only add index lookups.)
  const since = filter.from ? ' AND created_at >= @from' : '';
  if (filter.intent) {
    add(`conversation_id IN (SELECT conversation_id FROM messages WHERE role = 'shopper' AND intent = @intent${since})`, 'intent', filter.intent);
  }
  if (filter.text) {
    add(`conversation_id IN (SELECT conversation_id FROM messages WHERE lower(text) LIKE @text ESCAPE '\\')`, 'text', likePattern(filter.text));
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Transcript search over the conversation summaries, newest first. */
export class TranscriptQueries {
  private readonly sql: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.sql = statements(db);
  }

  /** One page of matching conversations; `hasMore` when another page follows. */
  search(filter: TranscriptFilter): { conversations: TranscriptSummary[]; hasMore: boolean } {
    const limit = filter.limit ?? 50;
    const where = whereOf(filter);
    const rows = this.sql(`SELECT * FROM conversation_facts ${where.sql} ORDER BY started_at DESC, conversation_id LIMIT @limit OFFSET @offset`)
      .all({ ...where.params, limit: limit + 1, offset: filter.offset ?? 0 }) as FactsRow[];
    return { conversations: rows.slice(0, limit).map(toSummary), hasMore: rows.length > limit };
  }

  /** One conversation's summary, or undefined. */
  summary(conversationId: string): TranscriptSummary | undefined {
    const row = this.sql('SELECT * FROM conversation_facts WHERE conversation_id = ?').get(conversationId) as FactsRow | undefined;
    return row && toSummary(row);
  }
}
