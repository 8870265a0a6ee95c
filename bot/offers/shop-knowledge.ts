import {
  createRng,
  fitSegments,
  pageStatsFromSessions,
  rfmByCustomer,
  segmentOf,
  type OrderRecord,
  type PageStats,
  type PastSession,
  type Rfm,
  type SegmentModel,
  type SegmentName,
} from '../../models';
import type { OrderSignal, Store, TrackSignal } from '../../store';
import { currentVisit, pageViewsOf } from './live-session';

/** Options of {@link ShopKnowledge}. */
export interface ShopKnowledgeOptions {
  /** Orders this recent shape the segments. @default 730 */
  orderLookbackDays: number;
  /** Tracker events this recent shape page statistics. @default 90 */
  eventLookbackDays: number;
  /** At most this many (newest) events are read per refresh, to bound its cost. @default 200000 */
  maxEvents: number;
  /** Number of customer segments (k-means k). @default 4 */
  segments: number;
  /** Seed of the k-means initialisation, so a refresh over the same orders gives the same segments. @default 6 */
  seed: number;
  /** Order value assumed before the shop has any orders, in major units. @default 40 */
  fallbackOrderValue: number;
}

/** Defaults of {@link ShopKnowledgeOptions}. */
export const DEFAULT_SHOP_KNOWLEDGE: ShopKnowledgeOptions = {
  orderLookbackDays: 730,
  eventLookbackDays: 90,
  maxEvents: 200_000,
  segments: 4,
  seed: 6,
  fallbackOrderValue: 40,
};

const DAY_MS = 86_400_000;
/** An order this long after a visit's last event still belongs to the visit. */
const ORDER_AFTER_VISIT_MS = 60 * 60_000;

function toRecords(orders: readonly OrderSignal[]): OrderRecord[] {
  return orders.map((o) => ({ customerId: o.customerId, at: Date.parse(o.placedAt), total: o.totalMinor / 100 }));
}

function groupBySession(events: readonly TrackSignal[]): Map<string, TrackSignal[]> {
  const out = new Map<string, TrackSignal[]>();
  for (const e of events) {
    const list = out.get(e.sessionId);
    if (list) list.push(e);
    else out.set(e.sessionId, [e]);
  }
  return out;
}

/** Splits one stored session into its visits (a gap of 30 minutes starts a new one). */
function visitsOf(events: readonly TrackSignal[]): TrackSignal[][] {
  const visits: TrackSignal[][] = [];
  let rest = [...events];
  while (rest.length > 0) {
    const { visit } = currentVisit(rest);
    visits.unshift(visit);
    rest = rest.slice(0, rest.length - visit.length);
  }
  return visits;
}

/**
 * What the offer engine knows about the shop, recomputed periodically off the hot path: page
 * statistics from past visits (bounce, exit, page value), customer segments from k-means on
 * RFM, and the typical order value of each segment (to price offers against the budget).
 */
export class ShopKnowledge {
  pageStats: ReadonlyMap<string, PageStats> = new Map();
  segmentModel: SegmentModel | undefined;
  private orderValues = new Map<SegmentName, number>();
  private meanOrderValue: number;
  private readonly options: ShopKnowledgeOptions;

  constructor(
    private readonly store: Store,
    options: Partial<ShopKnowledgeOptions> = {},
  ) {
    this.options = { ...DEFAULT_SHOP_KNOWLEDGE, ...options };
    this.meanOrderValue = this.options.fallbackOrderValue;
  }

  /** Recomputes everything from the store, at time `now` (ms). */
  refresh(now: number): void {
    const orders = toRecords(this.store.offerSignals.orders(new Date(now - this.options.orderLookbackDays * DAY_MS).toISOString()));
    this.refreshSegments(orders, now);
    const events = this.store.offerSignals.events(new Date(now - this.options.eventLookbackDays * DAY_MS).toISOString(), this.options.maxEvents);
    this.pageStats = pageStatsFromSessions(this.pastSessions(events, orders));
  }

  /** The segment of a customer (no orders, or unknown = `new`). */
  segmentOf(rfm: Rfm | undefined): SegmentName {
    if (!rfm || rfm.frequency === 0) return 'new';
    // Too few customers to cluster yet: everyone who bought is an occasional customer.
    return this.segmentModel ? segmentOf(this.segmentModel, rfm) : 'occasional';
  }

  /** RFM of one customer now, from their stored orders. */
  rfmOf(customerId: string, now: number): Rfm | undefined {
    return rfmByCustomer(toRecords(this.store.offerSignals.ordersOf(customerId)), now).get(customerId);
  }

  /** Typical order value of a segment in major units (the shop's mean when the segment has no orders). */
  expectedOrderValue(segment: SegmentName): number {
    return this.orderValues.get(segment) ?? this.meanOrderValue;
  }

  private refreshSegments(orders: readonly OrderRecord[], now: number): void {
    if (orders.length > 0) this.meanOrderValue = orders.reduce((s, o) => s + o.total, 0) / orders.length;
    const rfm = rfmByCustomer(orders, now);
    const k = this.options.segments;
    this.segmentModel = rfm.size >= k * 3 ? fitSegments(orders, { now, rng: createRng(this.options.seed), k }) : undefined;
    const sums = new Map<SegmentName, { spent: number; orders: number }>();
    for (const r of rfm.values()) {
      const name = this.segmentOf(r);
      const s = sums.get(name) ?? { spent: 0, orders: 0 };
      sums.set(name, { spent: s.spent + r.monetary, orders: s.orders + r.frequency });
    }
    this.orderValues = new Map([...sums].filter(([, s]) => s.orders > 0).map(([name, s]) => [name, s.spent / s.orders]));
  }

  /** Past visits as page statistics need them: page URLs in order and the revenue they made. */
  private pastSessions(events: readonly TrackSignal[], orders: readonly OrderRecord[]): PastSession[] {
    const byCustomer = new Map<string, OrderRecord[]>();
    for (const o of orders) {
      const list = byCustomer.get(o.customerId);
      if (list) list.push(o);
      else byCustomer.set(o.customerId, [o]);
    }
    const sessions: PastSession[] = [];
    for (const sessionEvents of groupBySession(events).values()) {
      for (const visit of visitsOf(sessionEvents)) {
        const urls = pageViewsOf(visit).map((v) => v.url);
        if (urls.length === 0) continue;
        sessions.push({ urls, revenue: this.revenueOf(visit, byCustomer) });
      }
    }
    return sessions;
  }

  /** The customer's orders placed during the visit; else the mean order if the tracker saw a purchase. */
  private revenueOf(visit: readonly TrackSignal[], byCustomer: ReadonlyMap<string, OrderRecord[]>): number {
    const start = Date.parse(visit[0]!.at);
    const end = Date.parse(visit[visit.length - 1]!.at) + ORDER_AFTER_VISIT_MS;
    const customerId = visit.find((e) => e.customerId)?.customerId;
    const placed = customerId ? (byCustomer.get(customerId) ?? []).filter((o) => o.at >= start && o.at <= end) : [];
    if (placed.length > 0) return placed.reduce((s, o) => s + o.total, 0);
    return visit.some((e) => e.type === 'purchase') ? this.meanOrderValue : 0;
  }
}
