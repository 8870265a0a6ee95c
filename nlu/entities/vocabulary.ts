import type { Entity, EntityType } from '../types';

/** Colour words in both languages → a canonical English value. */
export const COLORS: Readonly<Record<string, string>> = {
  red: 'red', blue: 'blue', green: 'green', yellow: 'yellow', black: 'black', white: 'white', pink: 'pink',
  purple: 'purple', orange: 'orange', brown: 'brown', grey: 'grey', gray: 'grey', silver: 'silver', gold: 'gold',
  ivory: 'ivory', cream: 'cream', beige: 'beige', navy: 'navy',
  红色: 'red', 红: 'red', 蓝色: 'blue', 蓝: 'blue', 绿色: 'green', 黄色: 'yellow', 黑色: 'black', 黑: 'black', 白色: 'white',
  粉色: 'pink', 粉红色: 'pink', 紫色: 'purple', 橙色: 'orange', 棕色: 'brown', 灰色: 'grey', 银色: 'silver', 金色: 'gold',
};

/** Size words → canonical size. Letter sizes need a word boundary ("s" alone is too common, so only as "size s"). */
export const SIZES: Readonly<Record<string, string>> = {
  xs: 'XS', xl: 'XL', xxl: 'XXL', small: 'S', medium: 'M', large: 'L', 'extra large': 'XL', 'size s': 'S', 'size m': 'M', 'size l': 'L',
  小号: 'S', 中号: 'M', 大号: 'L', 加大: 'XL', 特大号: 'XXL',
};

/** Countries the shop ships to (ISO 3166 alpha-2), named in English and Chinese. */
export const COUNTRIES: Readonly<Record<string, string>> = {
  'united kingdom': 'GB', uk: 'GB', england: 'GB', britain: 'GB', scotland: 'GB', france: 'FR', germany: 'DE', spain: 'ES',
  italy: 'IT', netherlands: 'NL', belgium: 'BE', ireland: 'IE', portugal: 'PT', switzerland: 'CH', austria: 'AT', norway: 'NO',
  sweden: 'SE', denmark: 'DK', finland: 'FI', poland: 'PL', australia: 'AU', japan: 'JP', china: 'CN', 'united states': 'US',
  usa: 'US', us: 'US', america: 'US', canada: 'CA', iceland: 'IS', cyprus: 'CY', lithuania: 'LT', greece: 'GR',
  英国: 'GB', 法国: 'FR', 德国: 'DE', 西班牙: 'ES', 意大利: 'IT', 荷兰: 'NL', 比利时: 'BE', 爱尔兰: 'IE', 葡萄牙: 'PT', 瑞士: 'CH',
  澳大利亚: 'AU', 澳洲: 'AU', 日本: 'JP', 中国: 'CN', 美国: 'US', 加拿大: 'CA', 香港: 'HK', 台湾: 'TW', 新加坡: 'SG',
};

const HAN_START = /^[\u3400-\u9fff]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The words of a vocabulary as one alternation, for lower-cased text (`lower`) and, for the rare
 * text whose lower case has another length, case-insensitive (`folded`): a case-insensitive
 * Unicode alternation runs about five times slower, and this runs on every message.
 */
function buildMatchers(words: Readonly<Record<string, string>>): { lower: RegExp; folded: RegExp } {
  // Longest first so "extra large" wins over "large"; Latin words need boundaries, Chinese ones cannot have them.
  const alternatives = Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .map((w) => (HAN_START.test(w) ? escapeRegExp(w) : `\\b${escapeRegExp(w)}\\b`));
  return { lower: new RegExp(alternatives.join('|'), 'gu'), folded: new RegExp(alternatives.join('|'), 'giu') };
}

const VOCABULARIES: readonly { type: EntityType; words: Readonly<Record<string, string>>; matchers: { lower: RegExp; folded: RegExp } }[] = [
  { type: 'color', words: COLORS, matchers: buildMatchers(COLORS) },
  { type: 'size', words: SIZES, matchers: buildMatchers(SIZES) },
  { type: 'country', words: COUNTRIES, matchers: buildMatchers(COUNTRIES) },
];

/** Finds colour, size and country words. "US" in capitals only, so the pronoun "us" is not a country. */
export function findVocabularyEntities(text: string): Entity[] {
  const found: Entity[] = [];
  const lower = text.toLowerCase();
  // Offsets in the lower-cased text are offsets in the text when lower-casing kept its length.
  const sameOffsets = lower.length === text.length;
  for (const { type, words, matchers } of VOCABULARIES) {
    for (const match of sameOffsets ? lower.matchAll(matchers.lower) : text.matchAll(matchers.folded)) {
      if (match.index === undefined) continue;
      const said = text.slice(match.index, match.index + match[0].length);
      if (type === 'country' && said === 'us') continue;
      const value = words[said.toLowerCase()];
      if (value) found.push({ type, value, text: said, start: match.index, end: match.index + said.length, confidence: 1 });
    }
  }
  return found;
}
