import { ScoreAccumulator } from './accumulator';
import type { InteractionIndex, UserHistory } from './interactions';
import type { ItemUsers } from './item-users';

/** Options of user-based CF. */
export interface UserKnnOptions {
  /** Most similar shoppers consulted. @default 50 */
  neighbours?: number;
  /** Added to the cosine denominator, discounting users who share one item by chance. @default 5 */
  shrink?: number;
}

/**
 * User-based CF computed at query time from the live histories, so it needs no training and
 * new events count at once: find the shoppers whose histories overlap most (shrunk cosine),
 * then sum their items weighted by similarity.
 */
export class UserSimilarity {
  private readonly users: ScoreAccumulator;
  private readonly neighbours: number;
  private readonly shrink: number;

  constructor(
    private readonly index: InteractionIndex,
    private readonly itemUsers: ItemUsers,
    readonly options: UserKnnOptions = {},
  ) {
    this.neighbours = options.neighbours ?? 50;
    this.shrink = options.shrink ?? 5;
    this.users = new ScoreAccumulator(index.userCount);
  }

  /** Adds neighbour-weighted item scores for `history` into `out`; `self` (if known) is skipped. */
  scoreInto(history: UserHistory, weights: readonly number[], self: number, out: ScoreAccumulator): void {
    const acc = this.users;
    acc.ensure(this.index.userCount);
    let ownNorm = 0;
    history.items.forEach((item, at) => {
      const mine = (history.values[at] as number) * (weights[at] as number);
      ownNorm += mine * mine;
      const users = this.itemUsers.usersOf(item);
      const values = this.itemUsers.valuesOf(item);
      for (let at = 0; at < users.length; at++) {
        const user = users[at] as number;
        if (user !== self) acc.add(user, mine * (values[at] as number), item);
      }
    });
    ownNorm = Math.sqrt(ownNorm);
    for (const user of acc.touched) {
      acc.scores[user] = (acc.scores[user] as number) / (ownNorm * (this.index.userNorms[user] as number) + this.shrink);
    }
    const top = acc.takeTop(this.neighbours);
    for (let r = 0; r < top.ids.length; r++) {
      const neighbour = this.index.histories[top.ids[r] as number] as UserHistory;
      const sim = top.scores[r] as number;
      neighbour.items.forEach((item, at) => out.add(item, sim * (neighbour.values[at] as number), -1));
    }
  }
}
