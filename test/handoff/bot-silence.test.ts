import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { ConversationDelivery, HandoffHook, HandoffService, HandoffSweeper, ShopBot, SqliteStorage, DEFAULT_HANDOFF_SETTINGS, humansOwnConversation } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { openStore, sequentialIds, type Store } from '../../store';
import { addAgent, manualClock } from './fixtures';

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createBuiltinNlu();
});

const textOf = (a: Partial<Activity>): string => a.text ?? '';

describe('the bot around a human handoff, as a TestAdapter script', () => {
  let store: Store;
  let service: HandoffService;
  let adapter: TestAdapter;
  let delivered: { role: string; text: string }[];
  let conversationId: string;
  const clock = manualClock();

  beforeEach(() => {
    store = openStore({ file: ':memory:', clock, ids: sequentialIds() });
    const session = store.sessions.create('en');
    conversationId = store.conversations.openForSession(session.id, 'widget', 'en').id;
    const delivery = new ConversationDelivery(store);
    delivered = [];
    delivery.register('widget', { send: (_c, m) => delivered.push({ role: m.role, text: m.text }) });
    service = new HandoffService(store, delivery, clock, DEFAULT_HANDOFF_SETTINGS);
    const bot = new ShopBot({ nlu, store, conversationState: new ConversationState(new SqliteStorage(store)), hooks: [new HandoffHook(service)] });
    adapter = new TestAdapter((context) => bot.run(context), { conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' } });
  });

  afterEach(() => store.close());

  it('hands over on request, stays silent while an agent owns the conversation, then asks for a rating', async () => {
    const agent = addAgent(store, { name: 'Olive' });
    await adapter.send('I want to talk to a human').assertReply((a) => expect(textOf(a)).toMatch(/person from our team.*wait/is));
    const handoff = store.handoffs.activeFor(conversationId)!;
    expect(handoff).toMatchObject({ status: 'queued', trigger: 'asked' });

    expect(humansOwnConversation(store, conversationId)).toBe(true);
    service.claim(handoff.id, agent);
    await adapter.send('hello? where is my order?').assertNoReply('the bot must not answer while an agent owns the conversation', 300);
    await adapter.send('I want to talk to a human').assertNoReply('not even to a repeated ask', 300);
    await adapter.send('thanks').assertNoReply(undefined, 300);
    service.sendAsAgent(handoff.id, agent, 'Hi, Olive here. Let me check.');
    expect(delivered.map((d) => d.role)).toEqual(['system', 'agent']);

    service.resolve(handoff.id, agent);
    expect(humansOwnConversation(store, conversationId)).toBe(false);
    expect(delivered.at(-1)?.text).toMatch(/rate the help/);
    // The CSAT question is a stored bot message; the rating answers it.
    await adapter.send('5').assertReply((a) => expect(textOf(a)).toMatch(/Thank you for your rating/));
    expect(store.handoffExtras.ratingOf(handoff.id)).toBe(5);
    await adapter.send('hello').assertReply((a) => expect(textOf(a).length).toBeGreaterThan(0));
  });

  it('says so when nobody is online and takes a message for an email reply', async () => {
    await adapter.send('let me speak to an agent').assertReply((a) => expect(textOf(a)).toMatch(/Nobody from our team is online/));
    expect(store.handoffs.activeFor(conversationId)).toBeUndefined();
    await adapter.send('ann@example.com').assertReply((a) => expect(textOf(a)).toMatch(/What would you like us to know/));
    await adapter.send('My parcel arrived broken, please call me back').assertReply((a) => expect(textOf(a)).toMatch(/ann@example.com/));
    expect(store.handoffExtras.storedFollowUps()).toEqual([
      expect.objectContaining({ conversationId, email: 'ann@example.com', text: 'My parcel arrived broken, please call me back', status: 'stored' }),
    ]);
  });

  it('does not hand over on a message that only gives details or asks around a product', async () => {
    addAgent(store);
    for (const text of ['my email is ann@example.com', 'what goes with it?', 'it is 536365']) {
      await adapter.send(text).assertReply((a) => expect(textOf(a).length).toBeGreaterThan(0));
      expect(store.handoffs.activeFor(conversationId)).toBeUndefined();
    }
  });

  it('opens a complaint with higher priority, and the shopper can cancel while waiting', async () => {
    addAgent(store);
    await adapter.send('this is terrible service').assertReply((a) => expect(textOf(a)).toMatch(/sorry/i));
    expect(store.handoffs.activeFor(conversationId)).toMatchObject({ trigger: 'complaint', status: 'queued' });
    expect(store.handoffs.activeFor(conversationId)?.priority).toBeGreaterThanOrEqual(2);
    await adapter.send('cancel').assertReply((a) => expect(textOf(a)).toMatch(/cancelled the request/));
    expect(store.handoffs.latestFor(conversationId)).toMatchObject({ status: 'abandoned', endReason: 'shopper_cancelled' });
  });

  it('tells the shopper when a queued handoff expires, after a sweep', async () => {
    addAgent(store);
    await adapter.send('can i talk to someone').assertReply((a) => expect(textOf(a)).toMatch(/person/));
    clock.advance(DEFAULT_HANDOFF_SETTINGS.queueTimeoutMs + 1);
    const sweeper = new HandoffSweeper(service, clock);
    expect(sweeper.sweep().expired).toBe(1);
    expect(store.conversations.messages(conversationId).at(-1)?.text).toMatch(/nobody could take your conversation/);
  });
});
