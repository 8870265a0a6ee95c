import type { Attachment } from 'botbuilder';
import type { Recommendation, Reason } from '../../recommender';
import type { Store } from '../../store';
import { PRODUCT_CARDS_CONTENT_TYPE } from '../channels/socket/chat-message';
import type { ProductCard } from '../channels/socket/events';
import { productCard } from '../dialogs/product-dialog';
import { recommendationTexts, type ReasonText } from '../texts/recommendation-texts';

function reasonText(store: Store, reason: Reason): ReasonText {
  switch (reason.kind) {
    case 'also_bought':
    case 'similar_viewed':
    case 'similar_content':
      return { kind: reason.kind, name: store.products.findById(reason.becauseOf)?.name ?? reason.becauseOf };
    case 'popular':
    case 'for_you':
      return { kind: reason.kind };
    default:
      return reason satisfies never;
  }
}

/** Suggestions as product cards, each with its reason in the shopper's language. */
export function suggestionCards(store: Store, suggestions: readonly Recommendation[], locale: string): ProductCard[] {
  const texts = recommendationTexts(locale);
  const cards: ProductCard[] = [];
  for (const s of suggestions) {
    const product = store.products.findById(s.itemId);
    if (product) cards.push({ ...productCard(product), reason: texts.reason(reasonText(store, s.reason)) });
  }
  return cards;
}

/** The Activity attachment that carries the cards. */
export function cardsAttachment(cards: readonly ProductCard[]): Attachment {
  return { contentType: PRODUCT_CARDS_CONTENT_TYPE, content: cards };
}
