import { openStore, seedShopSkills, sequentialIds, type Order, type Store } from '../../store';
import { testOrder } from '../bot/shop-fixture';

const NOW = Date.parse('2026-11-20T10:00:00Z');

function order(id: string, status: Order['status'], extra: Partial<Order> = {}): Order {
  return testOrder(id, 'ann@example.com', status, { placedAt: '2026-11-10T09:00:00.000Z', ...extra });
}

describe('shop skills store', () => {
  let store: Store;

  beforeEach(() => {
    store = openStore({ file: ':memory:', clock: { now: () => NOW }, ids: sequentialIds() });
    store.orders.upsertMany([order('100001', 'paid'), order('100002', 'shipped'), order('100003', 'pending'), order('100004', 'refunded')]);
  });

  afterEach(() => store.close());

  it('cancels an order before dispatch, audited with before and after, and refuses a shipped one', () => {
    const done = store.orderChanges.cancel('100001', 'bot:conv_1');
    expect(done.ok && done.order.status).toBe('cancelled');
    expect(store.orders.findById('100001')?.status).toBe('cancelled');
    const [entry] = store.audit.listFor('order', '100001');
    expect(entry).toMatchObject({ actor: 'bot:conv_1', action: 'order.cancel', before: { status: 'paid' }, after: { status: 'cancelled' } });
    expect(entry?.at).toBe(new Date(NOW).toISOString());

    expect(store.orderChanges.cancel('100002', 'bot:conv_1')).toMatchObject({ ok: false, reason: 'dispatched' });
    expect(store.orderChanges.cancel('100001', 'bot:conv_1')).toMatchObject({ ok: false, reason: 'closed' });
    expect(store.orderChanges.cancel('999999', 'bot:conv_1')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(store.audit.listFor('order', '100002')).toHaveLength(0);
  });

  it('changes the address before dispatch and keeps the history', () => {
    const done = store.orderChanges.changeAddress('100003', { address: '5 New Street, York YO1 7HH', country: 'United Kingdom' }, 'bot:c');
    expect(done.ok).toBe(true);
    expect(store.orders.findById('100003')?.shippingAddress).toBe('5 New Street, York YO1 7HH');
    expect(store.audit.listFor('order', '100003')[0]?.before).toMatchObject({ shippingAddress: '1 Old Road, Leeds LS1 1AA' });
    const count = store.db.prepare('SELECT count(*) FROM addresses WHERE order_id = ?').pluck().get('100003');
    expect(count).toBe(1);
    expect(store.orderChanges.changeAddress('100002', { address: 'x street 1', country: null }, 'bot:c').ok).toBe(false);
  });

  it('numbers returns per order and records them in the audit log', () => {
    const first = store.orderChanges.createReturn(order('100002', 'shipped'), 'damaged', 'bot:c');
    const second = store.orderChanges.createReturn(order('100002', 'shipped'), 'wrong item', 'bot:c');
    expect([first.rma, second.rma]).toEqual(['RMA-100002-1', 'RMA-100002-2']);
    expect(first).toMatchObject({ status: 'requested', refundMinor: 1530, currency: 'GBP' });
    expect(store.returns.findByRma('rma-100002-1')?.reason).toBe('damaged');
    expect(store.audit.listFor('return', 'RMA-100002-2')[0]?.action).toBe('return.create');
  });

  it('applies an order event once, moving status, shipment, payments and returns', () => {
    const shipped = { id: 'evt-1', orderId: '100001', type: 'shipped' as const, at: '2026-11-19T08:00:00.000Z', carrier: 'DPD', trackingNumber: 'DPD1', eta: '2026-11-21T00:00:00.000Z' };
    expect(store.orderChanges.applyEvent(shipped, 'order-events')).toBe('applied');
    expect(store.orderChanges.applyEvent({ ...shipped, carrier: 'Other' }, 'order-events')).toBe('duplicate');
    expect(store.orders.findById('100001')).toMatchObject({ status: 'shipped', carrier: 'DPD', trackingNumber: 'DPD1' });

    const ret = store.orderChanges.createReturn(order('100001', 'delivered'), 'damaged', 'bot:c');
    expect(store.orderChanges.applyEvent({ id: 'evt-2', orderId: '100001', type: 'refunded', at: '2026-11-20T08:00:00.000Z' }, 'order-events')).toBe('applied');
    expect(store.returns.findByRma(ret.rma)).toMatchObject({ status: 'refunded', refundedAt: new Date(NOW).toISOString() });
    expect(store.payments.listByOrder('100001')[0]).toMatchObject({ status: 'refunded', amountMinor: 1530 });
    expect(store.orderChanges.applyEvent({ id: 'evt-3', orderId: '555555', type: 'paid', at: '2026-11-20T08:00:00.000Z' }, 'x')).toBe('unknown_order');
  });

  it('seeds shipping zones and implied payments once, and finds the zone of a country', () => {
    expect(seedShopSkills(store)).toEqual({ zones: 3, payments: 4 });
    expect(seedShopSkills(store)).toEqual({ zones: 0, payments: 0 });
    expect(store.shipping.zoneFor('fr')?.id).toBe('europe');
    expect(store.shipping.zoneFor('GB')?.rates.map((r) => r.method)).toEqual(['standard', 'tracked', 'express']);
    expect(store.shipping.zoneFor('JP')?.id).toBe('world');
    expect(store.payments.listByOrder('100003')[0]).toMatchObject({ status: 'failed', failureReason: 'declined' });
    expect(store.payments.listByOrder('100004').map((p) => p.status).sort()).toEqual(['captured', 'refunded']);
  });

  it('keeps policies over the defaults', () => {
    expect(store.policies.get().returnWindowDays).toBe(30);
    expect(store.policies.set({ returnWindowDays: 14 }).returnWindowDays).toBe(14);
    expect(store.policies.get()).toMatchObject({ returnWindowDays: 14, couponsPerOrder: 1 });
  });
});
