import * as z from 'zod/mini';
import type { TrackPayload } from '../server/events';

const TRACK_TYPES = ['page_view', 'product_view', 'add_to_cart', 'remove_from_cart', 'purchase'] as const;
const PAGE_TYPES = ['administrative', 'informational', 'product'] as const;
/** Events kept while the widget is not initialised yet; a page cannot grow this without bound. */
const MAX_QUEUED = 50;

const trackSchema = z.object({
  type: z.enum(TRACK_TYPES),
  pageType: z.optional(z.enum(PAGE_TYPES)),
  productId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  url: z.optional(z.string().check(z.maxLength(2048))),
  quantity: z.optional(z.number().check(z.int(), z.positive(), z.lte(1000))),
});

/**
 * Check a tracking event from the page (`Shopkeep.track()` or data attributes). Product events
 * need a product id; `url` defaults to the current page.
 * @returns the event, or an error message naming what is wrong
 */
export function parseTrackEvent(input: unknown, pageUrl: string): { event: TrackPayload } | { error: string } {
  const result = trackSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { error: `${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}` };
  }
  const event: TrackPayload = { ...result.data, url: result.data.url ?? pageUrl };
  if (event.type !== 'page_view' && event.productId === undefined) return { error: `${event.type} needs a productId` };
  if (event.type !== 'page_view' && event.pageType === undefined) event.pageType = 'product';
  return { event };
}

/**
 * Read the tracking markup of a storefront page:
 * `data-shopkeep-page="product|informational|administrative"` on any element marks the page type,
 * and `data-shopkeep-product-id` next to it marks a product page (a `product_view` too).
 * @returns the events a page load stands for
 */
export function pageLoadEvents(doc: Document): unknown[] {
  const marker = doc.querySelector('[data-shopkeep-page]');
  if (marker === null) return [{ type: 'page_view' }];
  const pageType = marker.getAttribute('data-shopkeep-page') ?? undefined;
  const productId = marker.getAttribute('data-shopkeep-product-id') ?? undefined;
  const events: unknown[] = [{ type: 'page_view', pageType }];
  if (productId !== undefined && productId !== '') events.push({ type: 'product_view', productId });
  return events;
}

/**
 * The event a click stands for, from markup like
 * `<button data-shopkeep-track="add_to_cart" data-shopkeep-product-id="85123A" data-shopkeep-quantity="2">`.
 * @returns the raw event to validate, or undefined when the click is not on tracked markup
 */
export function clickEvent(target: EventTarget | null): unknown {
  if (!(target instanceof Element)) return undefined;
  const element = target.closest('[data-shopkeep-track]');
  if (element === null) return undefined;
  const quantity = element.getAttribute('data-shopkeep-quantity');
  return {
    type: element.getAttribute('data-shopkeep-track'),
    productId: element.getAttribute('data-shopkeep-product-id') ?? undefined,
    quantity: quantity === null ? undefined : Number(quantity),
  };
}

/**
 * Sends behaviour events, holding them until the widget has a connection to send them on.
 */
export class Tracker {
  private queue: TrackPayload[] = [];
  private sink: ((event: TrackPayload) => void) | undefined;

  constructor(private readonly pageUrl: () => string, private readonly warn: (message: string) => void) {}

  /** Validate and send (or queue) one event. @returns whether it was accepted */
  track(input: unknown): boolean {
    const parsed = parseTrackEvent(input, this.pageUrl());
    if ('error' in parsed) {
      this.warn(`Shopkeep.track ignored an event: ${parsed.error}`);
      return false;
    }
    if (this.sink !== undefined) this.sink(parsed.event);
    else if (this.queue.length < MAX_QUEUED) this.queue.push(parsed.event);
    return true;
  }

  /** Start sending to `sink`, first the events queued so far. */
  connect(sink: (event: TrackPayload) => void): void {
    this.sink = sink;
    const queued = this.queue;
    this.queue = [];
    for (const event of queued) sink(event);
  }
}
