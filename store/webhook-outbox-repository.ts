import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import { statements } from './statements';
import type { OutboxDelivery, OutboxStatus } from './types';

interface OutboxRow {
  seq: number;
  id: string;
  conversation_id: string;
  message_id: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

function toDelivery(row: OutboxRow): OutboxDelivery {
  return {
    seq: row.seq,
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The webhook channel's persisted outbox: one row per message to deliver to the shop's callback,
 * so deliveries and their retries survive a restart. Rows of one conversation go out in order.
 */
export class WebhookOutboxRepository {
  private readonly insert: Statement;
  private readonly dueStmt: Statement<[string, number], OutboxRow>;
  private readonly byId: Statement<[string], OutboxRow>;
  private readonly delivered: Statement;
  private readonly failed: Statement;
  private readonly sql: (sql: string) => Statement;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.sql = statements(db);
    this.insert = db.prepare(`INSERT INTO webhook_outbox (id, conversation_id, message_id, body, status, attempts, next_attempt_at, created_at, updated_at)
      VALUES (@id, @conversationId, @messageId, @body, 'pending', 0, @now, @now, @now) ON CONFLICT (message_id) DO NOTHING`);
    // Only the oldest pending row of each conversation may go, so the shop receives replies in order.
    this.dueStmt = db.prepare(`SELECT * FROM webhook_outbox o WHERE o.status = 'pending' AND o.next_attempt_at <= ?
      AND NOT EXISTS (SELECT 1 FROM webhook_outbox p WHERE p.conversation_id = o.conversation_id AND p.status = 'pending' AND p.seq < o.seq)
      ORDER BY o.seq LIMIT ?`);
    this.byId = db.prepare('SELECT * FROM webhook_outbox WHERE id = ?');
    this.delivered = db.prepare(`UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, last_error = NULL, updated_at = @now
      WHERE id = @id AND status = 'pending'`);
    this.failed = db.prepare(`UPDATE webhook_outbox SET status = @status, attempts = attempts + 1, last_error = @error,
      next_attempt_at = @next, updated_at = @now WHERE id = @id AND status = 'pending'`);
  }

  /** Queues a message for delivery now (a message is queued once). */
  enqueue(conversationId: string, messageId: string, body: string): OutboxDelivery {
    const id = this.ids.next('dlv');
    this.insert.run({ id, conversationId, messageId, body, now: isoNow(this.clock) });
    return this.find(id) ?? (this.byMessage(messageId) as OutboxDelivery);
  }

  /** One delivery by id. */
  find(id: string): OutboxDelivery | undefined {
    const row = this.byId.get(id);
    return row && toDelivery(row);
  }

  private byMessage(messageId: string): OutboxDelivery | undefined {
    const row = this.sql('SELECT * FROM webhook_outbox WHERE message_id = ?').get(messageId) as OutboxRow | undefined;
    return row && toDelivery(row);
  }

  /** Pending deliveries whose time has come, oldest first, at most one per conversation. */
  due(limit: number): OutboxDelivery[] {
    return this.dueStmt.all(isoNow(this.clock), limit).map(toDelivery);
  }

  /** Marks a delivery done. */
  markDelivered(id: string): void {
    this.delivered.run({ id, now: isoNow(this.clock) });
  }

  /**
   * Records a failed attempt: retried at `nextAttemptAt`, or dead-lettered when `dead`.
   * @param error why it failed (status code or network error), kept for the operator
   */
  markFailed(id: string, error: string, retry: { dead: true } | { dead: false; nextAttemptAt: string }): void {
    const next = retry.dead ? isoNow(this.clock) : retry.nextAttemptAt;
    this.failed.run({ id, status: retry.dead ? 'dead' : 'pending', error: error.slice(0, 500), next, now: isoNow(this.clock) });
  }

  /**
   * Gives a dead letter a fresh set of attempts, due now (after the operator fixed the callback).
   * @returns false when there is no dead delivery with this id
   */
  requeue(id: string): boolean {
    const now = isoNow(this.clock);
    const sql = `UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'`;
    return this.sql(sql).run(now, now, id).changes === 1;
  }

  /** Deliveries in a status, oldest first (dead letters for the operator). */
  list(status: OutboxStatus, limit = 100): OutboxDelivery[] {
    const rows = this.sql('SELECT * FROM webhook_outbox WHERE status = ? ORDER BY seq LIMIT ?').all(status, limit) as OutboxRow[];
    return rows.map(toDelivery);
  }
}
