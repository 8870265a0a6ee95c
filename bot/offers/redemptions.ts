import type { RedemptionOutcome, Store } from '../../store';
import { normaliseCouponCode } from './coupon-codes';

/** An order that used a coupon, as the shop's order event reports it. */
export interface RedemptionRequest {
  code: string;
  orderId: string;
  /** The order's value in minor units (revenue attributed to the coupon). */
  orderValueMinor: number;
  /** When the order was placed or paid (ISO 8601): the code must not have expired by then. */
  at: string;
  /** Who reported it, for the audit log. */
  actor: string;
}

/**
 * Records a coupon's use by an order: single use, atomically (of two orders racing for one code
 * exactly one wins), before expiry, with an audit entry for every attempt, taken or refused.
 */
export function redeemCoupon(store: Store, request: RedemptionRequest): RedemptionOutcome {
  const code = normaliseCouponCode(request.code);
  return store.transaction(() => {
    const { outcome, coupon } = store.coupons.redeem(code, request.orderId, request.orderValueMinor, request.at);
    if (outcome !== 'already-redeemed') {
      store.audit.record({
        actor: request.actor,
        action: outcome === 'redeemed' ? 'coupon.redeem' : `coupon.refused.${outcome}`,
        entityType: 'coupon',
        entityId: code,
        before: null,
        after: { orderId: request.orderId, orderValueMinor: request.orderValueMinor, at: request.at, outcome, expiresAt: coupon?.expiresAt ?? null },
      });
    }
    return outcome;
  });
}

/** A code's state as the shop's checkout asks before accepting it. */
export type CouponCheck =
  | { valid: true; percentOff: number; expiresAt: string }
  | { valid: false; reason: 'unknown-code' | 'expired' | 'used' };

/** Whether a code can still be used at `nowIso` (the checkout's question; redemption decides). */
export function checkCoupon(store: Store, rawCode: string, nowIso: string): CouponCheck {
  const coupon = store.coupons.findByCode(normaliseCouponCode(rawCode));
  if (!coupon) return { valid: false, reason: 'unknown-code' };
  if (coupon.redeemedAt !== null) return { valid: false, reason: 'used' };
  if (coupon.expiresAt <= nowIso) return { valid: false, reason: 'expired' };
  return { valid: true, percentOff: coupon.percentOff, expiresAt: coupon.expiresAt };
}
