import type { Clock } from '../../store';

/** Settings of one {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Events allowed per window on average. */
  limit: number;
  /** The window in milliseconds. @default 60000 */
  windowMs?: number;
  /** Events allowed at once before the average applies. @default limit */
  burst?: number;
  /**
   * Keys remembered at most; the least recently seen are forgotten beyond it, so a flood of
   * fresh keys (spoofed sessions) cannot grow memory without bound. @default 100000
   */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (a session, an IP address): `limit` events per window on average,
 * `burst` at once. Kept in process memory on purpose: limits protect this process's CPU and
 * a restart that forgets them costs nothing; the store stays free of per-message writes.
 *
 * @example
 * const perSession = new RateLimiter({ limit: 30, burst: 10 }, clock);
 * if (!perSession.take(sessionId)) return reply({ ok: false, error: 'too many messages' });
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly maxKeys: number;

  constructor(
    options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.perMs = options.limit / (options.windowMs ?? 60_000);
    this.burst = Math.max(1, options.burst ?? options.limit);
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Takes one token for `key`; false when the key is over its limit (nothing is taken then). */
  take(key: string): boolean {
    const now = this.clock.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Milliseconds until `key` may act again (0 when it may now). */
  retryAfterMs(key: string): number {
    const bucket = this.refilled(key, this.clock.now());
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
      // Re-insert: Map order is then least recently used first, which is what eviction drops.
      this.buckets.delete(key);
    } else {
      bucket = { tokens: this.burst, at: now };
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    this.buckets.set(key, bucket);
    return bucket;
  }
}

/** Counts what is open per key (sockets per IP address) against a ceiling. */
export class ConcurrencyLimiter {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Opens one for `key`; false (and nothing counted) when the key is at its ceiling. */
  acquire(key: string): boolean {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return false;
    this.open.set(key, n + 1);
    return true;
  }

  /** Closes one for `key`. */
  release(key: string): void {
    const n = (this.open.get(key) ?? 0) - 1;
    if (n <= 0) this.open.delete(key);
    else this.open.set(key, n);
  }
}
