/**
 * The shared turn pipeline at the TestAdapter level: the bot sees the store's ids during the
 * turn, the channel gets its own ids back on replies, every reply is stored first, and turns of
 * one conversation never overlap.
 */
import { ActivityHandler, MessageFactory, TestAdapter, type Activity } from 'botbuilder';
import { TurnPipeline, linkChannelUser, storedReplyOf } from '../../bot';
import { openStore, sequentialIds, type Store } from '../../store';

/** A bot that says which ids it saw, with a quick reply. */
class EchoIdsBot extends ActivityHandler {
  readonly seen: Array<{ id?: string; conversationId: string }> = [];
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.seen.push({ id: context.activity.id, conversationId: context.activity.conversation.id });
      await context.sendActivity(MessageFactory.suggestedActions(['yes', 'no'], `you said ${context.activity.text}`));
      await next();
    });
  }
}

let store: Store;
beforeEach(() => {
  store = openStore({ file: ':memory:', ids: sequentialIds() });
});
afterEach(() => store.close());

function conversation() {
  return linkChannelUser(store, { channel: 'botframework', externalKey: '["test","Convo1","user1"]', locale: 'en', reference: {} });
}

describe('TurnPipeline', () => {
  it('runs the bot on store ids, stores the reply, and answers with the channel ids', async () => {
    const bot = new EchoIdsBot();
    const pipeline = new TurnPipeline(store, bot);
    const open = conversation();
    const adapter = new TestAdapter(async (context) => {
      const { message } = pipeline.storeShopperMessage(open.id, context.activity.text ?? '', context.activity.id);
      await pipeline.queue(open.id, () => pipeline.turnLogic(open, message)(context));
    });
    let channelActivityId: string | undefined;
    adapter.use(async (context, next) => {
      channelActivityId = context.activity.id;
      await next();
    });

    await adapter.send('hello').assertReply((reply: Partial<Activity>) => {
      expect(reply.text).toBe('you said hello');
      expect(reply.conversation?.id).toBe('Convo1');
      expect(reply.replyToId).toBe(channelActivityId);
      const stored = storedReplyOf(reply);
      expect(stored).toMatchObject({ role: 'bot', text: 'you said hello', payload: { quickReplies: ['yes', 'no'] } });
    });

    const messages = store.conversations.messages(open.id);
    expect(messages.map((m) => [m.role, m.text])).toEqual([
      ['shopper', 'hello'],
      ['bot', 'you said hello'],
    ]);
    expect(bot.seen).toEqual([{ id: messages[0]?.id, conversationId: open.id }]);
  });

  it('runs the turns of one conversation one at a time, in order', async () => {
    const pipeline = new TurnPipeline(store, new ActivityHandler());
    const order: string[] = [];
    const slow = (name: string, ms: number) => async (): Promise<void> => {
      order.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name} end`);
    };
    await Promise.all([pipeline.queue('c1', slow('first', 30)), pipeline.queue('c1', slow('second', 1))]);
    expect(order).toEqual(['first start', 'first end', 'second start', 'second end']);
  });
});
