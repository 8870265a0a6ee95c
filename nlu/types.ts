/** Languages the bot understands and answers in. */
export const LOCALES = ['en', 'zh'] as const;
/** A supported language. */
export type Locale = (typeof LOCALES)[number];

/** The intent reported when the model is not confident enough to name one. */
export const OUT_OF_SCOPE = 'out_of_scope';

/** Kinds of entity the NLU extracts. */
export const ENTITY_TYPES = ['order_id', 'email', 'phone', 'money', 'quantity', 'product', 'color', 'size', 'country'] as const;
/** One kind of entity. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** An entity found in a message, with its normalised value and where it stood in the text. */
export interface Entity {
  type: EntityType;
  /** Normalised value: order ids upper-cased, emails lower-cased, money as a decimal string, product ids for products. */
  value: string;
  /** The text as the shopper wrote it. */
  text: string;
  start: number;
  end: number;
  /** 0..1; 1 for pattern matches, the match score for fuzzy ones. */
  confidence: number;
}

/** Polarity of one message. */
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** Sentiment of one message. */
export interface Sentiment {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
}

/** An intent with its calibrated probability. */
export interface IntentScore {
  intent: string;
  confidence: number;
}

/** What the NLU understood of one message: the project's own type, never a library's output. */
export interface Understanding {
  text: string;
  /** Detected language of the text (falls back to the hinted locale when the text says nothing). */
  locale: Locale;
  /** The best intent, or {@link OUT_OF_SCOPE}. */
  intent: string;
  /** Calibrated: a 0.9 is right about 90% of the time. */
  confidence: number;
  /** The next best intents, best first. */
  alternatives: IntentScore[];
  entities: Entity[];
  sentiment: Sentiment;
}

/** Options for {@link Nlu.understand}. */
export interface UnderstandOptions {
  /** The conversation's locale, used when the text alone does not tell the language. */
  locale?: Locale;
}

/** A product the entity extractor can recognise in text. */
export interface CatalogEntry {
  id: string;
  name: string;
}

/** The NLU facade used by the bot. */
export interface Nlu {
  understand(text: string, options?: UnderstandOptions): Promise<Understanding>;
  /** Replaces the product list used for product mentions (called when the catalog changes). */
  setCatalog(products: readonly CatalogEntry[]): void;
  /** Releases what the NLU holds beyond memory (a worker thread); none need it otherwise. */
  close?(): Promise<void>;
}

/**
 * A sentence encoder: turns texts into fixed-size, L2-normalised embeddings. Optional: the NLU
 * works without one and uses it, when configured, as extra features for intent and out-of-scope.
 */
export interface SentenceEncoder {
  /** Name of the model (a hub id or a local directory's name), reported in model metadata. */
  readonly name: string;
  /** Length of every embedding. */
  readonly dimension: number;
  encode(texts: readonly string[]): Promise<Float32Array[]>;
}
