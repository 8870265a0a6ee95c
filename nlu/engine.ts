import { EntityExtractor } from './entities';
import type { IntentModel } from './intent/model';
import { detectLocale } from './text';
import type { CatalogEntry, Locale, Nlu, SentenceEncoder, Sentiment, Understanding, UnderstandOptions } from './types';
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

/** Understanding of one message: language, intent, entities, sentiment. */
export class ShopNlu implements Nlu {
  private readonly entities = new EntityExtractor();

  constructor(private readonly parts: NluParts) {
    if (parts.catalog) this.entities.setCatalog(parts.catalog);
  }

  /** {@link understand} without the sentence encoder: synchronous, for batch tools. */
  understandNow(text: string, options: UnderstandOptions = {}): Understanding {
    return this.assemble(text, options, this.parts.intents.predict(text));
  }

  async understand(text: string, options: UnderstandOptions = {}): Promise<Understanding> {
    const { intents, encoder } = this.parts;
    if (!encoder || !intents.meta.encoder) return this.understandNow(text, options);
    return this.assemble(text, options, await intents.predictWithEncoder(text, encoder));
  }

  private assemble(text: string, options: UnderstandOptions, prediction: IntentPrediction): Understanding {
    const locale = detectLocale(text, options.locale ?? 'en');
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

  setCatalog(products: readonly CatalogEntry[]): void {
    this.entities.setCatalog(products);
  }
}
