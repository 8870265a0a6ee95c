import { z } from 'zod';
import { DEFAULT_COUPON_POLICY, parseCouponPolicy, type CouponPolicy } from '../../models';
import type { Store } from '../../store';

/** The policy in force: offers run only once a manager has enabled them. */
export interface PolicyState {
  /** False until a manager saves a policy with offers enabled: a coupon is a cost, never a default. */
  enabled: boolean;
  policy: CouponPolicy;
  updatedBy: string | null;
  updatedAt: string | null;
}

const DOCUMENT = z.object({ enabled: z.boolean(), policy: z.unknown() });

/** Reads the stored policy; a stored document that no longer validates disables offers. */
export function currentPolicy(store: Store): PolicyState {
  const stored = store.offers.policy();
  if (!stored) return { enabled: false, policy: DEFAULT_COUPON_POLICY, updatedBy: null, updatedAt: null };
  try {
    const doc = DOCUMENT.parse(stored.policy);
    return { enabled: doc.enabled, policy: parseCouponPolicy(doc.policy), updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
  } catch {
    return { enabled: false, policy: DEFAULT_COUPON_POLICY, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
  }
}

/**
 * Validates and saves a manager's policy, with an audit entry (before and after); throws the
 * `parseCouponPolicy` error, naming the bad field, for an invalid one.
 *
 * @param enabled - offers run only while true
 */
export function savePolicy(store: Store, input: unknown, enabled: boolean, actor: string): PolicyState {
  const policy = parseCouponPolicy(input);
  return store.transaction(() => {
    const before = currentPolicy(store);
    const saved = store.offers.savePolicy({ enabled, policy }, actor);
    store.audit.record({
      actor,
      action: 'coupon-policy.update',
      entityType: 'coupon-policy',
      entityId: 'current',
      before: { enabled: before.enabled, policy: before.policy },
      after: { enabled, policy },
    });
    return { enabled, policy, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt };
  });
}
