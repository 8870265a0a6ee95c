import { goodsTermsIn, type Entity } from '../../nlu';
import type { Product, ProductQuery } from '../../store';

/** What a product question asks for. */
export interface ProductCriteria {
  /** A product the shopper named (catalog id). */
  productId?: string;
  /** English content words to match in names and descriptions. */
  words: string[];
  /** How the shopper named the goods when not in English ("杯子"), for the reply to say it back. */
  saidAs?: string;
  colour?: string;
  category?: string;
  maxPriceMinor?: number;
}

/**
 * Reads the catalog; `ProductsRepository` fits. `list` applies every filter of the query (the
 * colour too), its sort and its limit, and counts all the matches in `total`.
 */
export interface Catalog {
  findById(id: string): Product | undefined;
  list(query: ProductQuery): { items: Product[]; total: number };
}

/** Products a search found: the first few to show, and how many match in all. */
export interface SearchResult {
  items: Product[];
  total: number;
}

/** Matches a reply counts one by one; past this it says "over 200". */
export const SEARCH_POOL = 200;

/**
 * Shoppers' words for the shop's categories, English and Chinese. A category word only filters
 * by category when the message names nothing more precise ("something for the kitchen").
 */
const CATEGORY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\b(kitchen|dining|cooking|baking)\b|厨房|餐具|烘焙/u, 'Kitchen & Dining'],
  [/\b(candles?|lights?|lanterns?)\b|蜡烛|灯/u, 'Candles & Lights'],
  [/\bchristmas\b|圣诞/u, 'Christmas'],
  [/\b(party|birthday|wedding)\b|派对|生日|婚礼/u, 'Party & Celebrations'],
  [/\b(jewellery|jewelry|necklaces?|bracelets?|earrings?)\b|首饰|项链|饰品|手链|耳环/u, 'Jewellery & Accessories'],
  [/\b(toys?|games?|kids|children)\b|玩具|游戏|孩子|儿童/u, 'Toys & Games'],
  [/\b(bags?|purses?)\b|包|钱包/u, 'Bags & Purses'],
  [/\b(bath|bathroom|beauty)\b|浴室|美妆/u, 'Bath & Beauty'],
  [/\b(stationery|cards?|notebooks?)\b|文具|卡片|笔记本/u, 'Stationery & Cards'],
  [/\b(garden|outdoor)\b|花园|户外/u, 'Garden & Outdoor'],
  [/\b(cushions?|blankets?|throws?)\b|靠垫|毯子|布艺/u, 'Soft Furnishings'],
  [/\b(storage|boxes|jars?|tins?)\b|收纳|盒子|罐子/u, 'Storage'],
  [/\b(decor|decoration|home)\b|家居|装饰/u, 'Home Decor'],
  [/\b(gifts?|presents?)\b|礼物|礼品/u, 'Gifts & Novelties'],
];

const STOP_WORDS = new Set(
  ('do does did you your have has any a an the in on for of with is are there what which how much many cost costs price ' +
    'priced stock something anything some me show find looking look want need like would i my please under below less than ' +
    'cheaper max maximum up to about tell describe it its this that these those got sell buy can could get available colour ' +
    'color pounds pound quid item items thing things product products and or budget around over more expensive cheap nice ' +
    'good best still left there\'s what\'s is it in-stock instock one ones')
    .split(' '),
);

/** Budget words around a price ("under £10", "10英镑以下"), and a money amount the NLU may have missed. */
const LOOSE_MONEY = /(?:£|gbp\s*)\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*(?:英镑|镑|pounds?|quid|gbp)/iu;

function maxPriceOf(text: string, entities: readonly Entity[]): number | undefined {
  const money = entities.find((e) => e.type === 'money')?.value;
  const match = money ?? LOOSE_MONEY.exec(text)?.slice(1).find((g) => g !== undefined);
  const amount = match === undefined ? NaN : Number.parseFloat(match);
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount * 100) : undefined;
}

