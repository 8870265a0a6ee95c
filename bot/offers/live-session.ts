import { PAGE_TYPES, type PageType, type PageView, type VisitorType } from '../../models';

/** A tracker event as the live features need it (a stored `BehaviourEvent` fits). */
export interface TrackedEvent {
  type: string;
  pageType: string | null;
  productId: string | null;
  url: string | null;
  /** ISO 8601 */
  at: string;
}

/**
 * Inactivity that ends a visit (Google Analytics' session timeout, the data set's source): the
 * widget keeps its session id across visits, so one stored session may hold several visits.
 */
export const VISIT_GAP_MS = 30 * 60_000;

/** A product page sends `page_view` then `product_view`; within this gap they are one page. */
const SAME_PAGE_MS = 5_000;

const VIEW_TYPES: ReadonlySet<string> = new Set(['page_view', 'product_view']);

/** The events of the current visit: those after the last gap of {@link VISIT_GAP_MS}. */
export function currentVisit<T extends TrackedEvent>(events: readonly T[]): { visit: T[]; earlierVisits: boolean } {
  let start = 0;
  for (let i = 1; i < events.length; i++) {
    if (Date.parse(events[i]!.at) - Date.parse(events[i - 1]!.at) > VISIT_GAP_MS) start = i;
  }
  return { visit: events.slice(start), earlierVisits: start > 0 };
}

function pageTypeOf(event: TrackedEvent): PageType {
  return PAGE_TYPES.find((t) => t === event.pageType) ?? (event.productId ? 'product' : 'informational');
}

/** The page's address for page statistics: the URL sent, else a stable stand-in. */
export function pageKeyOf(event: Pick<TrackedEvent, 'url' | 'productId' | 'pageType'>): string {
  if (event.url) return event.url;
  return event.productId ? `/product/${event.productId}` : `/${event.pageType ?? 'page'}`;
}

function isSamePage(previous: TrackedEvent | undefined, event: TrackedEvent): boolean {
  return (
    previous !== undefined &&
    previous.type === 'page_view' &&
    event.type === 'product_view' &&
    pageTypeOf(previous) === 'product' &&
    Date.parse(event.at) - Date.parse(previous.at) <= SAME_PAGE_MS
  );
}

/**
 * Page views of one visit in the model's terms. Each view lasts until the next view; the last
 * one until the visit's last event (an add-to-cart on it), or is unmeasured (0 s, as in the
 * data set) when nothing followed it.
 */
export function pageViewsOf(visit: readonly TrackedEvent[]): PageView[] {
  const views: { event: TrackedEvent; url: string }[] = [];
  for (const event of visit) {
    if (!VIEW_TYPES.has(event.type)) continue;
    const previous = views[views.length - 1];
    if (isSamePage(previous?.event, event)) {
      // the product id names the page better than the bare page view did
      if (previous && !previous.event.url) previous.url = pageKeyOf(event);
      continue;
    }
    views.push({ event, url: pageKeyOf(event) });
  }
  const lastAt = visit.length > 0 ? Date.parse(visit[visit.length - 1]!.at) : 0;
  return views.map(({ event, url }, i) => {
    const at = Date.parse(event.at);
    const next = views[i + 1];
    const end = next ? Date.parse(next.event.at) : lastAt;
    const view: PageView = { pageType: pageTypeOf(event), url, at };
    if (end > at) view.durationMs = end - at;
    return view;
  });
}

/** Returning when the browser had an earlier visit or the customer an earlier session. */
export function visitorTypeOf(earlierVisits: boolean, customerSeenBefore: boolean): VisitorType {
  return earlierVisits || customerSeenBefore ? 'Returning_Visitor' : 'New_Visitor';
}
