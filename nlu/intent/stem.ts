import { StemmerEn } from '@nlpjs/lang-en';

const stemmer = new StemmerEn();
const cache = new Map<string, string>();
/** Bounded so a long-running server stemming free text does not grow without end. */
const CACHE_LIMIT = 50_000;

/**
 * English stem of a lower-case word through nlp.js's stemmer ("refunded", "refunds" → "refund"),
 * so word features generalise across inflections; words with digits or non-Latin letters pass
 * through unchanged.
 */
export function stemWord(word: string): string {
  if (!/^[a-z]+$/u.test(word) || word.length < 4) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stem = stemmer.stemWord(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
