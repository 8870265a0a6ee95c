import type { Database, Statement } from 'better-sqlite3';
import { ReadCache } from './read-cache';
import { statements } from './statements';
import type { Product } from './types';

interface ProductRow {
  id: string;
  name: string;
  description: string;
  category: string;
  price_minor: number;
  currency: string;
  stock: number;
  image_url: string | null;
  attributes: string;
  updated_at: string;
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category,
    priceMinor: row.price_minor,
    currency: row.currency,
    stock: row.stock,
    imageUrl: row.image_url,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    updatedAt: row.updated_at,
  };
}

/** Filters for {@link ProductsRepository.list}. */
export interface ProductQuery {
  /** Words that must all appear in the name, description or category, anywhere in a word (case-insensitive). */
  text?: string;
  category?: string;
  /**
   * Only products in this colour (lower case): their `colour` attribute, or the colour as a word
   * of their name ("Red Retrospot Bag", not "Shredded Paper").
   */
  colour?: string;
  maxPriceMinor?: number;
  inStockOnly?: boolean;
  /**
   * `popular`: best sellers (units sold) first, then by name. `available`: what is in stock
   * first, best sellers first within that (what a shopper asking the chat wants to see).
   * @default 'name'
   */
  sort?: 'name' | 'popular' | 'available';
  /** Products to leave out (by id): ones the caller already shows. */
  excludeIds?: readonly string[];
  /** @default 24 */
  limit?: number;
  /** @default 0 */
  offset?: number;
}

/** The shortest word the trigram index can look up. */
const TRIGRAM = 3;

