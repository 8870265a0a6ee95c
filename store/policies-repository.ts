import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock } from './clock';
import { ReadCache } from './read-cache';
import type { ShopPolicies } from './types';

/** What a shop that set nothing gets: a common UK gift-shop policy. */
export const DEFAULT_POLICIES: ShopPolicies = {
  returnWindowDays: 30,
  refundProcessingDays: 5,
  freeReturns: false,
  paymentMethods: ['card', 'paypal', 'apple_pay', 'google_pay'],
  couponsPerOrder: 1,
};

/** The shop's policies (return window, refund time, payment methods, coupon rules), with defaults. */
export class PoliciesRepository {
  private readonly all: Statement<[], { key: string; value: string }>;
  private readonly upsert: Statement;
  /** Policies are read on most questions about returns, refunds and payment; they change rarely. */
  private readonly reads: ReadCache;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.all = db.prepare('SELECT key, value FROM shop_policies');
    this.upsert = db.prepare(`
      INSERT INTO shop_policies (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    this.reads = new ReadCache(db, ['shop_policies']);
  }

  /** The policies in force: stored values over {@link DEFAULT_POLICIES}. */
  get(): ShopPolicies {
    return this.reads.get('policies', () => {
      const stored = Object.fromEntries(this.all.all().map((r) => [r.key, JSON.parse(r.value) as unknown]));
      // A copy of the defaults: the answer is frozen, the defaults are not this reader's to freeze.
      return { ...structuredClone(DEFAULT_POLICIES), ...(stored as Partial<ShopPolicies>) };
    });
  }

  /** Stores the given policies (the others keep their values); returns the policies now in force. */
  set(changes: Partial<ShopPolicies>): ShopPolicies {
    const at = isoNow(this.clock);
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at);
      }
    })();
    return this.get();
  }
}
