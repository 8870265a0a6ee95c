import type { TrackPayload } from '../../server/events';
import { parseTrackEvent, Tracker } from '../../web-widget/tracker';

const PAGE = 'https://shop.test/product.html?id=1';

describe('parseTrackEvent', () => {
  it('fills the page URL and the product page type', () => {
    expect(parseTrackEvent({ type: 'add_to_cart', productId: '85123A', quantity: 2 }, PAGE)).toEqual({
      event: { type: 'add_to_cart', productId: '85123A', quantity: 2, pageType: 'product', url: PAGE },
    });
    expect(parseTrackEvent({ type: 'page_view', pageType: 'informational' }, PAGE)).toEqual({
      event: { type: 'page_view', pageType: 'informational', url: PAGE },
    });
  });

  it.each([
    [{ type: 'click' }, 'type'],
    [{ type: 'purchase' }, 'purchase needs a productId'],
    [{ type: 'add_to_cart', productId: 'x', quantity: -1 }, 'quantity'],
    [{ type: 'add_to_cart', productId: 'x', quantity: 1.5 }, 'quantity'],
    [{ type: 'page_view', pageType: 'checkout' }, 'pageType'],
    ['page_view', 'event'],
  ])('refuses %j', (input, problem) => {
    const result = parseTrackEvent(input, PAGE);
    expect('error' in result && result.error).toContain(problem);
  });
});

describe('Tracker', () => {
  it('queues valid events until connected, then sends them in order', () => {
    const warnings: string[] = [];
    const tracker = new Tracker(() => PAGE, (w) => warnings.push(w));
    expect(tracker.track({ type: 'page_view' })).toBe(true);
    expect(tracker.track({ type: 'bogus' })).toBe(false);
    const sent: TrackPayload[] = [];
    tracker.connect((event) => sent.push(event));
    tracker.track({ type: 'product_view', productId: '71053' });
    expect(sent.map((e) => e.type)).toEqual(['page_view', 'product_view']);
    expect(warnings).toHaveLength(1);
  });
});
