import { createRng, decideOffer, DEFAULT_COUPON_POLICY, normalQuantile, parseCouponPolicy, upliftReport, wilsonInterval, type CouponPolicy, type OfferContext } from '../../models';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const POLICY: CouponPolicy = {
  band: { min: 0.2, max: 0.6 },
  discountBySegment: { occasional: 10, 'at risk': 15 },
  dailyBudget: 500,
  offerEveryDays: 7,
  holdOutShare: 0.1,
};
const never = (): number => 0.99;

function context(over: Partial<OfferContext> = {}): OfferContext {
  return { pPurchase: 0.35, segment: 'occasional', expectedOrderValue: 40, budgetLeftToday: 100, now: NOW, random: never, ...over };
}

describe('decideOffer', () => {
  it('offers inside the band with the segment discount and its cost', () => {
    expect(decideOffer(POLICY, context())).toEqual({ action: 'offer', reason: 'eligible', discountPercent: 10, cost: 4 });
    expect(decideOffer(POLICY, context({ segment: 'at risk' }))).toMatchObject({ discountPercent: 15, cost: 6 });
  });

  it('gives each no-offer its reason', () => {
    expect(decideOffer(POLICY, context({ pPurchase: 0.1 }))).toEqual({ action: 'no-offer', reason: 'below-band' });
    expect(decideOffer(POLICY, context({ pPurchase: 0.9 }))).toEqual({ action: 'no-offer', reason: 'above-band' });
    expect(decideOffer(POLICY, context({ segment: 'loyal high spenders' }))).toEqual({ action: 'no-offer', reason: 'segment-excluded' });
    expect(decideOffer(POLICY, context({ budgetLeftToday: 3.99 }))).toEqual({ action: 'no-offer', reason: 'budget-exhausted' });
    expect(decideOffer(POLICY, context({ lastConsideredAt: NOW - 6 * DAY }))).toEqual({ action: 'no-offer', reason: 'frequency-cap' });
    expect(decideOffer(POLICY, context({ lastConsideredAt: NOW - 7 * DAY }))).toMatchObject({ action: 'offer' });
  });

  it('draws the hold-out first, exactly once, whatever the decision', () => {
    let draws = 0;
    const counting = (): number => {
      draws++;
      return 0.05;
    };
    expect(decideOffer(POLICY, context({ random: counting }))).toEqual({ action: 'hold-out', reason: 'hold-out-draw', discountPercent: 10 });
    expect(decideOffer(POLICY, context({ random: counting, pPurchase: 0.01 }))).toMatchObject({ action: 'no-offer' });
    expect(draws).toBe(2);
  });

  it('holds out the policy share of eligible shoppers', () => {
    const random = createRng(12);
    const n = 20_000;
    let heldOut = 0;
    for (let i = 0; i < n; i++) if (decideOffer(POLICY, context({ random })).action === 'hold-out') heldOut++;
    // binomial sd at 10% of 20k is 0.0021: four of them
    expect(Math.abs(heldOut / n - 0.1)).toBeLessThan(0.0085);
  });
});

describe('parseCouponPolicy', () => {
  it('fills missing fields from the defaults', () => {
    expect(parseCouponPolicy({ holdOutShare: 0.2 })).toEqual({ ...DEFAULT_COUPON_POLICY, holdOutShare: 0.2 });
    expect(DEFAULT_COUPON_POLICY.discountBySegment['loyal high spenders']).toBeUndefined();
  });

  it('names the first bad field', () => {
    expect(() => parseCouponPolicy({ band: { min: 0.7, max: 0.3 } })).toThrow(/invalid coupon policy: band: band.min must not exceed/);
    expect(() => parseCouponPolicy({ holdOutShare: 1.5 })).toThrow(/holdOutShare/);
    expect(() => parseCouponPolicy({ discountBySegment: { vip: 10 } })).toThrow(/discountBySegment/);
  });
});

describe('uplift statistics', () => {
  it('matches Newcombe (1998) example (a): 56/70 vs 48/80', () => {
    const r = upliftReport({ shoppers: 70, converted: 56 }, { shoppers: 80, converted: 48 });
    expect(r.uplift).toBeCloseTo(0.2, 10);
    expect(r.interval.lower).toBeCloseTo(0.0524, 4);
    expect(r.interval.upper).toBeCloseTo(0.3339, 4);
    expect(r.significant).toBe(true);
  });

  it('is not significant when the interval spans 0, and handles empty groups', () => {
    expect(upliftReport({ shoppers: 50, converted: 10 }, { shoppers: 50, converted: 9 }).significant).toBe(false);
    const empty = upliftReport({ shoppers: 0, converted: 0 }, { shoppers: 10, converted: 2 });
    expect(empty.interval.lower).toBeGreaterThanOrEqual(-1);
    expect(empty.interval.upper).toBeLessThanOrEqual(1);
  });

  it('has a correct normal quantile and Wilson interval', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
    const w = wilsonInterval(81, 263, 1.959964);
    expect(w.lower).toBeCloseTo(0.2553, 4);
    expect(w.upper).toBeCloseTo(0.3662, 4);
  });
});