/** A word as an FTS5 phrase: matched as a substring, every character literal. */
function phrase(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** Products upserted at once from which the search index is merged into one segment. */
const MERGE_SEARCH_AFTER_ROWS = 100;

/** Escapes LIKE wildcards so a shopper's `%` or `_` is matched literally. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** ORDER BY of each sort. */
const ORDER_BY: Record<NonNullable<ProductQuery['sort']>, string> = {
  name: 'name',
  popular: 'units_sold DESC, name',
  available: 'stock <= 0, units_sold DESC, name',
};

/** The catalog. */
export class ProductsRepository {
  private readonly upsertStmt: Statement;
  private readonly byId: Statement<[string], ProductRow>;
  private readonly optimizeSearchStmt: Statement;
  /** One prepared statement per query shape (a few dozen: which filters are set). */
  private readonly statement: (sql: string) => Statement;
  /** Answers kept until the catalog changes: shoppers ask the same questions all day. */
  private readonly reads: ReadCache;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(`
      INSERT INTO products (id, name, description, category, price_minor, currency, stock, image_url, attributes, updated_at)
      VALUES (@id, @name, @description, @category, @priceMinor, @currency, @stock, @imageUrl, @attributes, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
        category = excluded.category, price_minor = excluded.price_minor, currency = excluded.currency,
        stock = excluded.stock, image_url = excluded.image_url, attributes = excluded.attributes,
        updated_at = excluded.updated_at`);
    this.byId = db.prepare('SELECT * FROM products WHERE id = ?');
    this.optimizeSearchStmt = db.prepare("INSERT INTO products_search (products_search) VALUES ('optimize')");
    this.statement = statements(db);
    this.reads = new ReadCache(db, ['products']);
  }

  /**
   * Inserts or updates products by id, in one transaction. The search index's triggers add a
   * segment per row: after a bulk import they are merged into one, which makes each search read
   * one doclist per trigram instead of hundreds. Merging rewrites the whole index, so a few rows
   * (a shop syncing one product) are left to FTS5's own gradual merging.
   */
  upsertMany(products: readonly Product[]): void {
    this.db.transaction(() => {
      for (const p of products) this.upsertStmt.run({ ...p, attributes: JSON.stringify(p.attributes) });
      if (products.length >= MERGE_SEARCH_AFTER_ROWS) this.optimizeSearchStmt.run();
    })();
  }

  /** A product by id (frozen: shared with other readers until the catalog changes). */
  findById(id: string): Product | undefined {
    return this.reads.get(`id ${id}`, () => {
      const row = this.byId.get(id);
      return row && toProduct(row);
    });
  }

  /**
   * Products matching the query, by name or best sellers first, one page of them with the total.
   * Frozen: the answer is kept for the next reader asking the same until the catalog changes.
   */
  list(query: ProductQuery = {}): { items: Product[]; total: number } {
    return this.reads.get(`list ${JSON.stringify(query)}`, () => this.listNow(query));
  }

  private listNow(query: ProductQuery): { items: Product[]; total: number } {
    const { where, params } = this.whereClause(query);
    const limit = query.limit ?? 24;
    const offset = query.offset ?? 0;
    const rows = this.statement(`SELECT * FROM products ${where} ORDER BY ${ORDER_BY[query.sort ?? 'name']} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as ProductRow[];
    // A first page that is not full is everything there is: no need to count again.
    const whole = offset === 0 && rows.length < limit;
    const total = whole ? rows.length : (this.statement(`SELECT count(*) FROM products ${where}`).pluck().get(params) as number);
    return { items: rows.map(toProduct), total };
  }

  /** Every product (for building the recommender and the NLU's product matcher). */
  all(): Product[] {
    return (this.db.prepare('SELECT * FROM products ORDER BY id').all() as ProductRow[]).map(toProduct);
  }

  /** Distinct non-empty categories with their product counts. */
  categories(): { category: string; count: number }[] {
    return this.db
      .prepare("SELECT category, count(*) AS count FROM products WHERE category <> '' GROUP BY category ORDER BY count DESC")
      .all() as { category: string; count: number }[];
  }

  private whereClause(query: ProductQuery): { where: string; params: Record<string, unknown> } {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    // Words of three characters or more are looked up in the trigram index (migration 22); shorter
    // ones, which trigrams cannot answer, are matched by scanning.
    const indexed = words.filter((word) => [...word].length >= TRIGRAM);
    if (indexed.length > 0) {
      clauses.push('rowid IN (SELECT rowid FROM products_search WHERE products_search MATCH @match)');
      params.match = indexed.map(phrase).join(' ');
    }
    words.filter((word) => [...word].length < TRIGRAM).forEach((word, i) => {
      clauses.push(`(lower(name || ' ' || description || ' ' || category) LIKE @w${i} ESCAPE '\\')`);
      params[`w${i}`] = likePattern(word);
    });
    if (query.category) {
      clauses.push('category = @category');
      params.category = query.category;
    }
    if (query.colour) {
      // Names containing the colour are narrowed first, GLOB then keeps whole words only. Alone,
      // the colour narrows through the index; after words or a category (a few hundred rows at
      // most) a LIKE on each name is cheaper than listing every name with "red" in it.
      const narrowed = clauses.length > 0;
      const indexedColour = !narrowed && [...query.colour].length >= TRIGRAM;
      const inName = indexedColour
        ? 'rowid IN (SELECT rowid FROM products_search WHERE products_search MATCH @colourPhrase) AND '
        : "name LIKE @colourLike ESCAPE '\\' AND ";
      clauses.push(`(json_extract(attributes, '$.colour') = @colour OR (${inName}(' ' || lower(name) || ' ') GLOB @colourWord))`);
      params.colour = query.colour;
      if (indexedColour) params.colourPhrase = `name : ${phrase(query.colour)}`;
      else params.colourLike = likePattern(query.colour);
      params.colourWord = `*[^a-z0-9_]${query.colour.replace(/[[\]*?]/g, (c) => `[${c}]`)}[^a-z0-9_]*`;
    }
    if (query.maxPriceMinor !== undefined) {
      clauses.push('price_minor <= @maxPrice');
      params.maxPrice = query.maxPriceMinor;
    }
    if (query.inStockOnly) clauses.push('stock > 0');
    query.excludeIds?.forEach((id, i) => {
      clauses.push(`id <> @x${i}`);
      params[`x${i}`] = id;
    });
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }
}
