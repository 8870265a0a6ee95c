import express, { type Router } from 'express';
import { z } from 'zod';
import { suggestionCards, type RecommendationService } from '../bot';
import type { Store } from '../store';
import { productView } from './api';
import { HttpError } from './errors';

const QUERY = z.object({
  sessionId: z.string().min(1).max(100).optional(),
  productId: z.string().min(1).max(64).optional(),
  k: z.coerce.number().int().min(1).max(24).default(6),
  locale: z.enum(['en', 'zh']).default('en'),
});

/**
 * `GET /api/recommendations?sessionId=&productId=&k=&locale=` for the storefront: "recommended
 * for you" (with a session) or "often bought together" (with a product), from the same engine
 * as the chat. Items are product views plus `reason`, a sentence in the locale.
 */
export function recommendationsApi(store: Store, recommendations: RecommendationService): Router {
  const router = express.Router();
  router.get('/api/recommendations', (req, res) => {
    const query = QUERY.parse(req.query);
    const filter = { inStock: true };
    let suggestions;
    if (query.productId) {
      if (!store.products.findById(query.productId)) throw new HttpError(404, `no product ${query.productId}`);
      suggestions = recommendations.goesWith([query.productId], { k: query.k, filter });
    } else {
      const session = query.sessionId ? store.sessions.findById(query.sessionId) : undefined;
      if (!session) throw new HttpError(404, 'no such session');
      suggestions = recommendations.forShopper({ sessionId: session.id, customerId: session.customerId }, { k: query.k, filter });
    }
    const reasons = new Map(suggestionCards(store, suggestions, query.locale).map((card) => [card.id, card.reason]));
    const items = suggestions.flatMap((s) => {
      const product = store.products.findById(s.itemId);
      return product ? [{ ...productView(product), reason: reasons.get(s.itemId) ?? '' }] : [];
    });
    res.json({ items });
  });
  return router;
}
