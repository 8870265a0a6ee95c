import type { TestAdapter } from 'botbuilder';
import type { Store } from '../../store';
import { quickReplies, says, testBot, textOf } from './shop-fixture';

describe('returns and refunds, as scripts', () => {
  let store: Store;
  let adapter: TestAdapter;

  beforeEach(async () => {
    ({ store, adapter } = await testBot());
  });

  afterEach(() => store.close());

  it('starts a return within the window: asks the reason, creates the RMA, then tells where the refund is', async () => {
    await adapter
      .send('I want to return an item')
      .assertReply(says(/order number/i))
      .send('536380')
      .assertReply(says(/email/i))
      .send('cat@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/start a return for order 536380.*reason/);
        expect(quickReplies(a)).toContain('It arrived damaged');
      })
      .send('!!')
      .assertReply(says(/in a few words/))
      .send('It arrived damaged')
      .assertReply(says(/RMA number is RMA-536380-1.*refund £15\.30.*5 working days/))
      .send('where is my refund?')
      .assertReply(says(/Return RMA-536380-1 on order 536380 .*waiting for the parcel/));
    const [created] = store.returns.listByOrder('536380');
    expect(created).toMatchObject({ rma: 'RMA-536380-1', reason: 'It arrived damaged', status: 'requested', refundMinor: 1530 });
    expect(store.audit.listFor('return', 'RMA-536380-1')[0]?.action).toBe('return.create');
  });

  it('refuses a return once the window has closed, following the configured policy', async () => {
    await adapter
      .send("I'd like to start a return for 536390 dan@example.com")
      .assertReply(says(/return window for order 536390 closed on Thursday 24 September/));
    store.policies.set({ returnWindowDays: 120 });
    await adapter.send("I'd like to start a return for 536390").assertReply(says(/reason for the return/));
    expect(store.returns.listByOrder('536390')).toHaveLength(0);
  });

  it('explains why an order in transit or not yet dispatched cannot be returned', async () => {
    await adapter
      .send('I want to return order 536365 ann@example.com')
      .assertReply(says(/still on its way/))
      .send('I want to return order 536370 bob@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/hasn't been dispatched yet.*cancel it instead/);
        expect(quickReplies(a)).toEqual(['Cancel my order']);
      });
  });

  it('does not open a second return while one is open', async () => {
    store.orderChanges.createReturn(store.orders.findById('536380')!, 'wrong item', 'test');
    await adapter.send('I want to return order 536380 cat@example.com').assertReply(says(/already a return open.*RMA-536380-1/));
  });

  it('returns in Chinese, and answers the refund status with the refund date once refunded', async () => {
    await adapter
      .send('我要退货')
      .assertReply(says(/订单号/))
      .send('536380')
      .assertReply(says(/邮箱/))
      .send('cat@example.com')
      .assertReply((a) => expect(quickReplies(a)).toContain('商品到货时已损坏'))
      .send('商品到货时已损坏')
      .assertReply(says(/退货授权号（RMA）是 RMA-536380-1/));
    store.orderChanges.applyEvent({ id: 'evt-1', orderId: '536380', type: 'refunded', at: '2026-11-20T09:00:00.000Z' }, 'test');
    await adapter.send('退款到哪了').assertReply(says(/RMA-536380-1.*已于.*退款/));
  });

  it('says when there is no return yet, and offers to start one', async () => {
    await adapter.send('where is my refund for order 536380? cat@example.com').assertReply((a) => {
      expect(textOf(a)).toMatch(/no return or refund on order 536380/);
      expect(quickReplies(a)).toEqual(['Return an item']);
    });
  });

  it('explains the refund policy from the shop settings, in both languages', async () => {
    store.policies.set({ returnWindowDays: 14, freeReturns: true });
    await adapter
      .send('what is your refund policy?')
      .assertReply(says(/within 14 days of delivery.*Return postage is free/))
      .send('你们的退货政策是什么')
      .assertReply(says(/收货后14天内可以退货/));
  });
});
