import { decideOffer, purchaseLikelihood, type OfferDecision, type PropensityModel } from '../../models';
import type { Clock, Coupon, OfferDecisionRecord, ShopperSession, Store } from '../../store';
import type { OutgoingMessage } from '../handoff/delivery';
import { textsFor } from '../texts';
import { newCouponCode, type RandomBytes } from './coupon-codes';
import { currentVisit, pageViewsOf, visitorTypeOf } from './live-session';
import { currentPolicy } from './policy-store';
import type { ShopKnowledge } from './shop-knowledge';

/** Settings of the {@link OfferEngine}. */
export interface OfferSettings {
  /** A coupon's lifetime in ms. @default 72 hours */
  couponValidMs: number;
  /** The shop's offset from UTC: its calendar day for the budget, month and weekend for the model. @default 0 */
  utcOffsetMinutes: number;
}

/** Defaults of {@link OfferSettings}. */
export const DEFAULT_OFFER_SETTINGS: OfferSettings = { couponValidMs: 72 * 3_600_000, utcOffsetMinutes: 0 };

/** What the engine needs from the rest of the product. */
export interface OfferEngineDeps {
  store: Store;
  model: PropensityModel;
  knowledge: ShopKnowledge;
  clock: Clock;
  /** Uniform in [0, 1): the hold-out draw. */
  random: () => number;
  /** Stores a bot message in the conversation, then delivers it to the shopper. */
  post(conversationId: string, message: OutgoingMessage): void;
  /** Coupon code randomness. @default crypto.randomBytes */
  randomBytes?: RandomBytes;
}

/** Why a session was not put before the policy at all. */
export type SkipReason = 'offers-disabled' | 'unknown-session' | 'no-page-views' | 'human-owns-conversation';

/** What one consideration of a session came to. */
export type Consideration =
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'decided'; pPurchase: number; segment: string; decision: OfferDecision; record?: OfferDecisionRecord; coupon?: Coupon };

/** The shop's calendar day of a time, for the daily budget. */
export function budgetDayOf(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Who the frequency cap counts: the customer when known (all their browsers), else the session. */
export function shopperKeyOf(session: Pick<ShopperSession, 'id' | 'customerId'>): string {
  return session.customerId ? `customer:${session.customerId}` : `session:${session.id}`;
}

/**
 * Scores a shopper's live session and applies the manager's policy: the hold-out draw, the
 * decision, the budget and the coupon are one transaction, so concurrent events cannot spend
 * the same budget or offer twice; the offer message is posted after the commit.
 */
export class OfferEngine {
  private readonly settings: OfferSettings;

  constructor(
    private readonly deps: OfferEngineDeps,
    settings: Partial<OfferSettings> = {},
  ) {
    this.settings = { ...DEFAULT_OFFER_SETTINGS, ...settings };
  }

  /** Considers the session now: score, decide, and offer if the policy says so. */
  consider(sessionId: string): Consideration {
    const { store } = this.deps;
    if (!currentPolicy(store).enabled) return { kind: 'skipped', reason: 'offers-disabled' };
    const session = store.sessions.findById(sessionId);
    if (!session) return { kind: 'skipped', reason: 'unknown-session' };
    const conversation = store.conversations.openForSession(session.id, 'widget', session.locale);
    // A queued or human-owned conversation belongs to the agents: the bot stays quiet.
    if (store.handoffs.activeFor(conversation.id)) return { kind: 'skipped', reason: 'human-owns-conversation' };
    const now = this.deps.clock.now();
    const pPurchase = this.score(session, now);
    if (pPurchase === undefined) return { kind: 'skipped', reason: 'no-page-views' };
    const segment = session.customerId ? this.deps.knowledge.segmentOf(this.deps.knowledge.rfmOf(session.customerId, now)) : 'new';
    const outcome = store.transaction(() => this.decide(session, conversation.id, pPurchase, segment, now));
    if (outcome.kind === 'decided' && outcome.coupon) {
      const { code, percentOff, expiresAt } = outcome.coupon;
      this.deps.post(conversation.id, { role: 'bot', text: textsFor(conversation.locale).offers.coupon(percentOff, expiresAt), payload: { coupon: { code, percentOff, expiresAt } } });
    }
    return outcome;
  }

  /** Calibrated p(purchase) of the session's current visit; undefined before any page view. */
  score(session: ShopperSession, now: number): number | undefined {
    const { visit, earlierVisits } = currentVisit(this.deps.store.sessions.events(session.id));
    const views = pageViewsOf(visit);
    const first = views[0];
    if (!first) return undefined;
    const seenBefore = session.customerId !== null && this.deps.store.offerSignals.customerSeenBefore(session.customerId, session.id, new Date(first.at).toISOString());
    return purchaseLikelihood(this.deps.model, views, {
      visitorType: visitorTypeOf(earlierVisits, seenBefore),
      pageStats: this.deps.knowledge.pageStats,
      utcOffsetMinutes: this.settings.utcOffsetMinutes,
      now,
    });
  }

  private decide(session: ShopperSession, conversationId: string, pPurchase: number, segment: ReturnType<ShopKnowledge['segmentOf']>, now: number): Consideration {
    const { store } = this.deps;
    const { policy } = currentPolicy(store);
    const shopperKey = shopperKeyOf(session);
    const budgetDay = budgetDayOf(now, this.settings.utcOffsetMinutes);
    const decision = decideOffer(policy, {
      pPurchase,
      segment,
      expectedOrderValue: this.deps.knowledge.expectedOrderValue(segment),
      budgetLeftToday: policy.dailyBudget - store.offers.spentOnDay(budgetDay) / 100,
      lastConsideredAt: store.offers.lastConsideredAt(shopperKey),
      now,
      random: this.deps.random,
    });
    if (decision.action === 'no-offer') return { kind: 'decided', pPurchase, segment, decision };
    const at = new Date(now).toISOString();
    const record = store.offers.record({
      id: `ofr_${newCouponCode(this.deps.randomBytes).slice(3).replace(/-/g, '')}`,
      shopperKey,
      sessionId: session.id,
      customerId: session.customerId,
      conversationId,
      action: decision.action,
      segment,
      pPurchase,
      discountPercent: decision.discountPercent,
      // Rounded up, so the committed total never exceeds the budget by rounding.
      costMinor: decision.action === 'offer' ? Math.ceil(decision.cost * 100 - 1e-9) : 0,
      budgetDay,
      at,
    });
    store.audit.record({ actor: 'offer-engine', action: `offer.${decision.action}`, entityType: 'offer', entityId: record.id, before: null, after: { ...record, reason: decision.reason } });
    if (decision.action === 'hold-out') return { kind: 'decided', pPurchase, segment, decision, record };
    return { kind: 'decided', pPurchase, segment, decision, record, coupon: this.issueCoupon(record, now) };
  }

  /** A new single-use coupon for an offer, in the decision's transaction, audited. */
  private issueCoupon(record: OfferDecisionRecord, now: number): Coupon {
    const coupon = this.deps.store.coupons.issue({
      code: newCouponCode(this.deps.randomBytes),
      decisionId: record.id,
      sessionId: record.sessionId,
      customerId: record.customerId,
      percentOff: record.discountPercent,
      createdAt: record.at,
      expiresAt: new Date(now + this.settings.couponValidMs).toISOString(),
    });
    this.deps.store.audit.record({ actor: 'offer-engine', action: 'coupon.issue', entityType: 'coupon', entityId: coupon.code, before: null, after: coupon });
    return coupon;
  }
}
