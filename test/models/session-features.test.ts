import { DEFAULT_PAGE_STATS, defaultSpecialDays, pageStatsFromSessions, sessionFeatures, type PageView } from '../../models';

// Sunday 8 February 2026, 10:00 UTC: a weekend, and six days before Valentine's Day.
const T0 = Date.UTC(2026, 1, 8, 10, 0);

describe('sessionFeatures', () => {
  const views: PageView[] = [
    { pageType: 'informational', url: '/about', at: T0 + 200_000 },
    { pageType: 'administrative', url: '/account', at: T0, durationMs: 20_000 },
    { pageType: 'product', url: '/p/1', at: T0 + 20_000 },
    { pageType: 'product', url: '/p/2', at: T0 + 80_000 },
  ];
  const pageStats = new Map([['/p/1', { bounceRate: 0.1, exitRate: 0.2, pageValue: 10 }]]);

  it('counts pages and seconds per type, with the gap to the next view when not measured', () => {
    const f = sessionFeatures(views, { visitorType: 'Returning_Visitor', pageStats });
    expect(f).toMatchObject({
      Administrative: 1,
      Administrative_Duration: 20,
      ProductRelated: 2,
      ProductRelated_Duration: 60 + 120,
      // the last page has no next view: 0 seconds, as in the data set's analytics
      Informational: 1,
      Informational_Duration: 0,
    });
  });

  it('averages page statistics over the views, defaults for unknown pages', () => {
    const f = sessionFeatures(views, { visitorType: 'Returning_Visitor', pageStats });
    expect(f.BounceRates).toBeCloseTo((0.1 + 3 * DEFAULT_PAGE_STATS.bounceRate) / 4);
    expect(f.ExitRates).toBeCloseTo((0.2 + 3 * DEFAULT_PAGE_STATS.exitRate) / 4);
    expect(f.PageValues).toBeCloseTo(10 / 4);
  });

  it('derives Month, Weekend and SpecialDay from the first view, and keeps the context', () => {
    const f = sessionFeatures(views, { visitorType: 'New_Visitor' });
    expect(f).toMatchObject({ Month: 'Feb', Weekend: true, SpecialDay: 1, VisitorType: 'New_Visitor', Browser: 2, Region: 1 });
    const codes = sessionFeatures(views, { visitorType: 'Other', codes: { Region: 7 } });
    expect(codes.Region).toBe(7);
  });

  it('reads dates in the shop time zone', () => {
    // Friday 23:30 UTC is Saturday 00:30 at UTC+1; 7 February is one day before the peak
    const friday = Date.UTC(2026, 1, 6, 23, 30);
    const f = sessionFeatures([{ pageType: 'product', url: '/', at: friday }], { visitorType: 'New_Visitor', utcOffsetMinutes: 60 });
    expect(f.Weekend).toBe(true);
    expect(f.SpecialDay).toBe(0.8);
    const utc = sessionFeatures([{ pageType: 'product', url: '/', at: friday }], { visitorType: 'New_Visitor' });
    expect(utc.Weekend).toBe(false);
  });

  it('is zero away from special days and for an empty session', () => {
    const june = sessionFeatures([], { visitorType: 'New_Visitor', now: Date.UTC(2026, 5, 10, 12) });
    expect(june).toMatchObject({ Month: 'June', SpecialDay: 0, ProductRelated: 0, BounceRates: 0, PageValues: 0 });
  });

  it('knows Mother’s Day is the second Sunday of May', () => {
    expect(defaultSpecialDays(2026)[1]).toBe(Date.UTC(2026, 4, 10));
  });
});

describe('pageStatsFromSessions', () => {
  const sessions = [
    { urls: ['/a'], revenue: 0 },
    { urls: ['/a', '/b'], revenue: 30 },
    { urls: ['/b', '/a'], revenue: 0 },
  ];

  it('computes bounce rate, exit rate and page value as the data set defines them', () => {
    const stats = pageStatsFromSessions(sessions, { priorWeight: 0 });
    expect(stats.get('/a')).toEqual({ bounceRate: 0.5, exitRate: 2 / 3, pageValue: 10 });
    expect(stats.get('/b')).toEqual({ bounceRate: 0, exitRate: 0.5, pageValue: 15 });
  });

  it('shrinks rarely seen pages toward the prior', () => {
    const stats = pageStatsFromSessions(sessions, { priorWeight: 20 });
    const a = stats.get('/a');
    expect(a?.bounceRate).toBeCloseTo((1 + 20 * DEFAULT_PAGE_STATS.bounceRate) / 22);
    expect(a?.pageValue).toBeCloseTo(30 / 23);
  });
});
