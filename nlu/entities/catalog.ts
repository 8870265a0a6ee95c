import type { CatalogEntry, Entity } from '../types';
import { ZH_PRODUCT_GLOSSARY } from './glossary';
import { COLORS } from './vocabulary';

const HAN = /[\u3400-\u9fff]/u;

/** Words that name no product ("set of 3", "the"). */
const STOPWORDS = new Set(['the', 'and', 'for', 'with', 'set', 'of', 'a', 'an', 'in', 'on', 'my', 'your', 'pack', 'size', 'i', 'do', 'you', 'have', 'is', 'it', 'this', 'that', 'any', 'some', 'me']);
/** Shoppers' words whose catalog word {@link CatalogMatcher} remembers (most recently used kept). */
const LOOKUPS_KEPT = 20_000;
/** Share of a product name's (IDF-weighted) words a mention must cover. */
const MIN_COVERAGE = 0.6;

interface IndexedProduct {
  entry: CatalogEntry;
  words: string[];
}

interface Word {
  word: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (m.index !== undefined) out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Chinese terms (goods, then colours) → the English catalog words they stand for. */
const HAN_TERMS: ReadonlyMap<string, readonly string[]> = new Map([
  ...Object.entries(ZH_PRODUCT_GLOSSARY),
  ...Object.entries(COLORS).filter(([term]) => HAN.test(term)).map(([term, colour]): [string, string[]] => [term, [colour]]),
]);
/** Longest first, so "热水袋" is read whole, not as "水" and "袋". */
const HAN_MATCHER = new RegExp([...HAN_TERMS.keys()].sort((a, b) => b.length - a.length).join('|'), 'gu');

/** The English words of the Chinese terms in a text (each at the span of its term), so Chinese mentions match English names. */
function translatedWords(text: string): Word[] {
  if (!HAN.test(text)) return [];
  const out: Word[] = [];
  for (const m of text.matchAll(HAN_MATCHER)) {
    if (m.index === undefined) continue;
    for (const word of HAN_TERMS.get(m[0]) ?? []) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Edit distance ≤ 1 (one typo), when one word has 5+ letters: shorter words are too often other words. */
function oneTypoApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || Math.max(a.length, b.length) < 5) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Finds product mentions by IDF-weighted word overlap with catalog names, tolerating one typo
 * per long word and plurals; the best-covered product wins each stretch of text.
 */
export class CatalogMatcher {
  private products: IndexedProduct[] = [];
  private idf = new Map<string, number>();
  private byWord = new Map<string, IndexedProduct[]>();
  /** Symmetric-delete index: each catalog word and its one-letter deletions → the words. */
  private deletions = new Map<string, string[]>();
  /** Words in more than this many products name a kind of thing ("bag"), not a product. */
  private commonDf = 0;
  /**
   * Shoppers' words and the catalog word each stands for (null: none). Most words of a message
   * are in no product name ("where", "delivery"), and finding that out means looking up each of
   * their one-letter deletions; shoppers use the same few thousand words all day.
   */
  private looked = new Map<string, string | null>();

  /** Replaces the catalog. */
  setCatalog(entries: readonly CatalogEntry[]): void {
    this.products = entries.map((entry) => ({ entry, words: [...new Set(words(entry.name).map((w) => singular(w.word)).filter((w) => !STOPWORDS.has(w) && w.length > 1))] }));
    this.byWord = new Map();
    for (const p of this.products) {
      for (const w of p.words) {
        const list = this.byWord.get(w);
        if (list) list.push(p);
        else this.byWord.set(w, [p]);
      }
    }
    this.idf = new Map([...this.byWord].map(([w, ps]) => [w, Math.log((1 + this.products.length) / ps.length)]));
    this.commonDf = Math.max(5, Math.ceil(this.products.length * 0.05));
    this.deletions = new Map();
    this.looked = new Map();
    for (const w of this.byWord.keys()) {
      if (w.length < 4) continue;
      for (const d of [w, ...deletionsOf(w)]) this.deletions.set(d, [...(this.deletions.get(d) ?? []), w]);
    }
  }

  private lookup(word: string): string | undefined {
    if (this.byWord.has(word)) return word;
    if (word.length < 4) return undefined;
    const known = this.looked.get(word);
    if (known !== undefined) return known ?? undefined;
    const found = this.typoOf(word);
    this.looked.set(word, found ?? null);
    if (this.looked.size > LOOKUPS_KEPT) this.looked.delete(this.looked.keys().next().value as string);
    return found;
  }

  /** The catalog word one typo away from `word`, by the symmetric-delete index. */
  private typoOf(word: string): string | undefined {
    for (const d of [word, ...deletionsOf(word)]) {
      const hit = this.deletions.get(d)?.find((candidate) => oneTypoApart(word, candidate));
      if (hit) return hit;
    }
    return undefined;
  }

  /** Product entities in a message (value = product id, confidence = IDF-weighted coverage). */
  find(text: string): Entity[] {
    if (this.products.length === 0) return [];
    const matched = [...words(text), ...translatedWords(text)]
      .map((w) => ({ ...w, key: STOPWORDS.has(w.word) ? undefined : this.lookup(singular(w.word)) }))
      .filter((w): w is { word: string; start: number; end: number; key: string } => w.key !== undefined);
    const best = this.bestProduct(new Set(matched.map((m) => m.key)));
    if (!best || best.coverage < MIN_COVERAGE) return [];
    const own = matched.filter((m) => best.product.words.includes(m.key));
    const start = Math.min(...own.map((m) => m.start));
    const end = Math.max(...own.map((m) => m.end));
    return [{ type: 'product', value: best.product.entry.id, text: text.slice(start, end), start, end, confidence: Math.min(1, best.coverage) }];
  }

  /** Candidates come only from distinctive words, so a big catalog costs little per message. */
  private bestProduct(keys: ReadonlySet<string>): { product: IndexedProduct; coverage: number } | undefined {
    const candidates = new Set<IndexedProduct>();
    for (const key of keys) {
      const list = this.byWord.get(key) ?? [];
      if (list.length <= this.commonDf) for (const p of list) candidates.add(p);
    }
    let best: { product: IndexedProduct; coverage: number } | undefined;
    for (const product of candidates) {
      let total = 0;
      let hit = 0;
      for (const w of product.words) {
        const weight = this.idf.get(w) ?? 0;
        total += weight;
        if (keys.has(w)) hit += weight;
      }
      const coverage = total > 0 ? hit / total : 0;
      if (!best || coverage > best.coverage) best = { product, coverage };
    }
    return best;
  }
}

function deletionsOf(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i) + word.slice(i + 1));
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
