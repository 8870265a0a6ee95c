import { evaluateLeaveLastOut, buildRecommender, leaveLastOut, FALLBACK_BLEND } from '../../recommender';
import { videoGamesSample, VIDEO_GAMES } from './fixtures';

const sample = videoGamesSample(3000, 11);
const describeWithData = sample ? describe : describe.skip;
if (!sample) console.warn(`skipping held-out recommender floors: ${VIDEO_GAMES} not found (set SHOPKEEP_SHARED_DATA)`);

describeWithData('recommender quality on held-out Amazon Video Games users (seeded 3000-user sample)', () => {
  const events = sample ?? [];

  it('beats plain item-kNN by at least 10% NDCG@10 on the held-out last items, and popularity by far', () => {
    const report = evaluateLeaveLastOut(events, { k: 10, seed: 3 });
    console.info(`3000-user sample: NDCG@10 engine ${report.engine.ndcg.toFixed(4)}, item-kNN ${report.itemKnn.ndcg.toFixed(4)}, popularity ${report.popularity.ndcg.toFixed(4)}`);
    expect(report.users).toBeGreaterThan(2900);
    expect(report.itemKnn.ndcg).toBeGreaterThan(0);
    expect(report.engine.ndcg).toBeGreaterThanOrEqual(1.1 * report.itemKnn.ndcg);
    expect(report.engine.hitRate).toBeGreaterThan(report.itemKnn.hitRate);
    expect(report.engine.ndcg).toBeGreaterThan(2 * report.popularity.ndcg);
  });

  it('never recommends an item the shopper already has', () => {
    const { train } = leaveLastOut(events);
    const recommender = buildRecommender(train, { seed: 3, blend: FALLBACK_BLEND });
    const owned = new Map<string, Set<string>>();
    for (const e of train) owned.set(e.userId, (owned.get(e.userId) ?? new Set()).add(e.itemId));
    let checked = 0;
    for (const [userId, items] of [...owned].slice(0, 500)) {
      const recs = recommender.recommend(userId, { k: 20 });
      expect(recs).toHaveLength(20);
      for (const rec of recs) expect(items.has(rec.itemId)).toBe(false);
      checked++;
    }
    expect(checked).toBe(500);
  });
});
