import { buildRecommender, loadRecommender, rebuildSnapshot, saveRecommender, type Recommendation } from '../../recommender';
import { SHOP_CATALOG, shopEvents } from './fixtures';

const ids = (recs: Recommendation[]): string[] => recs.map((r) => r.itemId);
/** Scores rounded: sums taken in another order after loading differ in the last bits. */
const rounded = (recs: Recommendation[]) => recs.map((r) => ({ ...r, score: Number(r.score.toFixed(9)) }));
const events = shopEvents();
const build = () => buildRecommender(events, { catalog: SHOP_CATALOG, seed: 5 });

describe('recommender queries on a small gift shop', () => {
  const recommender = build();

  it('recommends from the shopper’s own habit and never what they already bought', () => {
    const owned = new Set(events.filter((e) => e.userId === 'shopper-0').map((e) => e.itemId));
    const recs = recommender.recommend('shopper-0', { k: 3 });
    expect(recs).toHaveLength(3);
    for (const rec of recs) expect(owned.has(rec.itemId)).toBe(false);
    const lanternHabit = ['lantern-white', 'candle', 'tealights', 'lantern-black'];
    const missing = lanternHabit.filter((item) => !owned.has(item));
    if (missing.length > 0) expect(missing).toContain(recs[0]?.itemId);
  });

  it('says why: "customers who bought X also bought this" names an item the shopper has', () => {
    const owned = new Set(events.filter((e) => e.userId === 'shopper-1').map((e) => e.itemId));
    const [top] = recommender.recommend('shopper-1', { k: 1 });
    expect(top?.reason.kind).toMatch(/^(also_bought|for_you)$/);
    if (top?.reason.kind === 'also_bought') expect(owned.has(top.reason.becauseOf)).toBe(true);
  });

  it('applies stock, price and category filters, and the caller’s exclusions', () => {
    const inStock = recommender.recommend('shopper-0', { k: 9, filter: { inStock: true } });
    expect(ids(inStock)).not.toContain('tealights');
    const cheap = recommender.recommend('shopper-0', { k: 9, filter: { maxPrice: 10 } });
    for (const id of ids(cheap)) expect(SHOP_CATALOG.find((c) => c.id === id)?.price).toBeLessThanOrEqual(10);
    expect(cheap.length).toBeGreaterThan(0);
    const kitchen = recommender.recommend('shopper-0', { k: 9, filter: { category: 'kitchen', minPrice: 8 } });
    expect(ids(kitchen).sort()).toEqual(['coffee', 'mug-blue', 'mug-red']);
    const excluded = recommender.recommend('shopper-0', { k: 9, exclude: ['candle', 'lantern-black'] });
    expect(ids(excluded)).not.toContain('candle');
    expect(ids(excluded)).not.toContain('lantern-black');
  });

  it('gives an unknown shopper the popular items, saying so', () => {
    const recs = recommender.recommend('never-seen', { k: 4 });
    expect(recs).toHaveLength(4);
    for (const rec of recs) expect(rec.reason).toEqual({ kind: 'popular' });
  });

  it('finds "something like X" by co-purchase, and by text for a product nobody has bought yet', () => {
    expect(ids(recommender.similarItems('coffee', { k: 2 })).every((id) => ['mug-blue', 'tea', 'mug-red'].includes(id))).toBe(true);
    const copper = recommender.similarItems('lantern-copper', { k: 2 });
    expect(ids(copper).sort()).toEqual(['lantern-black', 'lantern-white']);
    expect(copper[0]?.reason).toEqual({ kind: 'similar_content', becauseOf: 'lantern-copper' });
  });

  it('answers "what goes with this?" for a basket, without the basket itself', () => {
    const together = recommender.boughtTogether(['mug-blue'], { k: 3 });
    expect(ids(together)).not.toContain('mug-blue');
    expect(together[0]?.reason).toEqual({ kind: 'also_bought', becauseOf: 'mug-blue' });
    expect(['coffee', 'tea', 'mug-red']).toContain(together[0]?.itemId);
  });

  it('recommends for an anonymous session from what it viewed', () => {
    const recs = recommender.recommendForSession(['lantern-white'], { k: 2 });
    expect(ids(recs)).not.toContain('lantern-white');
    expect(['candle', 'tealights', 'lantern-black']).toContain(recs[0]?.itemId);
    expect(recs[0]?.reason).toEqual({ kind: 'similar_viewed', becauseOf: 'lantern-white' });
  });

  it('falls back to similar products by text when a session only saw new products', () => {
    const recs = recommender.recommendForSession(['lantern-copper'], { k: 2 });
    expect(recs[0]?.reason.kind).toBe('similar_content');
    expect(ids(recs).sort()).toEqual(['lantern-black', 'lantern-white']);
  });
});

