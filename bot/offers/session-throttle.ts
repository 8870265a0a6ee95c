/**
 * Runs a task per key at most once per period: the first call runs at once (on the next tick,
 * off the caller's path), calls during the cool-down are folded into one run at its end. Timers
 * only, no clock reads, so it behaves the same under a test's manual clock.
 */
export class KeyedThrottle {
  private readonly cooling = new Map<string, { timer: NodeJS.Timeout; pending: boolean }>();
  private stopped = false;

  constructor(
    private readonly periodMs: number,
    private readonly task: (key: string) => void,
  ) {}

  /** Asks for a run of `key`'s task. */
  request(key: string): void {
    if (this.stopped) return;
    const state = this.cooling.get(key);
    if (state) {
      state.pending = true;
      return;
    }
    this.run(key);
  }

  /** Cancels every pending run. */
  stop(): void {
    this.stopped = true;
    for (const { timer } of this.cooling.values()) clearTimeout(timer);
    this.cooling.clear();
  }

  private run(key: string): void {
    const timer = setTimeout(() => this.cooled(key), this.periodMs);
    timer.unref();
    this.cooling.set(key, { timer, pending: false });
    setImmediate(() => {
      if (!this.stopped) this.task(key);
    });
  }

  private cooled(key: string): void {
    const state = this.cooling.get(key);
    this.cooling.delete(key);
    if (state?.pending && !this.stopped) this.run(key);
  }
}
