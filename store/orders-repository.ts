import type { Database, Statement } from 'better-sqlite3';
import type { Order, OrderItem, OrderStatus } from './types';

interface OrderRow {
  id: string;
  customer_id: string | null;
  email: string;
  status: OrderStatus;
  placed_at: string;
  total_minor: number;
  currency: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: string | null;
  eta: string | null;
  delivered_at: string | null;
  shipping_country: string | null;
  shipping_address: string | null;
  updated_at: string;
}

interface ItemRow {
  product_id: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
}

function toOrder(row: OrderRow, items: OrderItem[]): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    email: row.email,
    status: row.status,
    placedAt: row.placed_at,
    totalMinor: row.total_minor,
    currency: row.currency,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    shippedAt: row.shipped_at,
    eta: row.eta,
    deliveredAt: row.delivered_at,
    shippingCountry: row.shipping_country,
    shippingAddress: row.shipping_address,
    updatedAt: row.updated_at,
    items,
  };
}

/** One product in one order of a customer. */
export interface PurchaseLine {
  customerId: string;
  productId: string;
  quantity: number;
  placedAt: string;
}

/** Orders and their lines. */
export class OrdersRepository {
  private readonly upsertStmt: Statement;
  private readonly deleteItems: Statement<[string]>;
  private readonly recountSold: Statement<[string]>;
  private readonly insertItem: Statement;
  private readonly byId: Statement<[string], OrderRow>;
  private readonly itemsOf: Statement<[string], ItemRow>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(`
      INSERT INTO orders (id, customer_id, email, status, placed_at, total_minor, currency, carrier,
        tracking_number, shipped_at, eta, delivered_at, shipping_country, shipping_address, updated_at)
      VALUES (@id, @customerId, @email, @status, @placedAt, @totalMinor, @currency, @carrier,
        @trackingNumber, @shippedAt, @eta, @deliveredAt, @shippingCountry, @shippingAddress, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, email = excluded.email,
        status = excluded.status, placed_at = excluded.placed_at, total_minor = excluded.total_minor,
        currency = excluded.currency, carrier = excluded.carrier, tracking_number = excluded.tracking_number,
        shipped_at = excluded.shipped_at, eta = excluded.eta, delivered_at = excluded.delivered_at,
        shipping_country = excluded.shipping_country, shipping_address = excluded.shipping_address,
        updated_at = excluded.updated_at`);
    this.deleteItems = db.prepare('DELETE FROM order_items WHERE order_id = ?');
    this.recountSold = db.prepare(`UPDATE products SET units_sold =
      (SELECT coalesce(sum(max(quantity, 0)), 0) FROM order_items WHERE product_id = products.id) WHERE id = ?`);
    this.insertItem = db.prepare(`
      INSERT INTO order_items (order_id, line, product_id, name, quantity, unit_price_minor)
      VALUES (@orderId, @line, @productId, @name, @quantity, @unitPriceMinor)`);
    this.byId = db.prepare('SELECT * FROM orders WHERE id = ?');
    this.itemsOf = db.prepare('SELECT product_id, name, quantity, unit_price_minor FROM order_items WHERE order_id = ? ORDER BY line');
  }

  /** Inserts or replaces orders with their lines, in one transaction; recounts the units sold of their products. */
  upsertMany(orders: readonly Order[]): void {
    this.db.transaction(() => {
      const sold = new Set<string>();
      for (const order of orders) {
        this.upsertStmt.run(order);
        // Replaced lines take their units off their products (trigger `order_items_unsold`).
        this.deleteItems.run(order.id);
        order.items.forEach((item, line) => {
          this.insertItem.run({ orderId: order.id, line, ...item });
          sold.add(item.productId);
        });
      }
      for (const productId of sold) this.recountSold.run(productId);
    })();
  }

  findById(id: string): Order | undefined {
    const row = this.byId.get(id);
    return row && toOrder(row, this.loadItems(row.id));
  }

  /**
   * The order only if the email matches the one on it (case-insensitive): the identity check
   * that guards order details in chat.
   */
  findByIdAndEmail(id: string, email: string): Order | undefined {
    const order = this.findById(id);
    return order && order.email.toLowerCase() === email.trim().toLowerCase() ? order : undefined;
  }

  /** A customer's orders, newest first. */
  listByCustomer(customerId: string, limit = 20): Order[] {
    const rows = this.db
      .prepare('SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT ?')
      .all(customerId, limit) as OrderRow[];
    return rows.map((row) => toOrder(row, this.loadItems(row.id)));
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  }

  /**
   * Every product bought by a known customer (cancelled orders left out), oldest first: the
   * purchase history the recommender learns from.
   */
  purchases(): PurchaseLine[] {
    return this.db
      .prepare(`SELECT o.customer_id AS customerId, i.product_id AS productId, i.quantity, o.placed_at AS placedAt
        FROM orders o JOIN order_items i ON i.order_id = o.id
        WHERE o.customer_id IS NOT NULL AND o.status <> 'cancelled'
        ORDER BY o.placed_at, o.id, i.line`)
      .all() as PurchaseLine[];
  }

  private loadItems(orderId: string): OrderItem[] {
    return this.itemsOf.all(orderId).map((r) => ({
      productId: r.product_id,
      name: r.name,
      quantity: r.quantity,
      unitPriceMinor: r.unit_price_minor,
    }));
  }
}
