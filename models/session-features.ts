import type { SessionFeatures, VisitorType } from './session-schema';
import { MONTHS } from './session-schema';
import { specialDayCloseness } from './special-days';

/** Page types of the data set: account and admin pages, information pages, product pages. */
export const PAGE_TYPES = ['administrative', 'informational', 'product'] as const;
/** One of {@link PAGE_TYPES}. */
export type PageType = (typeof PAGE_TYPES)[number];

/** One page view from the widget's tracker. */
export interface PageView {
  pageType: PageType;
  url: string;
  /** When the page was shown, in ms since the epoch. */
  at: number;
  /** Time on the page when the tracker measured it; otherwise the gap to the next view. */
  durationMs?: number;
}

/**
 * Traffic statistics of one page, estimated from the shop's own sessions with
 * {@link pageStatsFromSessions} (the same Google Analytics metrics as the data set):
 * - bounceRate: of the sessions that entered the shop on this page, the share that viewed no
 *   other page;
 * - exitRate: of the views of this page, the share that were the last of their session;
 * - pageValue: revenue of the sessions that viewed this page and bought, divided by the number of
 *   sessions that viewed it (GA's page value), in the shop's currency.
 */
export interface PageStats {
  bounceRate: number;
  exitRate: number;
  pageValue: number;
}

/**
 * For pages the shop has no statistics on yet: the data set's mean bounce and exit rates per
 * session (0.022 and 0.043), and a page value of 0 (its median: 78% of sessions have 0).
 */
export const DEFAULT_PAGE_STATS: PageStats = { bounceRate: 0.022, exitRate: 0.043, pageValue: 0 };

/** What the caller knows about the session besides its page views. */
export interface SessionContext {
  /** From the shopper's profile: seen before or not. */
  visitorType: VisitorType;
  /** Statistics per page URL; unknown pages get `defaultPageStats`. */
  pageStats?: ReadonlyMap<string, PageStats>;
  /** @default DEFAULT_PAGE_STATS */
  defaultPageStats?: PageStats;
  /** The shop's offset from UTC, for Month, Weekend and SpecialDay. @default 0 */
  utcOffsetMinutes?: number;
  /** Special days as ms timestamps (any time that day). @default Valentine's and Mother's Day */
  specialDays?: readonly number[];
  /**
   * The data set's anonymised codes. A live shop cannot map its visitors to them, so the
   * defaults are the data set's most frequent codes; a shop training its own model on its own
   * codes passes them here. @default { operatingSystems: 2, browser: 2, region: 1, trafficType: 2 }
   */
  codes?: Partial<Pick<SessionFeatures, 'OperatingSystems' | 'Browser' | 'Region' | 'TrafficType'>>;
  /** Session time when there are no page views yet (ms). @default 0 */
  now?: number;
}

const MOST_FREQUENT_CODES = { OperatingSystems: 2, Browser: 2, Region: 1, TrafficType: 2 } as const;

/** Seconds on each view: measured, else until the next view; the last unmeasured view counts 0, as in GA. */
function viewSeconds(views: readonly PageView[]): number[] {
  return views.map((view, i) => {
    const next = views[i + 1];
    const ms = view.durationMs ?? (next ? next.at - view.at : 0);
    return Math.max(0, ms) / 1000;
  });
}

/**
 * The data set's 17 features of a live session, from its page views, so the model trained on
 * the Online Shoppers data scores it: counts and seconds per page type, mean bounce and exit
 * rates and page value of the pages viewed, and Month, Weekend and SpecialDay from the first view
 * in the shop's time zone.
 *
 * @example
 * const features = sessionFeatures(
 *   [{ pageType: 'product', url: '/p/mug', at: t0 }, { pageType: 'product', url: '/p/tea', at: t0 + 30_000 }],
 *   { visitorType: 'Returning_Visitor', pageStats },
 * );
 * purchaseProbability(model, features);
 */
export function sessionFeatures(events: readonly PageView[], context: SessionContext): SessionFeatures {
  const views = [...events].sort((a, b) => a.at - b.at);
  const totals = pageTotals(views);
  const stats = meanPageStats(views, context);
  const at = views[0]?.at ?? context.now ?? 0;
  const local = new Date(at + (context.utcOffsetMinutes ?? 0) * 60_000);
  const day = local.getUTCDay();
  return {
    Administrative: totals.administrative.pages,
    Administrative_Duration: totals.administrative.seconds,
    Informational: totals.informational.pages,
    Informational_Duration: totals.informational.seconds,
    ProductRelated: totals.product.pages,
    ProductRelated_Duration: totals.product.seconds,
    BounceRates: stats.bounceRate,
    ExitRates: stats.exitRate,
    PageValues: stats.pageValue,
    SpecialDay: specialDayCloseness(local, context.specialDays),
    Month: MONTHS[local.getUTCMonth()] as SessionFeatures['Month'],
    OperatingSystems: context.codes?.OperatingSystems ?? MOST_FREQUENT_CODES.OperatingSystems,
    Browser: context.codes?.Browser ?? MOST_FREQUENT_CODES.Browser,
    Region: context.codes?.Region ?? MOST_FREQUENT_CODES.Region,
    TrafficType: context.codes?.TrafficType ?? MOST_FREQUENT_CODES.TrafficType,
    VisitorType: context.visitorType,
    Weekend: day === 0 || day === 6,
  };
}

/** Pages and seconds per page type, of views in time order. */
function pageTotals(views: readonly PageView[]): Record<PageType, { pages: number; seconds: number }> {
  const seconds = viewSeconds(views);
  const totals = Object.fromEntries(PAGE_TYPES.map((t) => [t, { pages: 0, seconds: 0 }])) as Record<PageType, { pages: number; seconds: number }>;
  views.forEach((view, i) => {
    totals[view.pageType].pages++;
    totals[view.pageType].seconds += seconds[i] as number;
  });
  return totals;
}

/** Mean bounce rate, exit rate and page value over the views (0 for no views). */
function meanPageStats(views: readonly PageView[], context: SessionContext): PageStats {
  const fallback = context.defaultPageStats ?? DEFAULT_PAGE_STATS;
  const sum = { bounceRate: 0, exitRate: 0, pageValue: 0 };
  for (const view of views) {
    const stats = context.pageStats?.get(view.url) ?? fallback;
    sum.bounceRate += stats.bounceRate;
    sum.exitRate += stats.exitRate;
    sum.pageValue += stats.pageValue;
  }
  const n = Math.max(1, views.length);
  return { bounceRate: sum.bounceRate / n, exitRate: sum.exitRate / n, pageValue: sum.pageValue / n };
}
