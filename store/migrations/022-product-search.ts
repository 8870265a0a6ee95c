import type { Migration } from './migration';

/**
 * Version 22: a trigram full-text index over the catalog's name, description and category, so a
 * search for "lantern" reads the few products that contain it instead of lower-casing and
 * scanning every product twice (count, then page). Trigrams answer exactly the substring
 * questions `LIKE '%word%'` did, case-insensitively, for words of three characters or more
 * (shorter ones still scan). The index is external-content: it stores no second copy of the
 * text, and triggers keep it in step with `products`.
 */
export const PRODUCT_SEARCH_SCHEMA: Migration = {
  version: 22,
  name: 'product search index',
  sql: `
    CREATE VIRTUAL TABLE products_search USING fts5(
      name, description, category, content = 'products', content_rowid = 'rowid', tokenize = 'trigram'
    );
    INSERT INTO products_search (products_search) VALUES ('rebuild');
    CREATE TRIGGER products_search_added AFTER INSERT ON products BEGIN
      INSERT INTO products_search (rowid, name, description, category) VALUES (NEW.rowid, NEW.name, NEW.description, NEW.category);
    END;
    CREATE TRIGGER products_search_removed AFTER DELETE ON products BEGIN
      INSERT INTO products_search (products_search, rowid, name, description, category)
        VALUES ('delete', OLD.rowid, OLD.name, OLD.description, OLD.category);
    END;
    CREATE TRIGGER products_search_changed AFTER UPDATE OF name, description, category ON products BEGIN
      INSERT INTO products_search (products_search, rowid, name, description, category)
        VALUES ('delete', OLD.rowid, OLD.name, OLD.description, OLD.category);
      INSERT INTO products_search (rowid, name, description, category) VALUES (NEW.rowid, NEW.name, NEW.description, NEW.category);
    END;
    -- Browsing the catalog by name (the storefront's default order) reads a page, not a sort of every product.
    CREATE INDEX products_name ON products (name);
  `,
};
