import { budgetDayOf, savePolicy, type Consideration } from '../../bot/offers';
import { EVERYONE, browse, offerFixture } from './fixtures';

const DAY_MS = 86_400_000;

function decided(c: Consideration): Extract<Consideration, { kind: 'decided' }> {
  if (c.kind !== 'decided') throw new Error(`expected a decision, got ${JSON.stringify(c)}`);
  return c;
}

describe('offer engine', () => {
  it('makes no offers until a manager enables a policy', () => {
    const f = offerFixture(null);
    expect(f.engine.consider(browse(f))).toEqual({ kind: 'skipped', reason: 'offers-disabled' });
    savePolicy(f.store, EVERYONE, false, 'usr_1');
    expect(f.engine.consider(browse(f))).toEqual({ kind: 'skipped', reason: 'offers-disabled' });
    expect(f.posted).toHaveLength(0);
  });

  it('offers an eligible shopper one coupon, stored and posted, and then respects the frequency cap', () => {
    const f = offerFixture();
    const sessionId = browse(f);
    const first = decided(f.engine.consider(sessionId));
    expect(first.decision.action).toBe('offer');
    expect(first.pPurchase).toBeGreaterThan(0);
    expect(first.pPurchase).toBeLessThan(1);
    expect(first.coupon?.percentOff).toBe(10);
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]?.payload).toEqual({ coupon: { code: first.coupon?.code, percentOff: 10, expiresAt: first.coupon?.expiresAt } });
    // stored in the conversation, so a reconnecting widget shows it again
    const conversation = f.store.conversations.openForSession(sessionId, 'widget', 'en');
    expect(f.store.conversations.messages(conversation.id).map((m) => m.payload?.coupon)).toEqual([f.posted[0]?.payload?.coupon]);
    // cost at offer time: 10% of the fallback order value of 40
    expect(f.store.offers.spentOnDay(budgetDayOf(f.clock.now(), 0))).toBe(400);
    f.store.sessions.recordEvent({ sessionId, type: 'page_view', pageType: 'product', url: '/p/9' });
    expect(decided(f.engine.consider(sessionId)).decision).toEqual({ action: 'no-offer', reason: 'frequency-cap' });
    f.clock.advance(7 * DAY_MS + 1);
    browse(f, 1);
    f.store.sessions.recordEvent({ sessionId, type: 'page_view', pageType: 'product', url: '/p/9' });
    expect(decided(f.engine.consider(sessionId)).decision.action).toBe('offer');
    expect(f.posted).toHaveLength(2);
  });

  it('records a hold-out before any coupon, posts nothing, and never re-draws the shopper', () => {
    const f = offerFixture({ ...EVERYONE, holdOutShare: 0.5 });
    const sessionId = browse(f);
    f.draws.push(0.1, 0.9);
    const held = decided(f.engine.consider(sessionId));
    expect(held.decision.action).toBe('hold-out');
    expect(held.record?.action).toBe('hold-out');
    expect(held.coupon).toBeUndefined();
    expect(f.store.offers.forShopper(`session:${sessionId}`)).toHaveLength(1);
    expect(f.store.coupons.recent()).toHaveLength(0);
    // the next draw (0.9) would offer, but the hold-out already started the shopper's cap period
    expect(decided(f.engine.consider(sessionId)).decision).toEqual({ action: 'no-offer', reason: 'frequency-cap' });
    expect(f.posted).toHaveLength(0);
    expect(f.store.audit.listFor('offer', held.record?.id ?? '')[0]?.action).toBe('offer.hold-out');
  });

  it('stops offering when the day\'s budget is spent, and starts again the next day', () => {
    // 10% of 40 = 4 per offer: a budget of 10 pays for two offers
    const f = offerFixture({ ...EVERYONE, dailyBudget: 10 });
    const actions = [1, 2, 3].map(() => decided(f.engine.consider(browse(f))).decision);
    expect(actions).toEqual([
      expect.objectContaining({ action: 'offer', cost: 4 }),
      expect.objectContaining({ action: 'offer', cost: 4 }),
      { action: 'no-offer', reason: 'budget-exhausted' },
    ]);
    f.clock.advance(DAY_MS);
    expect(decided(f.engine.consider(browse(f))).decision.action).toBe('offer');
    expect(f.posted).toHaveLength(3);
  });

  it('keeps the policy\'s band and segments: excluded segments and out-of-band shoppers get nothing', () => {
    const narrow = offerFixture({ ...EVERYONE, band: { min: 0.999, max: 1 } });
    expect(decided(narrow.engine.consider(browse(narrow))).decision).toEqual({ action: 'no-offer', reason: 'below-band' });
    const excluded = offerFixture({ ...EVERYONE, discountBySegment: { lapsed: 20 } });
    expect(decided(excluded.engine.consider(browse(excluded))).decision).toEqual({ action: 'no-offer', reason: 'segment-excluded' });
  });

  it('stays quiet while a human handoff is open in the conversation', () => {
    const f = offerFixture();
    const sessionId = browse(f);
    const conversation = f.store.conversations.openForSession(sessionId, 'widget', 'en');
    f.store.handoffs.open({ conversationId: conversation.id, trigger: 'asked', language: 'en', intent: 'talk_to_human', sentimentScore: 0, team: 'general', priority: 1, summary: '', deadlineAt: new Date(f.clock.now() + 60_000).toISOString() });
    expect(f.engine.consider(sessionId)).toEqual({ kind: 'skipped', reason: 'human-owns-conversation' });
    expect(f.posted).toHaveLength(0);
  });
});
