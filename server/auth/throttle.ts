import type { Clock, Store } from '../../store';

/** Options of {@link LoginThrottle}. */
export interface ThrottleOptions {
  /** Failed sign-ins allowed per email, and per address, within the window. @default 5 */
  maxFailures: number;
  /** @default 900000 (15 min) */
  windowMs: number;
}

/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one email or from one
 * address within the window, further attempts are refused until the window passes. Counts live
 * in SQLite, so a restart does not reset them.
 */
export class LoginThrottle {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: ThrottleOptions = { maxFailures: 5, windowMs: 900_000 },
  ) {}

  private windowStart(): string {
    return new Date(this.clock.now() - this.options.windowMs).toISOString();
  }

  private keys(email: string, address: string): string[] {
    return [`email:${email.toLowerCase()}`, `ip:${address}`];
  }

  /** True when this email or address has used up its attempts. */
  blocked(email: string, address: string): boolean {
    const since = this.windowStart();
    return this.keys(email, address).some((key) => this.store.users.failures(key, since) >= this.options.maxFailures);
  }

  failed(email: string, address: string): void {
    const since = this.windowStart();
    for (const key of this.keys(email, address)) this.store.users.recordFailure(key, since);
  }

  /** A successful sign-in clears the email's count (not the address's: one good account must not unlock guessing others). */
  succeeded(email: string): void {
    this.store.users.clearFailures(`email:${email.toLowerCase()}`);
  }
}
