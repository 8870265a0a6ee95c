import type { Database, Statement } from 'better-sqlite3';

/** An order as segments and page values need it. */
export interface OrderSignal {
  customerId: string;
  placedAt: string;
  totalMinor: number;
}

/** A tracker event as page statistics need it. */
export interface TrackSignal {
  sessionId: string;
  customerId: string | null;
  type: string;
  pageType: string | null;
  url: string | null;
  productId: string | null;
  at: string;
}

/** Whose purchases count for a decision, and when. */
export interface PurchaseQuery {
  sessionId: string;
  customerId: string | null;
  decisionId: string;
  fromIso: string;
  toIso: string;
}

/**
 * Read-only views over orders, tracker events and coupons for the offer engine (issue 6):
 * segments, page statistics and conversion. Bounded queries, run off the hot path.
 */
export class OfferSignalsRepository {
  private readonly purchaseEvent: Statement;
  private readonly customerOrder: Statement;
  private readonly redemption: Statement;

  constructor(private readonly db: Database) {
    this.purchaseEvent = db.prepare(`SELECT 1 FROM events WHERE type = 'purchase' AND at >= @fromIso AND at < @toIso
      AND (session_id = @sessionId OR (@customerId IS NOT NULL AND customer_id = @customerId)) LIMIT 1`);
    this.customerOrder = db.prepare(`SELECT 1 FROM orders WHERE @customerId IS NOT NULL AND customer_id = @customerId
      AND placed_at >= @fromIso AND placed_at < @toIso AND status != 'cancelled' LIMIT 1`);
    this.redemption = db.prepare('SELECT 1 FROM coupons WHERE decision_id = @decisionId AND redeemed_at >= @fromIso AND redeemed_at < @toIso LIMIT 1');
  }

  /** Orders of known customers placed since `sinceIso` (not cancelled), at most `limit`, newest first. */
  orders(sinceIso: string, limit = 200_000): OrderSignal[] {
    return this.db
      .prepare(`SELECT customer_id AS customerId, placed_at AS placedAt, total_minor AS totalMinor FROM orders
        WHERE customer_id IS NOT NULL AND placed_at >= ? AND status != 'cancelled' ORDER BY placed_at DESC LIMIT ?`)
      .all(sinceIso, limit) as OrderSignal[];
  }

  /** One customer's orders (not cancelled). */
  ordersOf(customerId: string): OrderSignal[] {
    return this.db
      .prepare(`SELECT customer_id AS customerId, placed_at AS placedAt, total_minor AS totalMinor FROM orders
        WHERE customer_id = ? AND status != 'cancelled'`)
      .all(customerId) as OrderSignal[];
  }

  /** Tracker events since `sinceIso`, at most `limit` (the newest), oldest first. */
  events(sinceIso: string, limit = 200_000): TrackSignal[] {
    return this.db
      .prepare(`SELECT * FROM (SELECT session_id AS sessionId, customer_id AS customerId, type, page_type AS pageType, url, product_id AS productId, at, id
        FROM events WHERE at >= ? ORDER BY id DESC LIMIT ?) ORDER BY id`)
      .all(sinceIso, limit) as TrackSignal[];
  }

  /** True when another session of the customer started before `beforeIso` (a returning visitor). */
  customerSeenBefore(customerId: string, sessionId: string, beforeIso: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM sessions WHERE customer_id = ? AND id != ? AND created_at < ? LIMIT 1').get(customerId, sessionId, beforeIso) !==
      undefined
    );
  }

  /**
   * Did the shopper buy in the window: a tracker `purchase` in the session (or any session of
   * the customer), an order of the customer, or the decision's coupon redeemed.
   */
  purchased(query: PurchaseQuery): boolean {
    return (
      this.purchaseEvent.get(query) !== undefined ||
      this.customerOrder.get(query) !== undefined ||
      this.redemption.get(query) !== undefined
    );
  }
}
