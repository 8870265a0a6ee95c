import { EntityExtractor } from './entities';
import type { IntentModel } from './intent/model';
import { replaceEntities } from './intent/mask';
import { detectLocale, hasHan } from './text';
import type { CatalogEntry, Entity, Locale, Nlu, SentenceEncoder, Sentiment, Understanding, UnderstandOptions } from './types';
import type { IntentPrediction } from './intent/classifier';

/** A sentiment scorer: one message in (with the conversation's locale), polarity out. */
export interface SentimentAnalyzer {
  analyze(text: string, locale?: Locale): Sentiment;
}

/** The parts an {@link Nlu} is made of. */
export interface NluParts {
  intents: IntentModel;
  sentiment: SentimentAnalyzer;
  catalog?: readonly CatalogEntry[];
  /** Sentence encoder for the intent model's embedding features (used only if it was trained with it). */
  encoder?: SentenceEncoder;
}

/** The common noun a catalog product mention is read as, by the script it was written in. */
const PRODUCT_NOUN = { latin: 'product', han: '商品' } as const;

/**
 * The text the intent model reads: catalog product mentions become a plain "product" (商品).
 * Product names are rare words the model has mostly never seen ("regency cakestand"), so their
 * n-grams only add noise; what the shopper asks *about* the product carries the intent, and
 * "how much is the product?" is a sentence the model knows.
 */
export function productsAsNouns(text: string, entities: readonly Entity[]): string {
  return replaceEntities(text, entities, (e) => (e.type !== 'product' ? undefined : hasHan(e.text) ? PRODUCT_NOUN.han : PRODUCT_NOUN.latin));
}

/** Understanding of one message: language, intent, entities, sentiment. */
export class ShopNlu implements Nlu {
  private readonly entities = new EntityExtractor();

  constructor(private readonly parts: NluParts) {
    if (parts.catalog) this.entities.setCatalog(parts.catalog);
  }

  /** {@link understand} without the sentence encoder: synchronous, for batch tools. */
  understandNow(text: string, options: UnderstandOptions = {}): Understanding {
    const entities = this.entities.extract(text);
    return this.assemble(text, options, entities, this.parts.intents.predict(productsAsNouns(text, entities)));
  }

  async understand(text: string, options: UnderstandOptions = {}): Promise<Understanding> {
    const { intents, encoder } = this.parts;
    if (!encoder || !intents.meta.encoder) return this.understandNow(text, options);
    const entities = this.entities.extract(text);
    return this.assemble(text, options, entities, await intents.predictWithEncoder(productsAsNouns(text, entities), encoder));
  }

  private assemble(text: string, options: UnderstandOptions, entities: Entity[], prediction: IntentPrediction): Understanding {
    const locale = detectLocale(text, options.locale ?? 'en');
    return {
      text,
      locale,
      intent: prediction.intent,
      confidence: prediction.confidence,
      alternatives: prediction.alternatives,
      entities,
      sentiment: this.parts.sentiment.analyze(text, locale),
    };
  }

  setCatalog(products: readonly CatalogEntry[]): void {
    this.entities.setCatalog(products);
  }
}
