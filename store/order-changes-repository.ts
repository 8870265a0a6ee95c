import type { Database, Statement } from 'better-sqlite3';
import type { AuditRepository } from './audit-repository';
import { isoNow, type Clock } from './clock';
import type { OrdersRepository } from './orders-repository';
import type { PaymentsRepository } from './payments-repository';
import type { ReturnsRepository } from './returns-repository';
import type { Order, OrderEventType, OrderStatus, ReturnRecord } from './types';

/** Statuses in which an order has not left the warehouse, so it can still be cancelled or re-addressed. */
export const BEFORE_DISPATCH: readonly OrderStatus[] = ['pending', 'paid', 'processing'];

/** Why a change was refused. */
export type ChangeRefusal = 'not_found' | 'dispatched' | 'closed';

/** The outcome of a change: the order after it, or why it was refused. */
export type ChangeResult = { ok: true; order: Order } | { ok: false; reason: ChangeRefusal; order?: Order };

/** One event about an order from the shop (`POST /api/shop/order-events`). */
export interface OrderEvent {
  /** The shop's id of the event: the same id is applied once. */
  id: string;
  orderId: string;
  type: OrderEventType;
  /** When it happened (ISO 8601). */
  at: string;
  carrier?: string;
  trackingNumber?: string;
  eta?: string;
  /** Paid or refunded amount in minor units. @default the order total */
  amountMinor?: number;
}

/** What applying an event did. */
export type EventOutcome = 'applied' | 'duplicate' | 'unknown_order';

function snapshot(order: Order): Record<string, unknown> {
  return {
    status: order.status,
    shippingAddress: order.shippingAddress,
    shippingCountry: order.shippingCountry,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    eta: order.eta,
  };
}

function afterEvent(order: Order, event: OrderEvent): Order {
  switch (event.type) {
    case 'paid':
      return { ...order, status: BEFORE_DISPATCH.includes(order.status) ? 'paid' : order.status };
    case 'shipped':
      return {
        ...order,
        status: 'shipped',
        shippedAt: event.at,
        carrier: event.carrier ?? order.carrier,
        trackingNumber: event.trackingNumber ?? order.trackingNumber,
        eta: event.eta ?? order.eta,
      };
    case 'delivered':
      return { ...order, status: 'delivered', deliveredAt: event.at };
    case 'refunded':
      return { ...order, status: 'refunded' };
    default:
      return event.type satisfies never;
  }
}

/**
 * Every change the bot or the shop makes to an order, each in one transaction with its audit
 * entry (who, what, when, before, after).
 */
export class OrderChangesRepository {
  private readonly insertAddress: Statement;
  private readonly insertEvent: Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly deps: { orders: OrdersRepository; returns: ReturnsRepository; payments: PaymentsRepository; audit: AuditRepository; nextId: (prefix: string) => string },
  ) {
    this.insertAddress = db.prepare(`
      INSERT INTO addresses (id, order_id, customer_id, address, country, created_at)
      VALUES (@id, @orderId, @customerId, @address, @country, @at)`);
    this.insertEvent = db.prepare(
      'INSERT INTO order_events (event_id, order_id, type, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING',
    );
  }

  /** Cancels an order that has not been dispatched. */
  cancel(orderId: string, actor: string): ChangeResult {
    return this.change(orderId, actor, 'order.cancel', (order) => ({ ...order, status: 'cancelled' }));
  }

  /** Sends an order that has not been dispatched to a new address (kept in the address history). */
  changeAddress(orderId: string, address: { address: string; country: string | null }, actor: string): ChangeResult {
    return this.change(orderId, actor, 'order.address', (order) => {
      this.insertAddress.run({ id: this.deps.nextId('adr'), orderId, customerId: order.customerId, ...address, at: isoNow(this.clock) });
      return { ...order, shippingAddress: address.address, shippingCountry: address.country ?? order.shippingCountry };
    });
  }

  /** Opens a return (RMA) on an order, audited. Eligibility is the caller's rule. */
  createReturn(order: Order, reason: string, actor: string): ReturnRecord {
    return this.db.transaction(() => {
      const created = this.deps.returns.create({ orderId: order.id, reason, refundMinor: order.totalMinor, currency: order.currency });
      this.deps.audit.record({ actor, action: 'return.create', entityType: 'return', entityId: created.rma, before: null, after: created });
      return created;
    })();
  }

  /** Records that the invoice of an order was sent again to its email. */
  recordInvoiceResent(order: Order, actor: string): void {
    this.deps.audit.record({ actor, action: 'invoice.resend', entityType: 'order', entityId: order.id, before: null, after: { to: order.email } });
  }

  /** Applies a shop's order event once (by event id): status, shipment facts, payments, returns. */
  applyEvent(event: OrderEvent, actor: string): EventOutcome {
    return this.db.transaction((): EventOutcome => {
      const order = this.deps.orders.findById(event.orderId);
      if (!order) return 'unknown_order';
      const fresh = this.insertEvent.run(event.id, event.orderId, event.type, isoNow(this.clock)).changes === 1;
      if (!fresh) return 'duplicate';
      const updated = { ...afterEvent(order, event), updatedAt: isoNow(this.clock) };
      this.deps.orders.upsertMany([updated]);
      this.recordPaymentOf(event, order);
      if (event.type === 'refunded') {
        for (const open of this.deps.returns.listByOrder(order.id).filter((r) => r.status !== 'refunded' && r.status !== 'rejected')) {
          this.deps.returns.setStatus(open.id, 'refunded');
        }
      }
      this.deps.audit.record({ actor, action: `order.${event.type}`, entityType: 'order', entityId: order.id, before: snapshot(order), after: snapshot(updated) });
      return 'applied';
    })();
  }

  private recordPaymentOf(event: OrderEvent, order: Order): void {
    if (event.type !== 'paid' && event.type !== 'refunded') return;
    const method = this.deps.payments.listByOrder(order.id)[0]?.method ?? 'card';
    this.deps.payments.record({
      orderId: order.id,
      method,
      status: event.type === 'paid' ? 'captured' : 'refunded',
      amountMinor: event.amountMinor ?? order.totalMinor,
      currency: order.currency,
      failureReason: null,
      at: event.at,
    });
  }

  private change(orderId: string, actor: string, action: string, apply: (order: Order) => Order): ChangeResult {
    return this.db.transaction((): ChangeResult => {
      const order = this.deps.orders.findById(orderId);
      if (!order) return { ok: false, reason: 'not_found' };
      if (order.status === 'cancelled' || order.status === 'refunded') return { ok: false, reason: 'closed', order };
      if (!BEFORE_DISPATCH.includes(order.status)) return { ok: false, reason: 'dispatched', order };
      const updated = { ...apply(order), updatedAt: isoNow(this.clock) };
      this.deps.orders.upsertMany([updated]);
      this.deps.audit.record({ actor, action, entityType: 'order', entityId: orderId, before: snapshot(order), after: snapshot(updated) });
      return { ok: true, order: updated };
    })();
  }
}
