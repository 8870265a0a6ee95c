import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Understanding } from '../../nlu';
import type { ItemFilter, Recommendation } from '../../recommender';
import { pointsBack, productCriteria } from '../dialogs/product-search';
import type { RecommendationService, Shopper } from '../recommendations';
import { cardsAttachment, suggestionCards } from '../recommendations';
import { GOES_WITH, SIMILAR_TO } from '../recommendations/phrasing';
import type { BotServices, SkillFactory } from '../skill';
import { recommendationTexts } from '../texts/recommendation-texts';

/** Suggestions in one reply: enough to choose from, few enough to read on a phone. */
const SUGGESTIONS = 4;
/** The catch-all category: "a gift" can be anything in a gift shop, so it does not filter. */
const ANY_GIFT = 'Gifts & Novelties';

type Ask = { kind: 'like' | 'goes_with'; productId: string | undefined } | { kind: 'for_you' };

function shopperOf(context: TurnContext, services: BotServices): Shopper {
  const conversation = services.store.conversations.findById(context.activity.conversation.id);
  const sessionId = conversation?.sessionId ?? context.activity.from.id;
  return { sessionId, customerId: services.store.sessions.findById(sessionId)?.customerId ?? null };
}

function askOf(u: Understanding, shopper: Shopper, services: BotServices, lastProductId: string | undefined): Ask {
  const named = u.entities.find((e) => e.type === 'product')?.value;
  // "this"/"it" is the product just talked about in the chat, else the one the shopper is looking at in the shop.
  const current = named ?? lastProductId ?? services.store.sessions.recentProducts(shopper.sessionId, 1)[0];
  if (GOES_WITH.test(u.text)) return { kind: 'goes_with', productId: current };
  if (SIMILAR_TO.test(u.text)) return { kind: 'like', productId: named ?? (pointsBack(u.text) ? current : undefined) };
  return { kind: 'for_you' };
}

function filterOf(u: Understanding): ItemFilter {
  const criteria = productCriteria(u.text, u.entities);
  const filter: ItemFilter = { inStock: true };
  if (criteria.maxPriceMinor !== undefined) filter.maxPrice = criteria.maxPriceMinor / 100;
  if (criteria.category && criteria.category !== ANY_GIFT) filter.category = criteria.category;
  return filter;
}

function suggest(ask: Ask, shopper: Shopper, filter: ItemFilter, service: RecommendationService): Recommendation[] {
  const options = { k: SUGGESTIONS, filter };
  switch (ask.kind) {
    case 'like':
      return ask.productId ? service.similarTo(ask.productId, options) : [];
    case 'goes_with':
      return ask.productId ? service.goesWith([ask.productId], options) : [];
    case 'for_you':
      return service.forShopper(shopper, options);
    default:
      return ask satisfies never;
  }
}

function introOf(ask: Ask, filter: ItemFilter, services: BotServices, u: Understanding): string {
  const texts = recommendationTexts(u.locale);
  const name = ask.kind !== 'for_you' && ask.productId ? services.store.products.findById(ask.productId)?.name : undefined;
  if (ask.kind === 'like' && name) return texts.similarTo(name);
  if (ask.kind === 'goes_with' && name) return texts.goesWith(name);
  if (filter.maxPrice !== undefined) return texts.withinBudget(`£${filter.maxPrice.toFixed(2)}`);
  return texts.forYou;
}

/**
 * Recommendations in chat: "what would you recommend?", "something like the white lantern",
 * "what goes with this?", "a gift for my mum under £20" — product cards, each with its reason.
 */
export function recommendationsSkill(service: RecommendationService): SkillFactory {
  return (services) => ({
    id: 'recommendations',
    intents: ['ask_recommendation'],
    async start({ dc, understanding }) {
      const texts = recommendationTexts(understanding.locale);
      const shopper = shopperOf(dc.context, services);
      const memory = await services.memory.get(dc.context, {});
      const ask = askOf(understanding, shopper, services, memory.lastProductId);
      if (ask.kind !== 'for_you' && ask.productId) await services.memory.set(dc.context, { ...memory, lastProductId: ask.productId });
      if (ask.kind !== 'for_you' && !ask.productId) {
        await dc.context.sendActivity(texts.whichProduct);
        return;
      }
      const filter = filterOf(understanding);
      const cards = suggestionCards(services.store, suggest(ask, shopper, filter, service), understanding.locale);
      if (cards.length === 0) {
        await dc.context.sendActivity(texts.nothingFound);
        return;
      }
      const reply = MessageFactory.suggestedActions(texts.followUps, introOf(ask, filter, services, understanding));
      reply.attachments = [cardsAttachment(cards)];
      await dc.context.sendActivity(reply);
    },
  });
}
