import type { TestAdapter } from 'botbuilder';
import type { Store } from '../../store';
import { quickReplies, says, testBot, textOf } from './shop-fixture';

describe('cancelling an order and changing its address, as scripts', () => {
  let store: Store;
  let adapter: TestAdapter;

  beforeEach(async () => {
    ({ store, adapter } = await testBot());
  });

  afterEach(() => store.close());

  it('cancels an order that has not shipped after a yes, and records who did it', async () => {
    await adapter
      .send('I want to cancel my order')
      .assertReply(says(/order number/i))
      .send('536370')
      .assertReply(says(/email/i))
      .send('bob@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/Order 536370 \(£15\.30\) hasn't been dispatched yet.*Shall I cancel it\?/);
        expect(quickReplies(a)).toEqual(['Yes', 'No']);
      })
      .send('yes, cancel it')
      .assertReply(says(/Done: order 536370 is cancelled.*5 working days/));
    expect(store.orders.findById('536370')?.status).toBe('cancelled');
    const [entry] = store.audit.listFor('order', '536370');
    expect(entry).toMatchObject({ action: 'order.cancel', before: { status: 'paid' }, after: { status: 'cancelled' } });
    expect(entry?.actor).toMatch(/^bot:/);
  });

  it('keeps the order on a no, and offers a person after two answers that are neither', async () => {
    await adapter
      .send('cancel order 536370 bob@example.com')
      .assertReply(says(/Shall I cancel it/))
      .send('no')
      .assertReply(says(/stays as it is/))
      .send('please cancel my order')
      .assertReply(says(/Shall I cancel it/))
      .send('purple')
      .assertReply(says(/yes or a no/))
      .send('banana')
      .assertReply(says(/a person can help/i));
    expect(store.orders.findById('536370')?.status).toBe('paid');
    expect(store.audit.listFor('order', '536370')).toHaveLength(0);
  });

  it('refuses to cancel a shipped order, and does not re-ask for an order already proved', async () => {
    await adapter
      .send('where is order 536365? ann@example.com')
      .assertReply(says(/Royal Mail/))
      .send('I want to cancel my order')
      .assertReply(says(/Order 536365 is already on its way, so it can't be cancelled/));
    expect(store.orders.findById('536365')?.status).toBe('shipped');
  });

  it('checks the identity before cancelling', async () => {
    await adapter
      .send('cancel order 536370')
      .assertReply(says(/email/i))
      .send('eve@example.com')
      .assertReply((a) => expect(textOf(a)).not.toMatch(/Shall I cancel/));
    expect(store.orders.findById('536370')?.status).toBe('paid');
  });

  it('cancels in Chinese', async () => {
    await adapter
      .send('我想取消订单')
      .assertReply(says(/订单号/))
      .send('536370')
      .assertReply(says(/邮箱/))
      .send('bob@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/还没有发货，可以取消/);
        expect(quickReplies(a)).toEqual(['是的', '不用了']);
      })
      .send('是的')
      .assertReply(says(/已取消订单 536370/));
    expect(store.orders.findById('536370')?.status).toBe('cancelled');
  });

  it('changes the address before dispatch: re-asks for something that is not an address, confirms, records', async () => {
    await adapter
      .send('I need to change my shipping address for order 536370')
      .assertReply(says(/email/i))
      .send('bob@example.com')
      .assertReply(says(/Order 536370 is going to: 1 Old Road, Leeds LS1 1AA\. What's the new delivery address/))
      .send('somewhere nice')
      .assertReply(says(/doesn't look like a full address/))
      .send('my new address is 5 Rue de Rivoli, 75001 Paris, France')
      .assertReply(says(/Send order 536370 to: 5 Rue de Rivoli, 75001 Paris, France\?/))
      .send('yes')
      .assertReply(says(/will be delivered to 5 Rue de Rivoli/));
    expect(store.orders.findById('536370')).toMatchObject({ shippingAddress: '5 Rue de Rivoli, 75001 Paris, France', shippingCountry: 'France' });
    expect(store.audit.listFor('order', '536370')[0]).toMatchObject({ action: 'order.address', before: { shippingAddress: '1 Old Road, Leeds LS1 1AA' } });
  });

  it('offers a person after two answers that are not addresses, and changes nothing', async () => {
    await adapter
      .send('change the delivery address of 536370 bob@example.com')
      .assertReply(says(/new delivery address/))
      .send('no idea')
      .assertReply(says(/full address/))
      .send('still no idea')
      .assertReply(says(/a person can help/i));
    expect(store.orders.findById('536370')?.shippingAddress).toBe('1 Old Road, Leeds LS1 1AA');
  });

  it('refuses a new address once the order has shipped', async () => {
    await adapter
      .send('change the delivery address for order 536365 ann@example.com')
      .assertReply(says(/already on its way, so its delivery address can't be changed/));
  });

  it('changes the address in Chinese', async () => {
    await adapter
      .send('我想修改收货地址')
      .assertReply(says(/订单号/))
      .send('536370')
      .assertReply(says(/邮箱/))
      .send('bob@example.com')
      .assertReply(says(/新的收货地址/))
      .send('新地址是上海市黄浦区南京东路100号 200001')
      .assertReply(says(/把订单 536370 寄到：上海市黄浦区南京东路100号 200001，对吗？/))
      .send('好的')
      .assertReply(says(/已修改/));
    expect(store.orders.findById('536370')?.shippingAddress).toBe('上海市黄浦区南京东路100号 200001');
  });

  it('answers "change my order" with what can still be changed', async () => {
    await adapter
      .send('I want to change my order 536370 bob@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/change its delivery address or cancel it/);
        expect(quickReplies(a)).toEqual(['Change the delivery address', 'Cancel my order', "I'd like to talk to a person"]);
      })
      .send('我想修改订单 536365 ann@example.com')
      .assertReply(says(/已经不能修改/));
  });
});
