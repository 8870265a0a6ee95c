import { OfferEngine, type Consideration, type OfferEngineDeps, type OfferSettings } from './offer-engine';
import { KeyedThrottle } from './session-throttle';
import { ShopKnowledge, type ShopKnowledgeOptions } from './shop-knowledge';

/** Options of {@link OfferService}. */
export interface OfferServiceOptions extends Partial<OfferSettings> {
  /** A session is considered at most once per this period; events in between fold into one. @default 10000 */
  throttleMs?: number;
  /** Page statistics and segments are recomputed this often. @default 1 hour */
  refreshMs?: number;
  knowledge?: Partial<ShopKnowledgeOptions>;
  /** Told about failures of a consideration or a refresh (they never reach the shopper). */
  onError?: (err: unknown, context: { sessionId?: string }) => void;
  /** Told about every consideration (logging, tests). */
  onConsidered?: (sessionId: string, outcome: Consideration) => void;
}

/**
 * The offer engine as the server runs it: tracker events ask for a consideration of their
 * session (throttled per session, off the event's acknowledgement), and what the engine knows
 * about the shop is refreshed on a timer.
 *
 * @example
 * const offers = new OfferService({ store, model, clock, random: Math.random, post }, { throttleMs: 10_000 });
 * offers.start();
 * offers.onTrackEvent(sessionId);
 */
export class OfferService {
  readonly knowledge: ShopKnowledge;
  readonly engine: OfferEngine;
  private readonly throttle: KeyedThrottle;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: Omit<OfferEngineDeps, 'knowledge'>,
    private readonly options: OfferServiceOptions = {},
  ) {
    this.knowledge = new ShopKnowledge(deps.store, options.knowledge);
    this.engine = new OfferEngine({ ...deps, knowledge: this.knowledge }, options);
    this.throttle = new KeyedThrottle(options.throttleMs ?? 10_000, (sessionId) => this.considerSafely(sessionId));
  }

  /** Computes the shop's page statistics and segments now, then every `refreshMs`. */
  start(): void {
    this.refresh();
    this.refreshTimer = setInterval(() => this.refresh(), this.options.refreshMs ?? 3_600_000);
    this.refreshTimer.unref();
  }

  /** A tracker event of the session was stored. */
  onTrackEvent(sessionId: string): void {
    this.throttle.request(sessionId);
  }

  /** Stops the timers; pending considerations are dropped. */
  stop(): void {
    this.throttle.stop();
    if (this.refreshTimer) clearInterval(this.refreshTimer);
  }

  private refresh(): void {
    try {
      this.knowledge.refresh(this.deps.clock.now());
    } catch (err) {
      this.options.onError?.(err, {});
    }
  }

  private considerSafely(sessionId: string): void {
    try {
      const outcome = this.engine.consider(sessionId);
      this.options.onConsidered?.(sessionId, outcome);
    } catch (err) {
      this.options.onError?.(err, { sessionId });
    }
  }
}
