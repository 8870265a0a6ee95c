import type { MessageAnnotations, ShopperReading } from '../../store';

/** Thresholds of the frustration tracker. */
export interface FrustrationOptions {
  /** Below this confidence a message counts as not understood. @default 0.45 */
  minConfidence: number;
  /** A sentiment score at or below this is clearly negative. @default -0.3 */
  negativeScore: number;
  /** Character n-gram overlap above which two messages say the same thing. @default 0.5 */
  rephraseSimilarity: number;
}

/** Defaults of {@link FrustrationOptions}. */
export const DEFAULT_FRUSTRATION: FrustrationOptions = { minConfidence: 0.45, negativeScore: -0.3, rephraseSimilarity: 0.5 };

/** Why the tracker thinks the shopper is frustrated. */
export type FrustrationSignal = 'not_understood_twice' | 'sentiment_falling' | 'rephrasing';

/** Intents that are not requests, so repeating them is not rephrasing. */
const CHATTER = new Set(['greeting', 'goodbye', 'thanks', 'affirm', 'deny', 'cancel', 'out_of_scope']);

/** Character n-grams: trigrams for alphabetic text, bigrams for Chinese (one character is already a word part). */
function grams(text: string): Set<string> {
  const t = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const n = /\p{Script=Han}/u.test(t) ? 2 : 3;
  const found = new Set<string>();
  for (let i = 0; i + n <= t.length; i += 1) found.add(t.slice(i, i + n));
  return found;
}

/** Jaccard overlap of character n-grams: works for English and Chinese alike. */
export function similarity(a: string, b: string): number {
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  return shared / (x.size + y.size - shared);
}

type Reading = Pick<MessageAnnotations, 'intent' | 'confidence' | 'sentimentLabel' | 'sentimentScore' | 'entities'>;

function notUnderstood(a: Reading | null, o: FrustrationOptions): boolean {
  // An order number or an email answering the bot's question has no intent of its own, yet was understood.
  if (a === null || a.entities.length > 0) return false;
  return a.intent === 'out_of_scope' || a.confidence < o.minConfidence;
}

/**
 * A message's sentiment score, or 0 when the NLU judged it neutral: within "neutral" the score
 * is noise (an order number or an email can score slightly below zero), not a mood.
 */
function polarity(a: Reading | null): number {
  return a && a.sentimentLabel !== 'neutral' ? a.sentimentScore : 0;
}

/** Whether a request of this reading, said again, would count as rephrasing. */
function request(a: Reading): boolean {
  return !CHATTER.has(a.intent) && a.entities.length === 0;
}

/**
 * How many of the shopper's newest readings (the newest one included) can complete a
 * frustration signal with this newest one, so that no more of the history is read: none when it
 * can complete none (every signal needs something of the last message: not understood, clearly
 * negative, or a request that may repeat the one before), the message before it when it can only
 * repeat that one, else `window`.
 */
export function readingsForFrustration(last: Reading, window: number, options: FrustrationOptions = DEFAULT_FRUSTRATION): number {
  if (notUnderstood(last, options) || polarity(last) <= options.negativeScore) return window;
  return request(last) ? Math.min(2, window) : 0;
}

/** True when the last three sentiment scores fall and the last is clearly negative. */
function sentimentFalling(scores: number[], o: FrustrationOptions): boolean {
  if (scores.length < 3) return false;
  const [a, b, c] = scores.slice(-3) as [number, number, number];
  return a > b && b > c && c <= o.negativeScore;
}

function rephrasing(last: ShopperReading, previous: ShopperReading, o: FrustrationOptions): boolean {
  const [a, b] = [last.annotations, previous.annotations];
  if (!a || !b || !request(a)) return false;
  return similarity(last.text, previous.text) >= o.rephraseSimilarity;
}

/**
 * Reads the shopper's annotated messages (oldest first, the current one last) and tells whether
 * the conversation shows frustration: the bot not understanding twice in a row, sentiment
 * falling over three turns into clearly negative, or the same request said again.
 */
export function detectFrustration(messages: readonly ShopperReading[], options: FrustrationOptions = DEFAULT_FRUSTRATION): FrustrationSignal | undefined {
  const shopper = messages.filter((m) => m.role === 'shopper' && m.annotations !== null);
  const last = shopper.at(-1);
  const previous = shopper.at(-2);
  if (!last || !previous) return undefined;
  if (notUnderstood(last.annotations, options) && notUnderstood(previous.annotations, options)) return 'not_understood_twice';
  if (sentimentFalling(shopper.map((m) => polarity(m.annotations)), options)) return 'sentiment_falling';
  if (rephrasing(last, previous, options)) return 'rephrasing';
  return undefined;
}
