import { openStore, type Store } from '../../store';
import { loadFixture } from './fixture';

const PERIOD = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };

describe('analytics aggregates on a fixture with known answers', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ file: ':memory:' });
    loadFixture(store);
  });
  afterEach(() => store.close());

  it('counts conversations, containment, handoffs, sentiment, CSAT and out-of-scope for the period', () => {
    const o = store.analytics.dashboard(PERIOD).overview;
    expect(o.conversations).toBe(3);
    expect(o.handedOff).toBe(1);
    expect(o.contained).toBe(2);
    expect(o.containmentRate).toBeCloseTo(2 / 3);
    expect(o.averageSentiment).toBeCloseTo((0 + 0.6 - 0.8 + 0 + 0) / 5);
    expect(o.averageCsat).toBe(4);
    expect(o.csatRatings).toBe(1);
    expect(o.outOfScopeMessages).toBe(1);
    expect(o.outOfScopeRate).toBeCloseTo(1 / 5);
    expect(o.lowConfidenceMessages).toBe(1);
    expect(o.couponOffers).toBe(1);
    expect(o.holdOuts).toBe(1);
    expect(o.redemptions).toBe(1);
    expect(o.revenueMinor).toBe(5000);
  });

  it('gives the same figures from the per-day summary and from the conversations', () => {
    const { period: _aligned, ...byDay } = store.analytics.dashboard(PERIOD);
    const { period: _ragged, ...byConversation } = store.analytics.dashboard({ from: '2026-02-28T23:59:59.000Z', to: '2026-03-02T23:59:59.000Z' });
    expect(byConversation).toEqual(byDay);
  });

  it('splits by day, ranks intents and handoff reasons', () => {
    const d = store.analytics.dashboard(PERIOD);
    expect(d.daily.map((x) => [x.day, x.conversations, x.handedOff])).toEqual([['2026-03-01', 2, 1], ['2026-03-02', 1, 0]]);
    expect(d.handoffReasons).toEqual([{ key: 'asked', count: 1 }]);
    expect(d.topIntents).toHaveLength(5);
    expect(d.topIntents.every((i) => i.count === 1)).toBe(true);
    expect(d.topIntents.map((i) => i.key)).toContain('out_of_scope');
  });

  it('times agents from queue to first message and to resolution', () => {
    const [agent] = store.analytics.dashboard(PERIOD).agents;
    expect(agent).toMatchObject({ agentId: 'u_agent', name: 'Ada Agent', handoffs: 1, averageCsat: 4 });
    expect(agent?.firstResponseSeconds).toBeCloseTo(60, 1);
    expect(agent?.resolutionSeconds).toBeCloseTo(600, 1);
  });

  it('measures coupon conversion against the hold-out, and segments', () => {
    const d = store.analytics.dashboard(PERIOD);
    expect(d.coupons).toMatchObject({ offers: 1, holdOuts: 1, redemptions: 1, offerConversion: 1, holdOutConversion: 0, uplift: 1 });
    const bySegment = Object.fromEntries(d.segments.map((s) => [s.segment, s]));
    expect(bySegment.loyal).toMatchObject({ conversations: 1, decisions: 1, conversion: 1 });
    expect(bySegment.new).toMatchObject({ conversations: 1, decisions: 1, conversion: 0 });
    expect(bySegment.unknown).toMatchObject({ conversations: 1, averageCsat: 4, decisions: 0, conversion: null });
  });

  it('searches transcripts by every filter', () => {
    const ids = (f: Parameters<Store['analytics']['search']>[0]): string[] => store.analytics.search(f).conversations.map((c) => c.conversationId);
    expect(ids({})).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect(ids({ from: PERIOD.from, to: PERIOD.to })).toEqual(['c3', 'c2', 'c1']);
    expect(ids({ channel: 'webhook' })).toEqual(['c3']);
    expect(ids({ locale: 'zh' })).toEqual(['c3']);
    expect(ids({ intent: 'track_order' })).toEqual(['c1']);
    expect(ids({ sentiment: 'negative' })).toEqual(['c2']);
    expect(ids({ sentiment: 'positive' })).toEqual(['c4', 'c1']);
    expect(ids({ handedOff: true })).toEqual(['c2']);
    expect(ids({ agentId: 'u_agent', csatMin: 4 })).toEqual(['c2']);
    expect(ids({ couponOffered: true })).toEqual(['c1']);
    expect(ids({ couponRedeemed: true })).toEqual(['c1']);
    expect(ids({ text: 'TERRIBLE' })).toEqual(['c2']);
    expect(ids({ text: '100%_' })).toEqual([]);
    expect(store.analytics.search({ limit: 2 })).toMatchObject({ hasMore: true });
  });

  it('opens a transcript with every turn and the handoff, coupon and CSAT events in time order', () => {
    const t = store.analytics.transcript('c2');
    expect(t?.turns.map((x) => [x.role, x.intent])).toEqual([['shopper', 'talk_to_human'], ['bot', null], ['agent', null]]);
    expect(t?.events.map((e) => e.kind)).toEqual(['handoff', 'handoff', 'csat']);
    expect(store.analytics.transcript('c1')?.events.map((e) => e.kind)).toEqual(['offer', 'redeemed']);
    expect(store.analytics.transcript('nope')).toBeUndefined();
  });

  it('keeps the summaries right when messages are annotated later and when conversations are deleted', () => {
    store.db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at) VALUES ('late', 'c4', 'shopper', 'hmm', '2026-03-05T09:01:00.000Z')`).run();
    store.conversations.annotate('late', { locale: 'en', intent: 'out_of_scope', confidence: 0.2, sentimentLabel: 'negative', sentimentScore: -0.4, entities: [] });
    const all = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    expect(store.analytics.dashboard(all).overview.outOfScopeMessages).toBe(2);
    store.db.prepare("DELETE FROM messages WHERE conversation_id = 'c4'").run();
    store.db.prepare("DELETE FROM conversations WHERE id = 'c4'").run();
    expect(store.analytics.dashboard(all).overview.conversations).toBe(3);
  });

  it('lists misunderstood messages and leaves out assigned phrases', () => {
    const all = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    expect(store.analytics.misunderstood(all).map((m) => m.text)).toEqual(['退货政策', '什么是量子力学']);
    store.analytics.assign('退货政策', 'refund_policy', 'zh', 'u_manager');
    expect(store.analytics.misunderstood(all).map((m) => m.text)).toEqual(['什么是量子力学']);
    expect(store.analytics.assignments()).toMatchObject([{ text: '退货政策', intent: 'refund_policy', locale: 'zh' }]);
  });
});
