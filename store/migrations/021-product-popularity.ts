import type { Migration } from './migration';

/**
 * Version 21: how many units of each product were sold, so searches can put best sellers first
 * without counting order lines on every query. `OrdersRepository.upsertMany` recounts the products
 * of the lines it writes (a trigger per inserted line made a bulk import 20x slower); triggers
 * cover lines removed by cascades (an erased customer's orders) and products that arrive after
 * their orders.
 */
export const PRODUCT_POPULARITY_SCHEMA: Migration = {
  version: 21,
  name: 'units sold per product',
  sql: `
    ALTER TABLE products ADD COLUMN units_sold INTEGER NOT NULL DEFAULT 0;
    UPDATE products SET units_sold = coalesce((SELECT sum(max(quantity, 0)) FROM order_items WHERE product_id = products.id), 0);
    CREATE INDEX products_units_sold ON products (units_sold DESC, name);
    CREATE TRIGGER order_items_unsold AFTER DELETE ON order_items BEGIN
      UPDATE products SET units_sold = max(units_sold - max(OLD.quantity, 0), 0) WHERE id = OLD.product_id;
    END;
    -- Orders may be imported before their products: a new product starts from what was already sold.
    CREATE TRIGGER products_sold_before AFTER INSERT ON products BEGIN
      UPDATE products SET units_sold = coalesce((SELECT sum(max(quantity, 0)) FROM order_items WHERE product_id = NEW.id), 0) WHERE id = NEW.id;
    END;
    CREATE TRIGGER order_items_resold AFTER UPDATE OF quantity, product_id ON order_items BEGIN
      UPDATE products SET units_sold = max(units_sold - max(OLD.quantity, 0), 0) WHERE id = OLD.product_id;
      UPDATE products SET units_sold = units_sold + max(NEW.quantity, 0) WHERE id = NEW.product_id;
    END;
  `,
};
