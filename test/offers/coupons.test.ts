import { CODE_RANDOM_CHARS, checkCoupon, newCouponCode, redeemCoupon, type Consideration } from '../../bot/offers';
import { browse, offerFixture, type OfferFixture } from './fixtures';

const HOUR_MS = 3_600_000;

function offeredCode(f: OfferFixture): string {
  const c: Consideration = f.engine.consider(browse(f));
  if (c.kind !== 'decided' || !c.coupon) throw new Error('no coupon offered');
  return c.coupon.code;
}

const at = (f: OfferFixture, plusMs = 0): string => new Date(f.clock.now() + plusMs).toISOString();

describe('coupon codes', () => {
  it('are 80 random bits in an unambiguous alphabet, never repeated', () => {
    const codes = Array.from({ length: 5000 }, () => newCouponCode());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^SK-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(CODE_RANDOM_CHARS * Math.log2(32)).toBe(80);
    // every character of the alphabet turns up, at about the same rate
    const counts = new Map<string, number>();
    for (const ch of codes.join('').replace(/SK|-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (codes.length * CODE_RANDOM_CHARS) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it('cannot be guessed: made-up and neighbouring codes are unknown', () => {
    const f = offerFixture();
    const code = offeredCode(f);
    const neighbour = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    for (const guess of [neighbour, newCouponCode(), 'SK-0000-0000-0000-0000', 'WELCOME10']) {
      expect(redeemCoupon(f.store, { code: guess, orderId: 'o1', orderValueMinor: 5000, at: at(f), actor: 'test' })).toBe('unknown-code');
    }
    expect(f.store.coupons.findByCode(code)?.redeemedAt).toBeNull();
  });
});

describe('coupon redemption', () => {
  it('works once: the first order redeems it, a repeat of that order changes nothing, another order is refused', () => {
    const f = offerFixture();
    const code = offeredCode(f);
    expect(checkCoupon(f.store, code.toLowerCase(), at(f))).toEqual(expect.objectContaining({ valid: true, percentOff: 10 }));
    expect(redeemCoupon(f.store, { code: code.toLowerCase(), orderId: 'o1', orderValueMinor: 5000, at: at(f), actor: 'test' })).toBe('redeemed');
    expect(redeemCoupon(f.store, { code, orderId: 'o1', orderValueMinor: 5000, at: at(f), actor: 'test' })).toBe('already-redeemed');
    expect(redeemCoupon(f.store, { code, orderId: 'o2', orderValueMinor: 9000, at: at(f), actor: 'test' })).toBe('used-by-another-order');
    expect(f.store.coupons.findByCode(code)).toEqual(expect.objectContaining({ orderId: 'o1', orderValueMinor: 5000 }));
    expect(checkCoupon(f.store, code, at(f))).toEqual({ valid: false, reason: 'used' });
    expect(f.store.audit.listFor('coupon', code).map((e) => e.action)).toEqual(['coupon.issue', 'coupon.redeem', 'coupon.refused.used-by-another-order']);
  });

  it('of many orders racing for one code, exactly one wins', () => {
    const f = offerFixture();
    const code = offeredCode(f);
    const outcomes = Array.from({ length: 20 }, (_, i) => redeemCoupon(f.store, { code, orderId: `o${i}`, orderValueMinor: 100, at: at(f), actor: 'test' }));
    expect(outcomes.filter((o) => o === 'redeemed')).toHaveLength(1);
  });

  it('expires: an order placed after the expiry is refused, one placed before is honoured', () => {
    const f = offerFixture(undefined, { couponValidMs: 72 * HOUR_MS });
    const code = offeredCode(f);
    expect(checkCoupon(f.store, code, at(f, 73 * HOUR_MS))).toEqual({ valid: false, reason: 'expired' });
    expect(redeemCoupon(f.store, { code, orderId: 'late', orderValueMinor: 100, at: at(f, 73 * HOUR_MS), actor: 'test' })).toBe('expired');
    expect(redeemCoupon(f.store, { code, orderId: 'on-time', orderValueMinor: 100, at: at(f, 71 * HOUR_MS), actor: 'test' })).toBe('redeemed');
  });
});
