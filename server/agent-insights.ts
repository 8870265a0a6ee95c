import type { InsightsProvider } from '../bot';
import { PAGE_TYPES, purchaseLikelihood, type PageType, type PageView, type PropensityModel } from '../models';
import type { BehaviourEvent, Clock, Store } from '../store';

/** Events that are page views for the purchase model (cart events are actions on a page already viewed). */
const VIEW_EVENTS: ReadonlySet<BehaviourEvent['type']> = new Set(['page_view', 'product_view']);

function pageTypeOf(event: BehaviourEvent): PageType {
  const declared = PAGE_TYPES.find((t) => t === event.pageType);
  return declared ?? (event.productId ? 'product' : 'informational');
}

/** The session's page views in the model's terms. */
export function pageViewsOf(events: readonly BehaviourEvent[]): PageView[] {
  return events
    .filter((e) => VIEW_EVENTS.has(e.type))
    .map((e) => ({ pageType: pageTypeOf(e), url: e.url ?? (e.productId ? `/product/${e.productId}` : '/'), at: Date.parse(e.at) }));
}

/**
 * What the console shows from the engines this server runs: the purchase likelihood of the
 * shopper's session from the shipped propensity model. Recommendations and segments stay
 * absent (the console labels them as not wired) until their engines are part of the server.
 */
export function propensityInsights(store: Store, model: PropensityModel, clock: Clock): InsightsProvider {
  return (sessionId, customerId) => {
    const views = pageViewsOf(store.sessions.events(sessionId));
    if (views.length === 0) return {};
    const visitorType = customerId ? 'Returning_Visitor' : 'New_Visitor';
    return { purchaseLikelihood: purchaseLikelihood(model, views, { visitorType, now: clock.now() }) };
  };
}
