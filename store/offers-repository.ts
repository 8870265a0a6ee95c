import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock } from './clock';
import type { OfferAction, OfferDecisionRecord } from './types';

interface DecisionRow {
  id: string;
  shopper_key: string;
  session_id: string;
  customer_id: string | null;
  conversation_id: string | null;
  action: OfferAction;
  segment: string;
  p_purchase: number;
  discount_percent: number;
  cost_minor: number;
  budget_day: string;
  at: string;
}

function toDecision(row: DecisionRow): OfferDecisionRecord {
  return {
    id: row.id,
    shopperKey: row.shopper_key,
    sessionId: row.session_id,
    customerId: row.customer_id,
    conversationId: row.conversation_id,
    action: row.action,
    segment: row.segment,
    pPurchase: row.p_purchase,
    discountPercent: row.discount_percent,
    costMinor: row.cost_minor,
    budgetDay: row.budget_day,
    at: row.at,
  };
}

/** The stored policy document and who saved it. */
export interface StoredPolicy {
  /** The policy as saved (validate it with the models' `parseCouponPolicy` before use). */
  policy: unknown;
  updatedBy: string | null;
  updatedAt: string;
}

/**
 * The manager's coupon policy and every offer / hold-out decision (issue 6). Decisions are
 * written in the caller's transaction together with the budget check, so two events of one
 * shopper (or two shoppers on the last of the budget) cannot both pass.
 */
export class OffersRepository {
  private readonly insertDecision: Statement;
  private readonly lastFor: Statement<[string], { at: string }>;
  private readonly spentOn: Statement<[string], { spent: number | null }>;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.insertDecision = db.prepare(`INSERT INTO offer_decisions (id, shopper_key, session_id, customer_id, conversation_id, action,
      segment, p_purchase, discount_percent, cost_minor, budget_day, at) VALUES (@id, @shopperKey, @sessionId, @customerId,
      @conversationId, @action, @segment, @pPurchase, @discountPercent, @costMinor, @budgetDay, @at)`);
    this.lastFor = db.prepare('SELECT at FROM offer_decisions WHERE shopper_key = ? ORDER BY at DESC LIMIT 1');
    this.spentOn = db.prepare('SELECT sum(cost_minor) AS spent FROM offer_decisions WHERE budget_day = ?');
  }

  /** The saved policy, if a manager ever saved one. */
  policy(): StoredPolicy | undefined {
    const row = this.db.prepare('SELECT policy, updated_by, updated_at FROM coupon_policy WHERE id = 1').get() as
      | { policy: string; updated_by: string | null; updated_at: string }
      | undefined;
    return row && { policy: JSON.parse(row.policy) as unknown, updatedBy: row.updated_by, updatedAt: row.updated_at };
  }

  /** Replaces the policy (already validated by the caller). */
  savePolicy(policy: unknown, updatedBy: string | null): StoredPolicy {
    const updatedAt = isoNow(this.clock);
    this.db
      .prepare(`INSERT INTO coupon_policy (id, policy, updated_by, updated_at) VALUES (1, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET policy = excluded.policy, updated_by = excluded.updated_by, updated_at = excluded.updated_at`)
      .run(JSON.stringify(policy), updatedBy, updatedAt);
    return { policy, updatedBy, updatedAt };
  }

  /** When the shopper was last offered a coupon or held out, in ms, if ever. */
  lastConsideredAt(shopperKey: string): number | undefined {
    const row = this.lastFor.get(shopperKey);
    return row ? Date.parse(row.at) : undefined;
  }

  /** Discount committed on a budget day, minor units. */
  spentOnDay(budgetDay: string): number {
    return this.spentOn.get(budgetDay)?.spent ?? 0;
  }

  /** Stores a decision (stamped now by the caller's `at`). */
  record(decision: OfferDecisionRecord): OfferDecisionRecord {
    this.insertDecision.run(decision);
    return decision;
  }

  /** Decisions made in [fromIso, toIso), oldest first. */
  between(fromIso: string, toIso: string): OfferDecisionRecord[] {
    const rows = this.db.prepare('SELECT * FROM offer_decisions WHERE at >= ? AND at < ? ORDER BY at, id').all(fromIso, toIso) as DecisionRow[];
    return rows.map(toDecision);
  }

  /** The decisions of one shopper, newest first. */
  forShopper(shopperKey: string, limit = 50): OfferDecisionRecord[] {
    const rows = this.db.prepare('SELECT * FROM offer_decisions WHERE shopper_key = ? ORDER BY at DESC LIMIT ?').all(shopperKey, limit) as DecisionRow[];
    return rows.map(toDecision);
  }
}
