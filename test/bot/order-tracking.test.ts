import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { ShopBot, SqliteStorage } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { openStore, sequentialIds, type Order, type Store } from '../../store';

const NOW = Date.parse('2026-11-20T10:00:00Z');

const SHIPPED: Order = {
  id: '536365',
  customerId: null,
  email: 'ann@example.com',
  status: 'shipped',
  placedAt: '2026-11-17T09:00:00.000Z',
  totalMinor: 1530,
  currency: 'GBP',
  carrier: 'Royal Mail',
  trackingNumber: 'RM123456789GB',
  shippedAt: '2026-11-18T09:00:00.000Z',
  eta: '2026-11-21T00:00:00.000Z',
  deliveredAt: null,
  shippingCountry: 'United Kingdom',
  shippingAddress: null,
  updatedAt: '2026-11-18T09:00:00.000Z',
  items: [{ productId: '85123A', name: 'White Hanging Heart T-Light Holder', quantity: 6, unitPriceMinor: 255 }],
};

let nlu: Nlu;

beforeAll(async () => {
  nlu = await createBuiltinNlu();
});

function textOf(activity: Partial<Activity>): string {
  return activity.text ?? '';
}

describe('order tracking, as a script', () => {
  let store: Store;
  let adapter: TestAdapter;

  beforeEach(() => {
    store = openStore({ file: ':memory:', clock: { now: () => NOW }, ids: sequentialIds() });
    store.orders.upsertMany([SHIPPED]);
    const bot = new ShopBot({ nlu, store, conversationState: new ConversationState(new SqliteStorage(store)) });
    adapter = new TestAdapter((context) => bot.run(context));
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
      .assertReply((a) => expect(textOf(a)).toMatch(/order number/i))
      .send('536365')
      .assertReply((a) => expect(textOf(a)).toMatch(/email/i))
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
    await adapter
      .send('where is order #536365? my email is Ann@Example.com')
      .assertReply((a) => expect(textOf(a)).toMatch(/Royal Mail/));
  });

  it('re-asks once for a bad order number, then stops asking', async () => {
    await adapter
      .send('track my order')
      .assertReply((a) => expect(textOf(a)).toMatch(/order number/i))
      .send('no idea')
      .assertReply((a) => expect(textOf(a)).toMatch(/6-digit/))
      .send('still no idea')
      .assertReply((a) => expect(textOf(a)).toMatch(/couldn't find/i))
      .send('hello')
      .assertReply((a) => expect(textOf(a)).not.toMatch(/order number\?/i));
  });

  it('never shows an order to the wrong email, and limits the attempts', async () => {
    await adapter
      .send('where is my order 536365')
      .assertReply((a) => expect(textOf(a)).toMatch(/email/i))
      .send('eve@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/couldn't find/i);
        expect(textOf(a)).not.toMatch(/Royal Mail/);
      })
      .send('536365')
      .assertReply((a) => expect(textOf(a)).toMatch(/email/i))
      .send('mallory@example.com')
      .assertReply((a) => expect(textOf(a)).toMatch(/couldn't find/i))
      .send('536365')
      .assertReply((a) => expect(textOf(a)).toMatch(/email/i))
      .send('trent@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/check the order number/i);
        expect(textOf(a)).not.toMatch(/Royal Mail/);
      });
  });

  it('lets the shopper leave the dialog', async () => {
    await adapter
      .send('where is my order?')
      .assertReply((a) => expect(textOf(a)).toMatch(/order number/i))
      .send('never mind')
      .assertReply((a) => expect(textOf(a)).toMatch(/stopped/i));
  });

  it('answers a follow-up about the order already proved, without asking again', async () => {
    await adapter
      .send('where is my order 536365 ann@example.com')
      .assertReply((a) => expect(textOf(a)).toMatch(/Royal Mail/))
      .send('where is my order?')
      .assertReply((a) => expect(textOf(a)).toMatch(/536365/));
  });

  it('speaks Chinese to a Chinese shopper', async () => {
    await adapter
      .send('我的订单到哪了？')
      .assertReply((a) => expect(textOf(a)).toMatch(/订单号/))
      .send('536365')
      .assertReply((a) => expect(textOf(a)).toMatch(/邮箱/))
      .send('ann@example.com')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/运输中/);
        expect(textOf(a)).toMatch(/Royal Mail/);
      });
  });

  it('keeps the dialog where it was when the bot is rebuilt over the same store', async () => {
    await adapter.send('where is my order?').assertReply((a) => expect(textOf(a)).toMatch(/order number/i));
    const rebuilt = new ShopBot({ nlu, store, conversationState: new ConversationState(new SqliteStorage(store)) });
    const conversation = adapter.conversation;
    const resumed = new TestAdapter((context) => rebuilt.run(context));
    resumed.conversation = conversation;
    await resumed.send('536365').assertReply((a) => expect(textOf(a)).toMatch(/email/i));
  });
});
