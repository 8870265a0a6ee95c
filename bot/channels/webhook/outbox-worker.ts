import type { Clock, OutboxDelivery, Store } from '../../../store';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signature } from './signature';

/** How deliveries to the shop's callback are sent and retried. */
export interface DeliveryPolicy {
  /** The shop's callback URL (http or https). */
  callbackUrl: string;
  /** The shared secret every delivery is signed with. */
  secret: string;
  /** Attempts before a delivery is dead-lettered. @default 8 */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. @default 5000 */
  baseDelayMs: number;
  /** The longest wait between attempts. @default 3600000 */
  maxDelayMs: number;
  /** A callback slower than this counts as failed. @default 10000 */
  timeoutMs: number;
  /** Deliveries sent per sweep round. @default 50 */
  batchSize: number;
  /**
   * How long inbound message ids are remembered (replays within it are refused with 409;
   * older ones are refused anyway by their stale timestamp). @default 604800000 (7 days)
   */
  receiptRetentionMs?: number;
}

/** Defaults of {@link DeliveryPolicy} (all but the callback and secret). */
export const DEFAULT_DELIVERY_POLICY = { maxAttempts: 8, baseDelayMs: 5000, maxDelayMs: 3_600_000, timeoutMs: 10_000, batchSize: 50, receiptRetentionMs: 7 * 86_400_000 } as const;

/** Old receipts are forgotten at most this often (one DELETE per hour is plenty). */
const RECEIPT_PRUNE_INTERVAL_MS = 3_600_000;

/** What one sweep did. */
export interface DeliverySweep {
  delivered: number;
  retried: number;
  dead: number;
}

/** The wait before attempt `failures + 1`: `base * 2^(failures - 1)`, capped. */
export function backoffMs(failures: number, policy: Pick<DeliveryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
}

type Outcome = keyof DeliverySweep;

/**
 * Sends the webhook outbox to the shop's callback: each due delivery is signed (with the time of
 * the attempt) and posted; a 2xx marks it delivered, anything else schedules a retry with
 * exponential back-off until the last attempt dead-letters it. The outbox lives in SQLite and
 * is swept on an interval, so retries survive a restart.
 */
export class WebhookOutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DeliverySweep> | undefined;
  private again = false;
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly policy: DeliveryPolicy,
    private readonly clock: Clock,
    private readonly fetchFn: typeof fetch = fetch,
    /** Told of each delivery given up on (the server logs it for the operator). */
    private readonly onDeadLetter: (delivery: OutboxDelivery, error: string) => void = () => undefined,
  ) {}

  /** Sweeps every `intervalMs` (and at once); `onError` gets unexpected failures. */
  start(intervalMs: number, onError: (err: unknown) => void): void {
    const tick = (): void => void this.sweep().catch(onError);
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  /** Stops the interval and waits for a sweep under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Sweeps now (a delivery was just queued); a sweep under way runs again when done. */
  poke(onError: (err: unknown) => void): void {
    if (this.running) this.again = true;
    else void this.sweep().catch(onError);
  }

  /** Sends every due delivery; rounds repeat while deliveries succeed (the next of a conversation becomes due). */
  sweep(): Promise<DeliverySweep> {
    if (this.running) return this.running;
    this.running = this.sweepRounds().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private forgetOldReceipts(): void {
    const now = this.clock.now();
    if (now - this.lastPrune < RECEIPT_PRUNE_INTERVAL_MS) return;
    this.lastPrune = now;
    const retention = this.policy.receiptRetentionMs ?? DEFAULT_DELIVERY_POLICY.receiptRetentionMs;
    this.store.channels.forgetReceiptsBefore(new Date(now - retention).toISOString());
  }

  private async sweepRounds(): Promise<DeliverySweep> {
    this.forgetOldReceipts();
    const total: DeliverySweep = { delivered: 0, retried: 0, dead: 0 };
    let progress = true;
    while (progress || this.again) {
      this.again = false;
      const due = this.store.webhookOutbox.due(this.policy.batchSize);
      const outcomes = await Promise.all(due.map((delivery) => this.attempt(delivery)));
      for (const outcome of outcomes) total[outcome] += 1;
      progress = outcomes.includes('delivered');
    }
    return total;
  }

  private async attempt(delivery: OutboxDelivery): Promise<Outcome> {
    const error = await this.post(delivery);
    if (error === undefined) {
      this.store.webhookOutbox.markDelivered(delivery.id);
      return 'delivered';
    }
    const failures = delivery.attempts + 1;
    if (failures >= this.policy.maxAttempts) {
      this.store.webhookOutbox.markFailed(delivery.id, error, { dead: true });
      this.onDeadLetter(delivery, error);
      return 'dead';
    }
    const nextAttemptAt = new Date(this.clock.now() + backoffMs(failures, this.policy)).toISOString();
    this.store.webhookOutbox.markFailed(delivery.id, error, { dead: false, nextAttemptAt });
    return 'retried';
  }

  /** @returns undefined when the callback took it, else why not */
  private async post(delivery: OutboxDelivery): Promise<string | undefined> {
    const timestamp = Math.floor(this.clock.now() / 1000);
    try {
      const response = await this.fetchFn(this.policy.callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signature(this.policy.secret, timestamp, delivery.body),
          [DELIVERY_HEADER]: delivery.id,
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (err) {
      return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }
}
