import type { InteractionIndex } from './interactions';

/**
 * The transpose of the histories: which users have each item, and each item's squared norm.
 * Kept in step with the index by {@link ItemUsers.record}.
 */
export class ItemUsers {
  readonly users: number[][] = [];
  /** Strength of each of those users, parallel to `users`. */
  readonly values: number[][] = [];
  /** Sum over users of strength squared: the cosine denominator. */
  readonly norms: number[] = [];

  constructor(private readonly index: InteractionIndex) {
    for (let user = 0; user < index.userCount; user++) {
      const history = index.histories[user];
      if (!history) continue;
      history.items.forEach((item, at) => this.add(user, item, 0, history.values[at] as number));
    }
  }

  /** Brings the transpose up to date after `index.append` returned `before`/`after`. */
  record(user: number, item: number, before: number, after: number): void {
    this.add(user, item, before, after);
  }

  usersOf(item: number): readonly number[] {
    return this.users[item] ?? [];
  }

  valuesOf(item: number): readonly number[] {
    return this.values[item] ?? [];
  }

  private add(user: number, item: number, before: number, after: number): void {
    while (this.users.length <= item) {
      this.users.push([]);
      this.values.push([]);
      this.norms.push(0);
    }
    const users = this.users[item] as number[];
    const values = this.values[item] as number[];
    if (before === 0) {
      users.push(user);
      values.push(after);
    } else {
      values[users.lastIndexOf(user)] = after;
    }
    this.norms[item] = (this.norms[item] as number) + after * after - before * before;
  }
}
