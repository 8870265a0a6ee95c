import { Router, type Response } from 'express';
import { z } from 'zod';
import { LOCALES, readShopCorpus } from '../nlu';
import { SENTIMENT_BANDS, groupMisunderstood, toCsv, type Period, type Store, type TranscriptFilter } from '../store';
import { authOf, type ConsoleAuth } from './auth';
import { HttpError, jsonRoute } from './errors';
import type { NluTrainer } from './nlu-training';

/** Longest period a dashboard covers. */
const MAX_PERIOD_DAYS = 400;
/** Default period: the last 30 days. */
const DEFAULT_DAYS = 30;
/** Most conversations one transcript export holds. */
const MAX_EXPORT_CONVERSATIONS = 5000;

const ISO = z.string().datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'days are YYYY-MM-DD').transform((d) => `${d}T00:00:00.000Z`);
const WHEN = z.union([DAY, ISO]);
const FLAG = z.enum(['true', 'false']).transform((v) => v === 'true');
const PERIOD = z.object({ from: WHEN.optional(), to: WHEN.optional() });
const FILTER = PERIOD.extend({
  channel: z.string().max(40).optional(),
  locale: z.enum(LOCALES).optional(),
  intent: z.string().regex(/^[\w.-]{1,60}$/u).optional(),
  sentiment: z.enum(SENTIMENT_BANDS).optional(),
  handedOff: FLAG.optional(),
  agentId: z.string().max(100).optional(),
  csatMin: z.coerce.number().int().min(1).max(5).optional(),
  csatMax: z.coerce.number().int().min(1).max(5).optional(),
  couponOffered: FLAG.optional(),
  couponRedeemed: FLAG.optional(),
  text: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const ASSIGN = z.object({ text: z.string().trim().min(1).max(500), intent: z.string().regex(/^[\w.-]{1,60}$/u), locale: z.enum(LOCALES) });
const ID = z.string().min(1).max(100);

/** Services of the manager API. */
export interface ManagerApiDeps {
  store: Store;
  auth: ConsoleAuth;
  trainer: NluTrainer;
  now?: () => number;
}

const handle = jsonRoute;

/** The query's period, the last 30 days by default; refused when inverted or too long. */
export function periodOf(query: unknown, now: number): Period {
  const p = PERIOD.parse(query);
  const to = p.to ?? new Date(now + 86_400_000).toISOString().slice(0, 10) + 'T00:00:00.000Z';
  const from = p.from ?? new Date(Date.parse(to) - DEFAULT_DAYS * 86_400_000).toISOString();
  if (from >= to) throw new HttpError(400, 'the period must start before it ends');
  if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_DAYS * 86_400_000) throw new HttpError(400, `periods are at most ${MAX_PERIOD_DAYS} days`);
  return { from, to };
}

function filterOf(query: unknown): TranscriptFilter {
  const parsed = FILTER.parse(query);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined && v !== '')) as TranscriptFilter;
}

function sendCsv(res: Response, name: string, body: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.send(`\ufeff${body}`);
}

/** The intents a phrase can be assigned to: those of the shipped corpus. */
function knownIntents(): string[] {
  return [...new Set(readShopCorpus().train.map((e) => e.intent))].sort();
}

/**
 * The manager dashboard's REST API under `/api/manager` (role `manager`; sign-in is the
 * console's `/api/agent/login`): dashboard figures, transcript search and detail, the
 * misunderstood messages grouped, phrase assignments and NLU retraining, CSV exports.
 */
export function managerApi(deps: ManagerApiDeps): Router {
  const { store, auth, trainer } = deps;
  const now = deps.now ?? Date.now;
  const router = Router();
  const managers = auth.requireRole('manager');
  let intents: string[] | undefined;

  router.get('/api/manager/dashboard', managers, handle((req) => store.analytics.dashboard(periodOf(req.query, now()))));
  router.get('/api/manager/transcripts', managers, handle((req) => store.analytics.search(filterOf(req.query))));
  router.get('/api/manager/transcripts/:id', managers, handle((req) => {
    const found = store.analytics.transcript(ID.parse(req.params.id));
    if (!found) throw new HttpError(404, 'no conversation with this id');
    return found;
  }));
  router.get('/api/manager/misunderstood', managers, handle((req) => ({ groups: groupMisunderstood(store.analytics.misunderstood(periodOf(req.query, now()))) })));
  router.get('/api/manager/intents', managers, handle(() => ({ intents: (intents ??= knownIntents()) })));
  router.get('/api/manager/assignments', managers, handle(() => ({ assignments: store.analytics.assignments() })));
  router.post('/api/manager/assignments', managers, handle((req, res) => {
    const { text, intent, locale } = ASSIGN.parse(req.body);
    if (!(intents ??= knownIntents()).includes(intent)) throw new HttpError(400, `unknown intent ${intent}`);
    return { assignment: store.analytics.assign(text, intent, locale, authOf(res).user.id) };
  }));
  router.get('/api/manager/nlu/training', managers, handle(() => trainer.state));
  router.post('/api/manager/nlu/retrain', managers, handle((_req, res) => {
    void trainer.retrain(store.analytics.assignments());
    res.status(202);
    return trainer.state;
  }));
  router.get('/api/manager/export/transcripts.csv', managers, handle((req, res) => sendCsv(res, 'transcripts.csv', transcriptsCsv(store, filterOf(req.query)))));
  router.get('/api/manager/export/metrics.csv', managers, handle((req, res) => sendCsv(res, 'metrics.csv', metricsCsv(store, periodOf(req.query, now())))));
  return router;
}

/** Every message of the matching conversations (newest conversations first, bounded). */
export function transcriptsCsv(store: Store, filter: TranscriptFilter): string {
  const { conversations } = store.analytics.search({ ...filter, limit: MAX_EXPORT_CONVERSATIONS, offset: 0 });
  const rows = conversations.flatMap((c) =>
    (store.analytics.transcript(c.conversationId)?.turns ?? []).map((t) => [
      c.conversationId, c.channel, c.locale, t.createdAt, t.role, t.text, t.intent, t.confidence, t.sentimentLabel, t.sentimentScore,
      c.handedOff, c.csat, c.offer, c.redeemed,
    ]),
  );
  return toCsv(['conversation_id', 'channel', 'locale', 'at', 'role', 'text', 'intent', 'confidence', 'sentiment', 'sentiment_score', 'handed_off', 'csat', 'coupon', 'redeemed'], rows);
}

/** The period's figures per day. */
export function metricsCsv(store: Store, period: Period): string {
  const { daily } = store.analytics.dashboard(period);
  return toCsv(['day', 'conversations', 'handed_off', 'containment_rate', 'average_sentiment', 'average_csat'],
    daily.map((d) => [d.day, d.conversations, d.handedOff, d.conversations > 0 ? 1 - d.handedOff / d.conversations : null, d.averageSentiment, d.averageCsat]));
}
