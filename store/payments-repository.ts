import type { Database, Statement } from 'better-sqlite3';
import type { IdGenerator } from './clock';
import type { PaymentFailure, PaymentMethod, PaymentRecord, PaymentStatus } from './types';

interface PaymentRow {
  id: string;
  order_id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amount_minor: number;
  currency: string;
  failure_reason: PaymentFailure | null;
  at: string;
}

function toPayment(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    method: row.method,
    status: row.status,
    amountMinor: row.amount_minor,
    currency: row.currency,
    failureReason: row.failure_reason,
    at: row.at,
  };
}

/** Payment attempts on orders, as the shop reports them. */
export class PaymentsRepository {
  private readonly insert: Statement;
  private readonly byOrder: Statement<[string], PaymentRow>;

  constructor(
    db: Database,
    private readonly ids: IdGenerator,
  ) {
    this.insert = db.prepare(`
      INSERT INTO payments (id, order_id, method, status, amount_minor, currency, failure_reason, at)
      VALUES (@id, @orderId, @method, @status, @amountMinor, @currency, @failureReason, @at)`);
    this.byOrder = db.prepare('SELECT * FROM payments WHERE order_id = ? ORDER BY at DESC, rowid DESC');
  }

  /** Records one attempt; the id is made here unless given. */
  record(payment: Omit<PaymentRecord, 'id'> & { id?: string }): PaymentRecord {
    const stored = { ...payment, id: payment.id ?? this.ids.next('pay') };
    this.insert.run(stored);
    return stored;
  }

  /** An order's payment attempts, newest first. */
  listByOrder(orderId: string): PaymentRecord[] {
    return this.byOrder.all(orderId).map(toPayment);
  }
}
