import { EntityExtractor } from './entities';
import type { IntentModel } from './intent/model';
import { detectLocale } from './text';
import type { CatalogEntry, Locale, Nlu, Sentiment, Understanding, UnderstandOptions } from './types';

/** A sentiment scorer: one message in (with the conversation's locale), polarity out. */
export interface SentimentAnalyzer {
  analyze(text: string, locale?: Locale): Sentiment;
}

/** The parts an {@link Nlu} is made of. */
export interface NluParts {
  intents: IntentModel;
  sentiment: SentimentAnalyzer;
  catalog?: readonly CatalogEntry[];
}

/** Understanding of one message: language, intent, entities, sentiment. */
export class ShopNlu implements Nlu {
  private readonly entities = new EntityExtractor();

  constructor(private readonly parts: NluParts) {
    if (parts.catalog) this.entities.setCatalog(parts.catalog);
  }

  /** Synchronous core of {@link understand}, for batch tools. */
  understandNow(text: string, options: UnderstandOptions = {}): Understanding {
    const locale = detectLocale(text, options.locale ?? 'en');
    const prediction = this.parts.intents.predict(text);
    return {
      text,
      locale,
      intent: prediction.intent,
      confidence: prediction.confidence,
      alternatives: prediction.alternatives,
      entities: this.entities.extract(text),
      sentiment: this.parts.sentiment.analyze(text, locale),
    };
  }

  async understand(text: string, options: UnderstandOptions = {}): Promise<Understanding> {
    return this.understandNow(text, options);
  }

  setCatalog(products: readonly CatalogEntry[]): void {
    this.entities.setCatalog(products);
  }
}
