import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import { statements } from './statements';
import type { BehaviourEvent, EventType, ShopperSession } from './types';

interface SessionRow {
  id: string;
  customer_id: string | null;
  locale: string;
  created_at: string;
  last_seen_at: string;
}

interface EventRow {
  id: number;
  session_id: string;
  customer_id: string | null;
  type: EventType;
  page_type: string | null;
  product_id: string | null;
  url: string | null;
  quantity: number | null;
  at: string;
}

function toSession(row: SessionRow): ShopperSession {
  return { id: row.id, customerId: row.customer_id, locale: row.locale, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
}

function toEvent(row: EventRow): BehaviourEvent {
  return {
    id: row.id,
    sessionId: row.session_id,
    customerId: row.customer_id,
    type: row.type,
    pageType: row.page_type,
    productId: row.product_id,
    url: row.url,
    quantity: row.quantity,
    at: row.at,
  };
}

/** A product event with the shopper it belongs to (customer id when known, else session id). */
export interface ProductEvent {
  shopperId: string;
  type: EventType;
  productId: string;
  quantity: number | null;
  at: string;
}

/** A behaviour event as recorded (the store assigns id and time). */
export type NewEvent = Pick<BehaviourEvent, 'sessionId' | 'type'> &
  Partial<Pick<BehaviourEvent, 'pageType' | 'productId' | 'url' | 'quantity'>>;

/** Shopper sessions and their behaviour events (the profile store's raw material). */
export class SessionsRepository {
  private readonly insertSession: Statement;
  private readonly byId: Statement<[string], SessionRow>;
  private readonly touchStmt: Statement;
  private readonly insertEvent: Statement;
  private readonly sql: (sql: string) => Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.sql = statements(db);
    this.insertSession = db.prepare(`INSERT INTO sessions (id, customer_id, locale, created_at, last_seen_at)
      VALUES (@id, @customerId, @locale, @createdAt, @lastSeenAt)`);
    this.byId = db.prepare('SELECT * FROM sessions WHERE id = ?');
    this.touchStmt = db.prepare('UPDATE sessions SET last_seen_at = ?, locale = coalesce(?, locale) WHERE id = ?');
    this.insertEvent = db.prepare(`INSERT INTO events (session_id, customer_id, type, page_type, product_id, url, quantity, at)
      SELECT id, customer_id, @type, @pageType, @productId, @url, @quantity, @at FROM sessions WHERE id = @sessionId`);
  }

  /** Starts a new anonymous session. */
  create(locale: string, customerId: string | null = null): ShopperSession {
    const now = isoNow(this.clock);
    const session: ShopperSession = { id: this.ids.next('ses'), customerId, locale, createdAt: now, lastSeenAt: now };
    this.insertSession.run(session);
    return session;
  }

  findById(id: string): ShopperSession | undefined {
    const row = this.byId.get(id);
    return row && toSession(row);
  }

  /** Marks the session as seen now, optionally switching its locale. */
  touch(id: string, locale?: string): void {
    this.touchStmt.run(isoNow(this.clock), locale ?? null, id);
  }

  /** Links the session to a customer once the shopper has proved who they are. */
  linkCustomer(id: string, customerId: string): void {
    this.sql('UPDATE sessions SET customer_id = ? WHERE id = ?').run(customerId, id);
  }

  /** Records a behaviour event; returns its id, or undefined for an unknown session. */
  recordEvent(event: NewEvent): number | undefined {
    const result = this.insertEvent.run({
      sessionId: event.sessionId,
      type: event.type,
      pageType: event.pageType ?? null,
      productId: event.productId ?? null,
      url: event.url ?? null,
      quantity: event.quantity ?? null,
      at: isoNow(this.clock),
    });
    return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
  }

  /**
   * Every product event of every session (views, carts, purchases), oldest first, with the
   * shopper they belong to: the customer when known, else the session.
   */
  productEvents(): ProductEvent[] {
    return this.sql(`SELECT coalesce(e.customer_id, s.customer_id, e.session_id) AS shopperId, e.type, e.product_id AS productId,
        e.quantity, e.at
      FROM events e JOIN sessions s ON s.id = e.session_id
      WHERE e.product_id IS NOT NULL ORDER BY e.id`).all() as ProductEvent[];
  }

  /** The products a session looked at or carted most recently, newest first, without repeats. */
  recentProducts(sessionId: string, limit = 10): string[] {
    return this.sql(`SELECT product_id FROM events WHERE session_id = ? AND product_id IS NOT NULL
      GROUP BY product_id ORDER BY max(id) DESC LIMIT ?`).pluck().all(sessionId, limit) as string[];
  }

  /** A session's events, oldest first. */
  events(sessionId: string, limit = 500): BehaviourEvent[] {
    const rows = this
      .sql('SELECT * FROM (SELECT * FROM events WHERE session_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id')
      .all(sessionId, limit) as EventRow[];
    return rows.map(toEvent);
  }
}
