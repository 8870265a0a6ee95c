import type { TestAdapter } from 'botbuilder';
import type { Store } from '../../store';
import { cardsOf, quickReplies, says, testBot, textOf } from './shop-fixture';

describe('delivery, payments, invoices, coupons and accounts, as scripts', () => {
  let store: Store;
  let adapter: TestAdapter;

  beforeEach(async () => {
    ({ store, adapter } = await testBot());
  });

  afterEach(() => store.close());

  it('tells delivery options and times for a country from the shipping zones', async () => {
    await adapter
      .send('how long does delivery to France take?')
      .assertReply(says(/Delivery to France: Standard £8\.95 \(4–8 working days, free over £100\); Tracked £14\.95/))
      .send('do you ship to Japan?')
      .assertReply(says(/Delivery to Japan: Tracked £19\.95 \(7–14 working days\)/))
      .send('配送到德国要多久')
      .assertReply(says(/寄往德国：标准配送 £8\.95（4–8个工作日，满£100包邮）/))
      .send('有哪些配送方式')
      .assertReply(says(/英国：标准配送.*欧洲：.*其他国家和地区：/));
  });

  it('says when the shop does not deliver to a country', async () => {
    store.shipping.replaceZones(store.shipping.listZones().filter((z) => !z.isDefault));
    await adapter.send('do you ship to Japan?').assertReply(says(/don't deliver to Japan/));
    store.shipping.replaceZones([]);
    await adapter.send('what are your delivery options?').assertReply(says(/don't have this shop's delivery options yet/));
  });

  it('lists the payment methods the shop accepts, in both languages', async () => {
    store.policies.set({ paymentMethods: ['card', 'paypal', 'alipay'] });
    await adapter
      .send('what payment methods do you accept?')
      .assertReply(says(/We accept debit and credit cards.*PayPal, Alipay/))
      .send('你们支持哪些付款方式')
      .assertReply(says(/PayPal、支付宝/));
  });

  it('explains a failed payment from the payment record, after the identity check', async () => {
    await adapter
      .send('my payment failed')
      .assertReply(says(/takes no money/))
      .assertReply(says(/order number/i))
      .send('536395')
      .assertReply(says(/email/i))
      .send('eve@example.com')
      .assertReply(says(/last payment of £15\.30 on order 536395 failed: your bank declined it/))
      .send('我的付款失败了')
      .assertReply(says(/付款失败不会扣款/))
      .assertReply(says(/订单 536395 最近一笔 £15\.30 的付款失败了/));
  });

  it('says a payment went through when it did', async () => {
    await adapter.send('my payment failed for order 536370 bob@example.com').assertReply(says(/takes no money/)).assertReply(says(/went through/));
  });

  it('sends an invoice again to the email on the order, masked, and records it', async () => {
    await adapter
      .send('can you send me the invoice again?')
      .assertReply(says(/order number/i))
      .send('536365')
      .assertReply(says(/email/i))
      .send('ann@example.com')
      .assertReply(says(/sent the invoice for order 536365 again to a\*\*\*@example\.com/))
      .send('请重新发送发票')
      .assertReply(says(/已将订单 536365 的发票重新发送到 a\*\*\*@example\.com/));
    const entries = store.audit.listFor('order', '536365').filter((e) => e.action === 'invoice.resend');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.after).toEqual({ to: 'ann@example.com' });
  });

  it('answers coupon and account questions honestly, in both languages', async () => {
    await adapter
      .send('can I use two discount codes?')
      .assertReply(says(/one code per order.*can't look up or re-issue codes/))
      .send('优惠券怎么用')
      .assertReply(says(/每个订单限用一个/))
      .send("I can't log in to my account")
      .assertReply(says(/Forgot password/))
      .send('我登录不了账户')
      .assertReply(says(/忘记密码/));
  });

  it('answers a question in passing during another dialog and asks its own question again', async () => {
    await adapter
      .send('I want to return an item')
      .assertReply(says(/order number/i))
      .send('what payment methods do you accept?')
      .assertReply(says(/We accept/))
      .assertReply(says(/order number/i))
      .send('thanks')
      .assertReply(says(/welcome/))
      .assertReply(says(/order number/i))
      .send('536380')
      .assertReply(says(/email/i));
  });

  it('lets a shopper leave mid-dialog: a goodbye ends the waiting question instead of asking it again', async () => {
    // Replies of a turn are queued before `send` resolves, so 300 ms is ample where botbuilder's
    // default would idle 3 s for each check.
    await adapter
      .send('I want to return an item')
      .assertReply(says(/order number/i))
      .send('ok thanks, bye')
      .assertReply(says(/bye/i))
      .assertNoReply('the goodbye does not ask for the order number again', 300)
      .send('hi')
      .assertReply(says(/Hi/))
      .assertNoReply('the greeting does not bring the return dialog back', 300)
      .send('where is my order?')
      .assertReply(says(/order number/i));
  });

  it('switches to another order skill mid-dialog and comes back to the first one', async () => {
    await adapter
      .send('change the delivery address for order 536370 bob@example.com')
      .assertReply(says(/new delivery address/))
      .send('where is my refund?')
      .assertReply((a) => expect(quickReplies(a)).toEqual(['Return an item']))
      .assertReply(says(/new delivery address/))
      .send('12 High Street, York YO1 7HH')
      .assertReply(says(/Send order 536370 to: 12 High Street, York YO1 7HH\?/));
  });

  it('leaves every dialog on "start over", and offers a person after two messages it cannot place', async () => {
    await adapter
      .send('my payment failed')
      .assertReply(says(/takes no money/))
      .assertReply(says(/order number/i))
      .send('start over')
      .assertReply(says(/stopped/))
      .send('blorp fizzle')
      .assertReply(says(/didn't quite get that.*What would you like to do/))
      .send('wobble wibble')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/a person can help/i);
        expect(cardsOf(a)).toEqual([]);
        expect(quickReplies(a)).toEqual(["I'd like to talk to a person"]);
      });
  });

  it('leaves a Chinese dialog on 重新开始', async () => {
    await adapter.send('我要退货').assertReply(says(/订单号/)).send('重新开始').assertReply(says(/已为您取消/));
  });
});