/** The colour asked for: one the shopper said, not one inside a product name they named ("is the black skull bag in red?"). */
function colourAsked(entities: readonly Entity[]): string | undefined {
  const products = entities.filter((e) => e.type === 'product');
  const colours = entities.filter((e) => e.type === 'color');
  const outside = colours.filter((c) => !products.some((p) => c.start >= p.start && c.end <= p.end));
  return (outside.at(-1) ?? colours[0])?.value.toLowerCase();
}

/** What a message asks of the catalog, from the NLU's entities and the message's own words. */
export function productCriteria(text: string, entities: readonly Entity[]): ProductCriteria {
  let rest = text.toLowerCase();
  for (const e of entities) if (e.type !== 'product') rest = rest.replace(e.text.toLowerCase(), ' ');
  const rule = CATEGORY_WORDS.find(([pattern]) => pattern.test(rest));
  // Category words are words too: "lanterns" finds lanterns by name before falling back to the whole category.
  // Chinese names of goods ("杯子", "灯笼") are looked up by the English words the catalog uses.
  const latin = (rest.match(/[a-z][a-z'-]{2,}/g) ?? []).filter((w) => !STOP_WORDS.has(w));
  const goods = goodsTermsIn(rest);
  const words = [...new Set([...latin, ...goods.flatMap((g) => g.words)])];
  return {
    productId: entities.find((e) => e.type === 'product')?.value,
    words,
    ...(goods.length > 0 ? { saidAs: [...latin, ...goods.map((g) => g.term)].join(' ') } : {}),
    colour: colourAsked(entities),
    category: rule?.[1],
    maxPriceMinor: maxPriceOf(text, entities),
  };
}

/** Whether the catalog says a product is in a colour (its colour attribute, or the colour in its name). */
export function hasColour(product: Product, colour: string): boolean {
  return product.attributes.colour === colour || product.name.toLowerCase().split(/\W+/).includes(colour);
}

/**
 * The stem a plural shares with its singular ("lanterns" → "lantern", "boxes" → "box",
 * "candies" → "candy"), so a substring match finds either form.
 */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/u.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Words first all together, then fewer, so "red retrospot lunch bag" still finds lunch bags. */
function byWords(catalog: Catalog, words: readonly string[], base: ProductQuery): SearchResult {
  for (let n = words.length; n >= 1; n--) {
    const found = catalog.list({ ...base, text: words.slice(0, n).map(singular).join(' ') });
    if (found.total > 0) return found;
  }
  return { items: [], total: 0 };
}

/**
 * Products answering the criteria: the first `limit` of them, in stock first and best sellers
 * first within that, and how many there are. Words beat the category (a "lunch bag" is looked up
 * by name, not among all bags); the colour and the budget filter every attempt. `exclude`: a
 * product the reply already shows, neither listed nor counted.
 */
export function searchProducts(catalog: Catalog, criteria: ProductCriteria, options: { limit: number; exclude?: string }): SearchResult {
  const base: ProductQuery = {
    maxPriceMinor: criteria.maxPriceMinor,
    colour: criteria.colour,
    limit: options.limit,
    sort: 'available',
    ...(options.exclude ? { excludeIds: [options.exclude] } : {}),
  };
  if (criteria.words.length > 0) {
    const found = byWords(catalog, criteria.words, base);
    if (found.total > 0) return found;
  }
  if (criteria.category) return catalog.list({ ...base, category: criteria.category });
  if (criteria.words.length === 0 && (criteria.colour || criteria.maxPriceMinor !== undefined)) return catalog.list(base);
  return { items: [], total: 0 };
}

/** "it", "this one", "这个": the message points back at a product instead of naming one. */
const POINTS_BACK = /\b(?:it|this|that|these|those|them|this one|that one)\b|它|这个|那个|这款|那款|这件|那件/iu;

/** Whether a message points back at a product it does not name ("do you have it in red?"). */
export function pointsBack(text: string): boolean {
  return POINTS_BACK.test(text);
}

/** Whether the criteria say anything a search can use. */
export function searchable(criteria: ProductCriteria): boolean {
  return criteria.words.length > 0 || !!criteria.category || !!criteria.colour || criteria.maxPriceMinor !== undefined;
}
