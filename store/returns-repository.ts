import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import type { ReturnRecord, ReturnStatus } from './types';

interface ReturnRow {
  id: string;
  rma: string;
  order_id: string;
  reason: string;
  status: ReturnStatus;
  refund_minor: number;
  currency: string;
  created_at: string;
  updated_at: string;
  refunded_at: string | null;
}

function toReturn(row: ReturnRow): ReturnRecord {
  return {
    id: row.id,
    rma: row.rma,
    orderId: row.order_id,
    reason: row.reason,
    status: row.status,
    refundMinor: row.refund_minor,
    currency: row.currency,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    refundedAt: row.refunded_at,
  };
}

/** What a new return needs. */
export interface NewReturn {
  orderId: string;
  reason: string;
  refundMinor: number;
  currency: string;
}

/** Returns and their RMA numbers. Changes go through {@link OrderChangesRepository} so they are audited. */
export class ReturnsRepository {
  private readonly insert: Statement;
  private readonly byOrder: Statement<[string], ReturnRow>;
  private readonly byRma: Statement<[string], ReturnRow>;
  private readonly updateStatus: Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.insert = db.prepare(`
      INSERT INTO returns (id, rma, order_id, reason, status, refund_minor, currency, created_at, updated_at, refunded_at)
      VALUES (@id, @rma, @orderId, @reason, 'requested', @refundMinor, @currency, @at, @at, NULL)`);
    this.byOrder = db.prepare('SELECT * FROM returns WHERE order_id = ? ORDER BY created_at DESC, rma DESC');
    this.byRma = db.prepare('SELECT * FROM returns WHERE rma = ?');
    this.updateStatus = db.prepare(`
      UPDATE returns SET status = @status, updated_at = @at,
        refunded_at = CASE WHEN @status = 'refunded' THEN @at ELSE refunded_at END
      WHERE id = @id`);
  }

  /**
   * Creates a return in status `requested`. The RMA number is the order number and a running
   * count (`RMA-536365-1`): readable over the phone, and unique per order.
   */
  create(input: NewReturn): ReturnRecord {
    const count = this.db.prepare('SELECT count(*) FROM returns WHERE order_id = ?').pluck().get(input.orderId) as number;
    const rma = `RMA-${input.orderId}-${count + 1}`;
    this.insert.run({ ...input, id: this.ids.next('ret'), rma, at: isoNow(this.clock) });
    return this.findByRma(rma) as ReturnRecord;
  }

  /** An order's returns, newest first. */
  listByOrder(orderId: string): ReturnRecord[] {
    return this.byOrder.all(orderId).map(toReturn);
  }

  findByRma(rma: string): ReturnRecord | undefined {
    const row = this.byRma.get(rma.toUpperCase());
    return row && toReturn(row);
  }

  /** Moves a return on; `refunded` also stamps the refund time. */
  setStatus(id: string, status: ReturnStatus): void {
    this.updateStatus.run({ id, status, at: isoNow(this.clock) });
  }
}
