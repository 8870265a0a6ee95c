import type { Clock, Store } from '../../store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Settings of the {@link RetentionSweeper}. */
export interface RetentionOptions {
  /** Conversations idle this many days are purged; 0 keeps everything. */
  days: number;
  /** How often the sweep runs. @default 3600000 (an hour) */
  intervalMs?: number;
}

/**
 * Deletes conversations nobody wrote in for `days` (with their messages, handoffs, notes and bot
 * state; a conversation a human still owns is kept), on start and then on a timer. The
 * cut-off is derived from the clock each sweep, so no deadline lives only in memory.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: RetentionOptions,
  ) {}

  /** Purges now; returns how many conversations went (0 when retention is off). */
  sweep(): number {
    if (this.options.days <= 0) return 0;
    const cutoff = new Date(this.clock.now() - this.options.days * DAY_MS).toISOString();
    let purged = 0;
    // Batches keep each transaction (and the pause it causes) short.
    for (let n = this.store.privacy.purgeConversations(cutoff); n > 0; n = this.store.privacy.purgeConversations(cutoff)) purged += n;
    if (purged > 0) this.store.privacy.record('retention', undefined, purged);
    return purged;
  }

  /** Sweeps now and every interval; errors go to `onError` and the timer keeps running. */
  start(onError: (err: unknown) => void, onPurged: (count: number) => void = () => undefined): void {
    if (this.options.days <= 0 || this.timer) return;
    const run = (): void => {
      try {
        const purged = this.sweep();
        if (purged > 0) onPurged(purged);
      } catch (err) {
        onError(err);
      }
    };
    run();
    this.timer = setInterval(run, this.options.intervalMs ?? 3_600_000);
    // The sweep must not keep a stopping process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
