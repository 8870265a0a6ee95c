import { z } from 'zod';
import { SEGMENT_NAMES, type SegmentName } from './segments';

/** The manager's coupon policy. */
export interface CouponPolicy {
  /**
   * Offer only between these calibrated purchase probabilities: below, a coupon rarely tips the
   * shopper; above, the shopper buys anyway. @default { min: 0.2, max: 0.6 }
   */
  band: { min: number; max: number };
  /** Discount in percent per segment; a segment left out gets no offers. */
  discountBySegment: Partial<Record<SegmentName, number>>;
  /** Discount money that may be committed per day (offer cost = discount × expected order value). */
  dailyBudget: number;
  /** At most one offer (or hold-out assignment) per shopper per this many days. @default 7 */
  offerEveryDays: number;
  /** Share of eligible shoppers held out (no offer) to measure uplift, 0 to 1. @default 0.1 */
  holdOutShare: number;
}

/**
 * A starting policy: nudge the undecided middle, discount the segments a coupon can move (new,
 * occasional, lapsed and at-risk customers), never the loyal ones who buy anyway.
 */
export const DEFAULT_COUPON_POLICY: CouponPolicy = {
  band: { min: 0.2, max: 0.6 },
  discountBySegment: { new: 10, occasional: 10, lapsed: 15, 'at risk': 15 },
  dailyBudget: 100,
  offerEveryDays: 7,
  holdOutShare: 0.1,
};

const share = z.number().min(0).max(1);

/** zod schema of a policy as a manager submits it: missing fields take {@link DEFAULT_COUPON_POLICY}'s. */
export const COUPON_POLICY_SCHEMA = z.object({
  band: z
    .object({ min: share, max: share })
    .refine((b) => b.min <= b.max, 'band.min must not exceed band.max')
    .default(DEFAULT_COUPON_POLICY.band),
  discountBySegment: z.partialRecord(z.enum(SEGMENT_NAMES), z.number().min(0).max(100)).default(DEFAULT_COUPON_POLICY.discountBySegment),
  dailyBudget: z.number().min(0).default(DEFAULT_COUPON_POLICY.dailyBudget),
  offerEveryDays: z.number().min(0).default(DEFAULT_COUPON_POLICY.offerEveryDays),
  holdOutShare: share.default(DEFAULT_COUPON_POLICY.holdOutShare),
});

/**
 * Validates a policy from an untrusted source (the manager's form, a settings file); throws a
 * one-line error naming the first bad field.
 *
 * @example
 * parseCouponPolicy({ holdOutShare: 0.2 }); // the defaults with a 20% hold-out
 */
export function parseCouponPolicy(input: unknown): CouponPolicy {
  const parsed = COUPON_POLICY_SCHEMA.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid coupon policy: ${issue?.path.join('.') || 'policy'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Everything the decision needs about this shopper, now. */
export interface OfferContext {
  /** Calibrated p(purchase) of the current session. */
  pPurchase: number;
  segment: SegmentName;
  /** Expected order value, e.g. the segment's mean basket, to price the offer against the budget. */
  expectedOrderValue: number;
  /** Budget not yet committed today. */
  budgetLeftToday: number;
  /** When this shopper was last offered a coupon or held out (ms), if ever. */
  lastConsideredAt?: number;
  /** ms since the epoch */
  now: number;
  /** Injected randomness in [0, 1) (seeded in tests). */
  random: () => number;
}

/** Why no offer was made. */
export const NO_OFFER_REASONS = ['below-band', 'above-band', 'segment-excluded', 'frequency-cap', 'budget-exhausted'] as const;
/** One of {@link NO_OFFER_REASONS}. */
export type NoOfferReason = (typeof NO_OFFER_REASONS)[number];

/** The outcome, with its reason for the audit log. */
export type OfferDecision =
  | { action: 'offer'; reason: 'eligible'; discountPercent: number; cost: number }
  | { action: 'hold-out'; reason: 'hold-out-draw'; discountPercent: number }
  | { action: 'no-offer'; reason: NoOfferReason };

const DAY_MS = 86_400_000;

/** The first rule that makes the shopper ineligible, if any; the same rules for both groups. */
function ineligibility(policy: CouponPolicy, c: OfferContext, discountPercent: number | undefined): NoOfferReason | undefined {
  if (c.pPurchase < policy.band.min) return 'below-band';
  if (c.pPurchase > policy.band.max) return 'above-band';
  if (discountPercent === undefined || discountPercent <= 0) return 'segment-excluded';
  if (c.lastConsideredAt !== undefined && c.now - c.lastConsideredAt < policy.offerEveryDays * DAY_MS) return 'frequency-cap';
  if ((discountPercent / 100) * c.expectedOrderValue > c.budgetLeftToday) return 'budget-exhausted';
  return undefined;
}

/**
 * Decides offer / hold-out / no-offer. The hold-out draw is made first, once per call, before
 * any rule is read, so group membership cannot depend on the decision; eligible shoppers whose
 * draw falls in the hold-out share get no coupon and form the comparison group. The caller
 * records `lastConsideredAt` for offers and hold-outs alike, so a held-out shopper is not
 * offered a coupon on the next page view.
 *
 * @example
 * decideOffer(policy, { pPurchase: 0.35, segment: 'occasional', expectedOrderValue: 40,
 *   budgetLeftToday: 100, now: Date.now(), random: createRng(1) });
 * // { action: 'offer', reason: 'eligible', discountPercent: 10, cost: 4 }
 */
export function decideOffer(policy: CouponPolicy, context: OfferContext): OfferDecision {
  const heldOut = context.random() < policy.holdOutShare;
  const discountPercent = policy.discountBySegment[context.segment];
  const reason = ineligibility(policy, context, discountPercent);
  if (reason !== undefined || discountPercent === undefined) return { action: 'no-offer', reason: reason ?? 'segment-excluded' };
  if (heldOut) return { action: 'hold-out', reason: 'hold-out-draw', discountPercent };
  return { action: 'offer', reason: 'eligible', discountPercent, cost: (discountPercent / 100) * context.expectedOrderValue };
}
