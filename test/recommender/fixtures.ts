import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogItem, Interaction } from '../../recommender';
import { seededRandom, shuffled } from '../../recommender/random';

/** `../shared/data` next to the repository, or `SHOPKEEP_SHARED_DATA`. */
export const SHARED_DATA = process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
export const VIDEO_GAMES = path.join(SHARED_DATA, 'interactions', 'amazon_video_games', 'Video.txt');

/** A seeded subsample of whole users of the Amazon Video Games sequences, in time order. */
export function videoGamesSample(users: number, seed: number): Interaction[] | undefined {
  if (!existsSync(VIDEO_GAMES)) return undefined;
  const byUser = new Map<string, string[]>();
  for (const line of readFileSync(VIDEO_GAMES, 'utf8').split('\n')) {
    const [userId, itemId] = line.trim().split(/\s+/);
    if (!userId || !itemId) continue;
    let items = byUser.get(userId);
    if (!items) byUser.set(userId, (items = []));
    items.push(itemId);
  }
  const chosen = shuffled([...byUser.keys()], seededRandom(seed)).slice(0, users);
  return chosen.flatMap((userId) => (byUser.get(userId) ?? []).map((itemId) => ({ userId, itemId })));
}

/** A small gift shop: lantern shoppers and coffee shoppers, each with their own basket habits. */
export const SHOP_CATALOG: CatalogItem[] = [
  { id: 'lantern-white', text: 'White metal lantern with glass panels', category: 'Lighting', price: 18, inStock: true },
  { id: 'lantern-black', text: 'Black metal lantern with glass panels', category: 'Lighting', price: 19, inStock: true },
  { id: 'candle', text: 'Vanilla pillar candle', category: 'Lighting', price: 6, inStock: true },
  { id: 'tealights', text: 'Unscented tealights, box of 50', category: 'Lighting', price: 4, inStock: false },
  { id: 'mug-blue', text: 'Blue enamel mug', category: 'Kitchen', price: 9, inStock: true },
  { id: 'mug-red', text: 'Red enamel mug', category: 'Kitchen', price: 9, inStock: true },
  { id: 'coffee', text: 'Ground coffee, dark roast', category: 'Kitchen', price: 12, inStock: true },
  { id: 'tea', text: 'Loose leaf breakfast tea', category: 'Kitchen', price: 7, inStock: true },
  { id: 'lantern-copper', text: 'Copper lantern with glass panels', category: 'Lighting', price: 35, inStock: true },
];

const LANTERN_HABIT = ['lantern-white', 'candle', 'tealights', 'lantern-black'];
const COFFEE_HABIT = ['mug-blue', 'coffee', 'tea', 'mug-red'];

/** 60 shoppers (30 per habit) with seeded baskets; `lantern-copper` is new: nobody has it yet. */
export function shopEvents(seed = 7): Interaction[] {
  const random = seededRandom(seed);
  const events: Interaction[] = [];
  for (let u = 0; u < 60; u++) {
    const habit = u % 2 === 0 ? LANTERN_HABIT : COFFEE_HABIT;
    const basket = habit.filter((_, i) => i < 2 || random() < 0.6);
    basket.forEach((itemId, i) => events.push({ userId: `shopper-${u}`, itemId, kind: 'purchase', timestamp: 1_700_000_000_000 + u * 1000 + i }));
  }
  return events;
}
