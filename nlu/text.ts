import type { Locale } from './types';

/** Han ideographs (CJK unified, extension A, compatibility): the signal for Chinese text. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const HAN_GLOBAL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[a-z]{2,}/giu;

/**
 * Normalises text for matching: NFKC (full-width digits and letters become ASCII, so `５３６３６５`
 * reads as an order number), lower case, curly quotes straightened, runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** True when the text contains a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Detects the language of one message: Chinese when Han characters weigh at least as much as
 * Latin words (a Chinese sentence with an English product name stays Chinese), English when
 * there are Latin words, otherwise the hinted locale (digits, emoji and "ok" say nothing).
 *
 * @param fallback the conversation's locale, @default 'en'
 */
export function detectLocale(text: string, fallback: Locale = 'en'): Locale {
  const han = text.match(HAN_GLOBAL)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && latinWords === 0) return fallback;
  // One Han character carries about a word's meaning; a short Latin word beside Chinese is usually a name.
  if (han >= latinWords) return 'zh';
  return han > 0 && latinWords <= 2 ? 'zh' : 'en';
}

/**
 * Splits normalised text into tokens: Latin words and numbers as whole tokens (apostrophes kept,
 * so "don't" stays one token), each Han character as its own token (Chinese has no spaces; the
 * feature extractor adds character bigrams for words).
 */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
}
