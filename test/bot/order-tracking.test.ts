import { ConversationState, TestAdapter } from 'botbuilder';
import { ShopBot, SqliteStorage } from '../../bot';
import type { Order, Store } from '../../store';
import { quickReplies, says, testBot, testNlu, textOf } from './shop-fixture';

describe('order tracking, as a script', () => {
  let store: Store;
  let adapter: TestAdapter;

  beforeEach(async () => {
    ({ store, adapter } = await testBot());
  });

  afterEach(() => store.close());

  it('greets and offers what it can do', async () => {
    await adapter.send('hi').assertReply((a) => {
      expect(textOf(a)).toMatch(/track an order/i);
      expect(a.suggestedActions?.actions.length).toBeGreaterThan(0);
    });
  });

  it('asks for the order number and the email, then tells status, carrier, tracking and ETA', async () => {
    await adapter
      .send('where is my order?')
      .assertReply(says(/order number/i))
      .send('536365')
      .assertReply(says(/email/i))
      .send('ann@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/536365/);
        expect(textOf(a)).toMatch(/on its way/);
        expect(textOf(a)).toMatch(/Royal Mail/);
        expect(textOf(a)).toMatch(/RM123456789GB/);
        expect(textOf(a)).toMatch(/Saturday 21 November/);
      });
  });

  it('uses the order number and email given up front', async () => {
    await adapter.send('where is order #536365? my email is Ann@Example.com').assertReply(says(/Royal Mail/));
  });

  it('re-asks once for a bad order number, then offers a person', async () => {
    await adapter
      .send('track my order')
      .assertReply(says(/order number/i))
      .send('no idea')
      .assertReply(says(/6-digit/))
      .send('still no idea')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/a person can help/i);
        expect(quickReplies(a)).toEqual(["I'd like to talk to a person"]);
      })
      .send('hello')
      .assertReply((a) => expect(textOf(a)).not.toMatch(/order number\?/i));
  });

  it('never shows an order to the wrong email: a second wrong pair offers a person, a third in the conversation locks', async () => {
    await adapter
      .send('where is my order 536365')
      .assertReply(says(/email/i))
      .send('eve@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/couldn't find/i);
        expect(textOf(a)).not.toMatch(/Royal Mail/);
      })
      .send('536365')
      .assertReply(says(/email/i))
      .send('mallory@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/check the order number/i);
        expect(textOf(a)).toMatch(/a person can help/i);
        expect(textOf(a)).not.toMatch(/Royal Mail/);
      })
      .send('where is order 536365? trent@example.com')
      .assertReply(says(/a person can help/i))
      .send('where is order 536365? ann@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/can't check any more order numbers/i);
        expect(textOf(a)).not.toMatch(/Royal Mail/);
      });
  });

  it('lets the shopper leave the dialog', async () => {
    await adapter.send('where is my order?').assertReply(says(/order number/i)).send('never mind').assertReply(says(/stopped/i));
  });

  it('answers a follow-up about the order already proved, without asking again', async () => {
    await adapter
      .send('where is my order 536365 ann@example.com')
      .assertReply(says(/Royal Mail/))
      .send('where is my order?')
      .assertReply(says(/536365/))
      .send('and when will it arrive?')
      .assertReply(says(/Expected delivery: Saturday 21 November/));
  });

  it('answers a delivery question while waiting for the email, then asks for the email again', async () => {
    await adapter
      .send('where is my order?')
      .assertReply(says(/order number/i))
      .send('536365')
      .assertReply(says(/email/i))
      .send('actually, what are your delivery options?')
      .assertReply(says(/We deliver to: United Kingdom: Standard £3\.95/))
      .assertReply(says(/email address/i))
      .send('ann@example.com')
      .assertReply(says(/Royal Mail/));
  });

  it('speaks Chinese to a Chinese shopper, follow-up and wrong inputs included', async () => {
    await adapter
      .send('我的订单到哪了？')
      .assertReply(says(/订单号/))
      .send('我不知道')
      .assertReply(says(/6位数字/))
      .send('536365')
      .assertReply(says(/邮箱/))
      .send('ann@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/运输中/);
        expect(textOf(a)).toMatch(/Royal Mail/);
      })
      .send('什么时候能到？')
      .assertReply(says(/预计送达/));
  });

  it('needs no email from a shopper signed in through the shop, for their own orders only', async () => {
    store.customers.upsertMany([{ id: 'c-ann', email: 'ann@example.com', name: 'Ann', country: 'United Kingdom', locale: 'en', createdAt: '2026-01-01T00:00:00.000Z' }]);
    store.orders.upsertMany([{ ...(store.orders.findById('536365') as Order), customerId: 'c-ann' }]);
    const session = store.sessions.create('en', 'c-ann');
    adapter.conversation.conversation.id = store.conversations.openForSession(session.id, 'widget', 'en').id;
    await adapter
      .send('where is my order?')
      .assertReply(says(/536365.*Royal Mail/))
      .send('where is order 536370?')
      .assertReply(says(/email/i));
  });

  it('keeps the dialog where it was when the bot is rebuilt over the same store', async () => {
    await adapter.send('where is my order?').assertReply(says(/order number/i));
    const rebuilt = new ShopBot({ nlu: await testNlu(), store, conversationState: new ConversationState(new SqliteStorage(store)) });
    const conversation = adapter.conversation;
    const resumed = new TestAdapter((context) => rebuilt.run(context));
    resumed.conversation = conversation;
    await resumed.send('536365').assertReply(says(/email/i));
  });
});
