import { currentVisit, pageViewsOf, visitorTypeOf, VISIT_GAP_MS, type TrackedEvent } from '../../bot/offers';

const t0 = Date.parse('2026-11-18T10:00:00Z');
const at = (ms: number): string => new Date(t0 + ms).toISOString();
const ev = (type: string, ms: number, extra: Partial<TrackedEvent> = {}): TrackedEvent => ({ type, pageType: null, productId: null, url: null, at: at(ms), ...extra });

describe('live session features from tracker events', () => {
  it('times each page by the gap to the next view, the last by the visit\'s last event', () => {
    const views = pageViewsOf([
      ev('page_view', 0, { pageType: 'informational', url: '/' }),
      ev('page_view', 30_000, { pageType: 'product', url: '/p/mug' }),
      ev('add_to_cart', 75_000, { productId: 'mug' }),
      ev('page_view', 90_000, { pageType: 'administrative', url: '/cart' }),
    ]);
    expect(views.map((v) => [v.pageType, v.url, v.durationMs])).toEqual([
      ['informational', '/', 30_000],
      ['product', '/p/mug', 60_000],
      ['administrative', '/cart', undefined],
    ]);
  });

  it('folds the product_view that follows a product page_view into one page', () => {
    const views = pageViewsOf([ev('page_view', 0, { pageType: 'product' }), ev('product_view', 100, { productId: 'mug' }), ev('product_view', 20_000, { productId: 'cup' })]);
    expect(views.map((v) => v.url)).toEqual(['/product/mug', '/product/cup']);
    expect(views[0]?.durationMs).toBe(20_000);
  });

  it('splits visits at 30 minutes of inactivity: an earlier visit makes a returning visitor', () => {
    const events = [ev('page_view', 0), ev('page_view', 60_000), ev('page_view', 60_000 + VISIT_GAP_MS + 1), ev('page_view', 120_000 + VISIT_GAP_MS)];
    const { visit, earlierVisits } = currentVisit(events);
    expect(visit).toHaveLength(2);
    expect(earlierVisits).toBe(true);
    expect(visitorTypeOf(earlierVisits, false)).toBe('Returning_Visitor');
    expect(visitorTypeOf(currentVisit(events.slice(0, 2)).earlierVisits, false)).toBe('New_Visitor');
    expect(visitorTypeOf(false, true)).toBe('Returning_Visitor');
  });
});
