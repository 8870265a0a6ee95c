import { randomBytes } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { OfferService, checkCoupon, currentPolicy, offerReport, redeemCoupon, savePolicy, type OfferEngineDeps } from '../bot';
import { SEGMENT_NAMES, loadDefaultPropensityModel, type PropensityModel } from '../models';
import { isoNow, type Clock, type EventOutcome, type RedemptionOutcome, type Store } from '../store';
import { authOf, type ConsoleAuth } from './auth';
import type { Config } from './config';
import { HttpError } from './errors';
import type { Logger } from './logger';

const DAY_MS = 86_400_000;
/** The report's period when the query names none. */
const DEFAULT_PERIOD_DAYS = 30;

const time = z.iso.datetime({ offset: true });

const REPORT_QUERY = z.strictObject({
  from: time.optional(),
  to: time.optional(),
  attributionDays: z.coerce.number().positive().max(365).optional(),
  confidence: z.coerce.number().gt(0.5).lt(1).optional(),
});

const LIST_QUERY = z.strictObject({
  from: time.optional(),
  to: time.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const POLICY_BODY = z.strictObject({ enabled: z.boolean().default(true), policy: z.unknown() });

const CODE = z.string().min(1).max(64);

/** What the offers API needs from the composition root. */
export interface OffersApiDeps {
  store: Store;
  auth: ConsoleAuth;
  /** Undefined when offers are off: the policy and report still work, segments show as not fitted. */
  offers: OfferService | undefined;
  clock: Clock;
  /** Default attribution window of the report, in days. */
  attributionDays: number;
}

function periodOf(query: { from?: string; to?: string }, now: number): { fromIso: string; toIso: string } {
  const to = query.to ? Date.parse(query.to) : now;
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_PERIOD_DAYS * DAY_MS;
  if (from > to) throw new HttpError(400, 'from must not be after to');
  return { fromIso: new Date(from).toISOString(), toIso: new Date(to).toISOString() };
}

/** The shop's order event, as far as coupons care. */
export interface CouponOrderEvent {
  orderId: string;
  type: string;
  at: string;
  amountMinor?: number;
  couponCode?: string;
}

/**
 * Records a coupon's redemption from the shop's order event (`POST /api/shop/order-events`
 * with `couponCode`): the order's value is the event's `amountMinor`, else the stored order's
 * total. Refund events redeem nothing.
 *
 * @returns the redemption outcome, for the webhook's response; undefined when nothing applied
 */
export function redemptionFromOrderEvent(store: Store, event: CouponOrderEvent, outcome: EventOutcome): RedemptionOutcome | undefined {
  if (!event.couponCode || outcome === 'unknown_order' || event.type === 'refunded') return undefined;
  const order = store.orders.findById(event.orderId);
  if (!order) return undefined;
  return redeemCoupon(store, { code: event.couponCode, orderId: order.id, orderValueMinor: event.amountMinor ?? order.totalMinor, at: event.at, actor: 'order-events' });
}

function segmentsView(offers: OfferService | undefined) {
  const model = offers?.knowledge.segmentModel;
  return {
    fitted: model !== undefined,
    segments: SEGMENT_NAMES.map((name) => {
      const fitted = model?.segments.find((s) => s.name === name);
      return { name, customers: fitted?.customers ?? 0, typical: fitted?.typical ?? null, expectedOrderValue: offers?.knowledge.expectedOrderValue(name) ?? null };
    }),
  };
}

/**
 * The manager's offers API (documented in the README, "Coupons and offers"): the policy, the
 * report with uplift, the decisions, the segments; and the shop's coupon check at checkout.
 */
export function offersApi(deps: OffersApiDeps): Router {
  const { store, auth, offers, clock } = deps;
  const router = express.Router();
  const manager: RequestHandler = auth.requireRole('manager');

  router.get('/api/manager/offers/policy', manager, (_req, res) => {
    res.json(currentPolicy(store));
  });
  router.put('/api/manager/offers/policy', manager, (req, res) => {
    const body = POLICY_BODY.parse(req.body);
    try {
      res.json(savePolicy(store, body.policy ?? {}, body.enabled, authOf(res).user.id));
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('invalid coupon policy')) throw new HttpError(400, err.message);
      throw err;
    }
  });
  router.get('/api/manager/offers/report', manager, (req, res) => {
    const query = REPORT_QUERY.parse(req.query);
    const period = periodOf(query, clock.now());
    res.json(offerReport(store, { ...period, attributionDays: query.attributionDays ?? deps.attributionDays, confidence: query.confidence }));
  });
  router.get('/api/manager/offers/decisions', manager, (req, res) => {
    const query = LIST_QUERY.parse(req.query);
    const { fromIso, toIso } = periodOf(query, clock.now());
    const decisions = store.offers.between(fromIso, toIso).slice(-query.limit).reverse();
    const coupons = new Map(store.coupons.forDecisions(decisions.map((d) => d.id)).map((c) => [c.decisionId, c]));
    res.json({ decisions: decisions.map((d) => ({ ...d, coupon: coupons.get(d.id) ?? null })) });
  });
  router.get('/api/manager/offers/segments', manager, (_req, res) => {
    res.json(segmentsView(offers));
  });
  router.get('/api/shop/coupons/:code', (req, res) => {
    res.json(checkCoupon(store, CODE.parse(req.params.code), isoNow(clock)));
  });
  return router;
}

/** Uniform in [0, 1) from the system's cryptographic generator: nobody can steer the hold-out draw. */
function cryptoRandom(): number {
  return randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The offer service as configured, or undefined when offers are switched off
 * (`SHOPKEEP_OFFERS=0`) or the shipped purchase model cannot be loaded.
 *
 * @param post - stores a bot message in a conversation, then delivers it (the handoff service's `post`)
 */
export function createOfferService(config: Config, store: Store, post: OfferEngineDeps['post'], clock: Clock, logger: Logger): OfferService | undefined {
  if (!config.SHOPKEEP_OFFERS) return undefined;
  let model: PropensityModel;
  try {
    model = loadDefaultPropensityModel();
  } catch (err) {
    logger.error({ err }, 'purchase model not loaded; coupon offers are off');
    return undefined;
  }
  return new OfferService(
    { store, model, clock, random: cryptoRandom, post },
    {
      throttleMs: config.SHOPKEEP_OFFER_THROTTLE_SECONDS * 1000,
      couponValidMs: config.SHOPKEEP_COUPON_VALID_HOURS * 3_600_000,
      utcOffsetMinutes: config.SHOPKEEP_OFFER_UTC_OFFSET_MINUTES,
      refreshMs: config.SHOPKEEP_OFFER_REFRESH_MINUTES * 60_000,
      onError: (err, context) => logger.error({ err, ...context }, 'coupon offer failed'),
      onConsidered: (sessionId, outcome) => logger.debug({ sessionId, outcome }, 'session considered for an offer'),
    },
  );
}
