import type { Interaction } from './types';
import { chronological } from './interactions';

/** Hit rate and NDCG at a cut-off, averaged over evaluated users. */
export interface RankingMetrics {
  hitRate: number;
  ndcg: number;
  users: number;
}

/** A training set with each user's last distinct item held out. */
export interface LeaveLastOutSplit {
  train: Interaction[];
  /** userId → held-out itemId, for users with at least two distinct items. */
  heldOut: Map<string, string>;
}

/**
 * Leave-last-out: each user's most recent distinct item (all its events) goes to the held-out
 * set; users with a single item stay whole in training. Input order breaks timestamp ties.
 */
export function leaveLastOut(interactions: readonly Interaction[]): LeaveLastOutSplit {
  const ordered = chronological(interactions);
  const last = new Map<string, string>();
  const distinct = new Map<string, Set<string>>();
  for (const event of ordered) {
    last.set(event.userId, event.itemId);
    let items = distinct.get(event.userId);
    if (!items) distinct.set(event.userId, (items = new Set()));
    items.add(event.itemId);
  }
  const heldOut = new Map<string, string>();
  for (const [userId, itemId] of last) {
    if ((distinct.get(userId)?.size ?? 0) >= 2) heldOut.set(userId, itemId);
  }
  const train = ordered.filter((event) => heldOut.get(event.userId) !== event.itemId);
  return { train, heldOut };
}

/**
 * Expected hit and NDCG contribution of `target` when all `scores` are ranked, excluding
 * `owned` slots, with ties broken uniformly at random (so sparse models get no free order).
 */
export function rankTarget(scores: Float64Array, target: number, owned: readonly number[], k: number): { hit: number; ndcg: number } {
  const value = scores[target] as number;
  let greater = 0;
  let ties = 0;
  for (let item = 0; item < scores.length; item++) {
    const score = scores[item] as number;
    if (score > value) greater++;
    else if (score === value) ties++;
  }
  ties--; // the target itself
  for (const item of owned) {
    const score = scores[item] as number;
    if (item === target) continue;
    if (score > value) greater--;
    else if (score === value) ties--;
  }
  let hit = 0;
  let ndcg = 0;
  for (let rank = greater; rank <= greater + ties && rank < k; rank++) {
    hit += 1;
    ndcg += 1 / Math.log2(rank + 2);
  }
  return { hit: hit / (ties + 1), ndcg: ndcg / (ties + 1) };
}
