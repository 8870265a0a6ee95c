import { MessageFactory, type Attachment } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Product } from '../../store';
import { PRODUCT_CARDS_CONTENT_TYPE } from '../channels/socket/chat-message';
import type { ProductCard } from '../channels/socket/events';
import type { SearchCriteria } from '../texts/shop-types';
import type { BotServices } from '../skill';
import { textsOf, understandingOf } from '../turn';
import { SEARCH_POOL, hasColour, pointsBack, productCriteria, searchProducts, searchable, type ProductCriteria } from './product-search';

/** Id of the product questions dialog. */
export const PRODUCT_DIALOG = 'productQuestions';
const WATERFALL = 'productQuestionsSteps';
/** Cards under one reply: enough to choose from, few enough to read on a phone. */
const MAX_CARDS = 5;

/** How the dialog reads the message. */
export interface ProductDialogOptions {
  /** A single product's facts (price, stock) rather than a list of matches. */
  aboutOneProduct: boolean;
}

/** A product as a card the widget renders: name, price, link. */
export function productCard(p: Product): ProductCard {
  const card: ProductCard = { id: p.id, name: p.name, price: p.priceMinor / 100, currency: p.currency, url: `/product.html?id=${encodeURIComponent(p.id)}` };
  if (p.imageUrl) card.imageUrl = p.imageUrl;
  return card;
}

function cardsAttachment(products: readonly Product[]): Attachment {
  return { contentType: PRODUCT_CARDS_CONTENT_TYPE, content: products.slice(0, MAX_CARDS).map(productCard) };
}

/**
 * Product questions from the catalog: one product's price, stock and description ("how much
 * is the cake stand?"), or matches for a description, colour, category and budget ("a lunch
 * bag in red", "something under £10 for the kitchen"), always with product cards.
 */
export class ProductDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(PRODUCT_DIALOG);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.answer(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const understanding = understandingOf(step.context);
    const criteria = productCriteria(understanding.text, understanding.entities);
    const options = (step.options ?? { aboutOneProduct: false }) as ProductDialogOptions;
    const productId = criteria.productId ?? (pointsBack(understanding.text) ? await this.productInView(step) : undefined);
    const named = productId ? this.services.store.products.findById(productId) : undefined;
    const pointed = named && !criteria.productId;
    if (named && (options.aboutOneProduct || pointed || !searchable({ ...criteria, words: [] }))) await this.tellProduct(step, named, criteria);
    else await this.tellMatches(step, criteria, named);
    return step.endDialog();
  }

  /** What "it" means: the product last talked about in this chat, else the one last viewed in the shop. */
  private async productInView(step: WaterfallStepContext): Promise<string | undefined> {
    const memory = await this.services.memory.get(step.context, {});
    if (memory.lastProductId) return memory.lastProductId;
    const conversation = this.services.store.conversations.findById(step.context.activity.conversation.id);
    return conversation?.sessionId ? this.services.store.sessions.recentProducts(conversation.sessionId, 1)[0] : undefined;
  }

  private async tellProduct(step: WaterfallStepContext, product: Product, criteria: ProductCriteria): Promise<void> {
    await this.services.memory.set(step.context, { ...(await this.services.memory.get(step.context, {})), lastProductId: product.id });
    const shop = textsOf(step.context).shop;
    const colour = criteria.colour;
    if (colour && !hasColour(product, colour)) {
      // The catalog has no variants: offer the closest products in that colour instead.
      const words = product.name.toLowerCase().match(/[a-z]{3,}/g) ?? [];
      const others = searchProducts(this.services.store.products, { words: words.filter((w) => w !== product.attributes.colour), colour }, { limit: MAX_CARDS }).items;
      const text = others.length > 0 ? shop.productNotInColour(product.name, shop.colourName(colour)) : shop.productNotInColourNone(product.name, shop.colourName(colour));
      await step.context.sendActivity(MessageFactory.attachment(cardsAttachment(others.length > 0 ? others : [product]), text));
      return;
    }
    const facts = { name: product.name, price: shop.formatMoney(product.priceMinor, product.currency), stock: product.stock, description: product.description };
    await step.context.sendActivity(MessageFactory.attachment(cardsAttachment([product]), shop.productFacts(facts)));
  }

  private async tellMatches(step: WaterfallStepContext, criteria: ProductCriteria, named: Product | undefined): Promise<void> {
    const shop = textsOf(step.context).shop;
    if (!searchable(criteria) && !named) {
      await step.context.sendActivity(shop.askWhatProduct);
      return;
    }
    // The product the shopper named leads the cards (when it is in the colour asked for), counted once.
    const colourOk = !criteria.colour || (named && (named.attributes.colour ?? criteria.colour) === criteria.colour);
    const lead = named && colourOk ? named : undefined;
    const found = searchProducts(this.services.store.products, criteria, { limit: lead ? MAX_CARDS - 1 : MAX_CARDS, exclude: lead?.id });
    const shown = lead ? [lead, ...found.items] : found.items;
    const total = found.total + (lead ? 1 : 0);
    const currency = shown[0]?.currency ?? this.services.store.products.list({ limit: 1 }).items[0]?.currency ?? 'GBP';
    const said = this.said(step, criteria, currency);
    if (shown.length === 0) {
      await step.context.sendActivity(shop.noProducts(said));
      return;
    }
    const more = total > SEARCH_POOL;
    await step.context.sendActivity(MessageFactory.attachment(cardsAttachment(shown), shop.productsFound(said, more ? SEARCH_POOL : total, more)));
  }

  /** The criteria as the reply names them; the budget in the catalog's currency. */
  private said(step: WaterfallStepContext, criteria: ProductCriteria, currency: string): SearchCriteria {
    const shop = textsOf(step.context).shop;
    return {
      words: criteria.words.length > 0 ? (criteria.saidAs ?? criteria.words.join(' ')) : null,
      colour: criteria.colour ? shop.colourName(criteria.colour) : null,
      category: criteria.category ?? null,
      maxPrice: criteria.maxPriceMinor !== undefined ? shop.formatMoney(criteria.maxPriceMinor, currency) : null,
    };
  }
}