describe('recommender updates and persistence', () => {
  it('takes a new event at once: the item stops being suggested and its companions move up', () => {
    const recommender = build();
    const before = recommender.recommend('newcomer', { k: 3 });
    expect(before.every((r) => r.reason.kind === 'popular')).toBe(true);
    recommender.addInteraction({ userId: 'newcomer', itemId: 'coffee', kind: 'purchase' });
    const after = recommender.recommend('newcomer', { k: 3 });
    expect(ids(after)).not.toContain('coffee');
    expect(ids(after).sort()).toEqual(['mug-blue', 'mug-red', 'tea']);
    expect(recommender.boughtTogether(['coffee'], { k: 9 }).length).toBeGreaterThan(0);
  });

  it('updates the touched item-item links: a new pairing appears in "what goes with this?"', () => {
    const recommender = build();
    const before = recommender.boughtTogether(['lantern-copper'], { k: 9 });
    expect(before.filter((r) => r.reason.kind === 'also_bought')).toEqual([]);
    for (let i = 0; i < 3; i++) {
      recommender.addInteraction({ userId: `pair-${i}`, itemId: 'lantern-copper', kind: 'purchase' });
      recommender.addInteraction({ userId: `pair-${i}`, itemId: 'tea', kind: 'purchase' });
    }
    const together = recommender.boughtTogether(['lantern-copper'], { k: 1 });
    expect(together[0]).toMatchObject({ itemId: 'tea', reason: { kind: 'also_bought', becauseOf: 'lantern-copper' } });
  });

  it('updates a busy item’s links in place, as a rebuild would rank them', () => {
    const busy = [...events];
    for (let u = 0; u < 80; u++) busy.push({ userId: `regular-${u}`, itemId: 'coffee', kind: 'purchase' }, { userId: `regular-${u}`, itemId: u % 2 ? 'tea' : 'mug-red', kind: 'purchase' });
    const late = Array.from({ length: 30 }, (_, u) => [
      { userId: `late-${u}`, itemId: 'coffee', kind: 'purchase' as const },
      { userId: `late-${u}`, itemId: 'lantern-copper', kind: 'purchase' as const },
    ]).flat();
    const live = buildRecommender(busy, { catalog: SHOP_CATALOG, seed: 5 });
    expect(ids(live.boughtTogether(['coffee'], { k: 9 }).filter((r) => r.reason.kind === 'also_bought'))).not.toContain('lantern-copper');
    for (const event of late) live.addInteraction(event);
    const rebuilt = buildRecommender([...busy, ...late], { catalog: SHOP_CATALOG, seed: 5, blend: live.blend });
    const linked = (r: typeof live) => ids(r.boughtTogether(['coffee'], { k: 9 }).filter((x) => x.reason.kind === 'also_bought'));
    expect(linked(live)).toContain('lantern-copper');
    expect(linked(live).slice(0, 3)).toEqual(linked(rebuilt).slice(0, 3));
  });

  it('a view counts as viewed, not bought, in the reason', () => {
    const recommender = build();
    recommender.addInteraction({ userId: 'browser', itemId: 'coffee', kind: 'view' });
    const [top] = recommender.recommend('browser', { k: 1 });
    expect(top?.reason.kind).toMatch(/^(similar_viewed|for_you)$/);
  });

  it('saves to JSON and loads back with identical answers', () => {
    const recommender = build();
    recommender.addInteraction({ userId: 'shopper-0', itemId: 'coffee', kind: 'view' });
    const restored = loadRecommender(JSON.parse(JSON.stringify(saveRecommender(recommender))));
    for (const userId of ['shopper-0', 'shopper-3', 'never-seen']) {
      expect(rounded(restored.recommend(userId, { k: 5 }))).toEqual(rounded(recommender.recommend(userId, { k: 5 })));
    }
    expect(rounded(restored.similarItems('lantern-copper', { k: 3 }))).toEqual(rounded(recommender.similarItems('lantern-copper', { k: 3 })));
    expect(rounded(restored.boughtTogether(['mug-blue'], { k: 3 }))).toEqual(rounded(recommender.boughtTogether(['mug-blue'], { k: 3 })));
    expect(restored.blend).toEqual(recommender.blend);
  });

  it('rebuilds as plain data a worker thread can post back (structured clone) and loads it', () => {
    const snapshot = structuredClone(rebuildSnapshot(events, { catalog: SHOP_CATALOG, seed: 5 }));
    const restored = loadRecommender(snapshot);
    const direct = build();
    expect(ids(restored.recommend('shopper-2', { k: 4 }))).toEqual(ids(direct.recommend('shopper-2', { k: 4 })));
    restored.addInteraction({ userId: 'shopper-2', itemId: 'coffee', kind: 'purchase' });
    expect(ids(restored.recommend('shopper-2', { k: 9 }))).not.toContain('coffee');
  });

  it('refuses a file that is not a saved recommender', () => {
    expect(() => loadRecommender({ format: 'something-else' })).toThrow(/not a saved recommender/);
  });
});
