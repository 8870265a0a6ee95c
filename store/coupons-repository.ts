import type { Database, Statement } from 'better-sqlite3';
import type { Coupon } from './types';

interface CouponRow {
  code: string;
  decision_id: string;
  session_id: string;
  customer_id: string | null;
  percent_off: number;
  created_at: string;
  expires_at: string;
  redeemed_at: string | null;
  order_id: string | null;
  order_value_minor: number | null;
}

function toCoupon(row: CouponRow): Coupon {
  return {
    code: row.code,
    decisionId: row.decision_id,
    sessionId: row.session_id,
    customerId: row.customer_id,
    percentOff: row.percent_off,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    redeemedAt: row.redeemed_at,
    orderId: row.order_id,
    orderValueMinor: row.order_value_minor,
  };
}

/** A coupon as issued (not yet redeemed). */
export type NewCoupon = Omit<Coupon, 'redeemedAt' | 'orderId' | 'orderValueMinor'>;

/** Why a redemption did or did not take. */
export const REDEMPTION_OUTCOMES = ['redeemed', 'already-redeemed', 'used-by-another-order', 'expired', 'unknown-code'] as const;
/** One of {@link REDEMPTION_OUTCOMES}; `already-redeemed` = this same order, repeated. */
export type RedemptionOutcome = (typeof REDEMPTION_OUTCOMES)[number];

/** Single-use coupons: issued with offers, redeemed once by an order. */
export class CouponsRepository {
  private readonly byCode: Statement<[string], CouponRow>;
  private readonly redeemStmt: Statement;

  constructor(private readonly db: Database) {
    this.byCode = db.prepare('SELECT * FROM coupons WHERE code = ?');
    // One statement decides: the code is unused and unexpired at the order's time, or nothing changes.
    this.redeemStmt = db.prepare(`UPDATE coupons SET redeemed_at = @at, order_id = @orderId, order_value_minor = @orderValueMinor
      WHERE code = @code AND redeemed_at IS NULL AND expires_at > @at`);
  }

  /** Stores a new coupon. */
  issue(coupon: NewCoupon): Coupon {
    this.db
      .prepare(`INSERT INTO coupons (code, decision_id, session_id, customer_id, percent_off, created_at, expires_at)
        VALUES (@code, @decisionId, @sessionId, @customerId, @percentOff, @createdAt, @expiresAt)`)
      .run(coupon);
    return { ...coupon, redeemedAt: null, orderId: null, orderValueMinor: null };
  }

  findByCode(code: string): Coupon | undefined {
    const row = this.byCode.get(code);
    return row && toCoupon(row);
  }

  /**
   * Redeems a code for an order, atomically: of two orders racing for one code exactly one
   * wins. Repeating the same order's redemption is `already-redeemed` and changes nothing.
   *
   * @param at - the order's time (ISO 8601): a code is valid for orders placed before it expired
   */
  redeem(code: string, orderId: string, orderValueMinor: number, at: string): { outcome: RedemptionOutcome; coupon?: Coupon } {
    return this.db.transaction(() => {
      const changed = this.redeemStmt.run({ code, orderId, orderValueMinor, at }).changes === 1;
      const coupon = this.findByCode(code);
      if (!coupon) return { outcome: 'unknown-code' as const };
      if (changed) return { outcome: 'redeemed' as const, coupon };
      if (coupon.redeemedAt !== null) return { outcome: coupon.orderId === orderId ? ('already-redeemed' as const) : ('used-by-another-order' as const), coupon };
      return { outcome: 'expired' as const, coupon };
    })();
  }

  /** The coupons of these decisions. */
  forDecisions(decisionIds: readonly string[]): Coupon[] {
    if (decisionIds.length === 0) return [];
    const rows = this.db.prepare('SELECT * FROM coupons WHERE decision_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(decisionIds)) as CouponRow[];
    return rows.map(toCoupon);
  }

  /** The newest coupons, newest first. */
  recent(limit = 50): Coupon[] {
    return (this.db.prepare('SELECT * FROM coupons ORDER BY created_at DESC, code LIMIT ?').all(limit) as CouponRow[]).map(toCoupon);
  }
}
