/**
 * Frustration through the widget channel, as a server runs it: each shopper message is stored
 * first and its NLU reading only with the turn's commit, so the tracker must see the reading of
 * the message under way (staged) beside the stored readings of the earlier ones.
 */
import { ConversationDelivery, HandoffHook, HandoffService, ShopBot, ShopperChannel, StoredConversationState, DEFAULT_HANDOFF_SETTINGS, type ChatMessage } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { openStore, sequentialIds, type Store } from '../../store';
import { addAgent, manualClock } from './fixtures';

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createBuiltinNlu();
});

describe('frustration in a widget conversation', () => {
  let store: Store;
  let channel: ShopperChannel;
  let delivered: ChatMessage[];
  let conversationId: string;

  beforeEach(() => {
    const clock = manualClock();
    store = openStore({ file: ':memory:', clock, ids: sequentialIds() });
    const delivery = new ConversationDelivery(store);
    const service = new HandoffService(store, delivery, clock, DEFAULT_HANDOFF_SETTINGS);
    const bot = new ShopBot({ nlu, store, conversationState: new StoredConversationState(store), hooks: [new HandoffHook(service)] });
    delivered = [];
    channel = new ShopperChannel(store, bot, { deliver: (_id, message) => delivered.push(message), typing: () => undefined }, (err) => {
      throw err;
    });
    conversationId = store.conversations.openForSession(store.sessions.create('en').id, 'widget', 'en').id;
    addAgent(store, { name: 'Olive' });
  });

  afterEach(() => store.close());

  async function say(clientId: string, text: string): Promise<string | undefined> {
    await channel.receive(conversationId, clientId, text);
    await channel.drain();
    return delivered.at(-1)?.text;
  }

  it('hands over when the bot fails to understand twice in a row, not after once', async () => {
    expect(await say('c-1', 'zxqv blorptang')).not.toMatch(/person from our team/);
    expect(store.handoffs.activeFor(conversationId)).toBeUndefined();
    expect(await say('c-2', 'qwrtk plinjav')).toMatch(/not getting this right/);
    expect(store.handoffs.activeFor(conversationId)).toMatchObject({ trigger: 'frustration', status: 'queued' });
    // Both readings were stored with their turns.
    const readings = store.conversations.shopperReadings(conversationId, '', 10);
    expect(readings.map((r) => r.annotations?.intent)).toEqual(['out_of_scope', 'out_of_scope']);
  });

  it('hands over when the shopper says the same request again', async () => {
    await say('c-1', 'where is my parcel');
    expect(store.handoffs.activeFor(conversationId)).toBeUndefined();
    expect(await say('c-2', 'where is my parcel??')).toMatch(/not getting this right/);
    expect(store.handoffs.activeFor(conversationId)).toMatchObject({ trigger: 'frustration' });
  });

  it('looks past a message whose turn never ran for the request said again', async () => {
    await say('c-1', 'where is my parcel');
    // Stored, never answered (the server stopped before its turn): it has no reading.
    store.conversations.appendMessage({ conversationId, role: 'shopper', text: 'hello?', clientId: 'c-2' });
    expect(await say('c-3', 'where is my parcel??')).toMatch(/not getting this right/);
    expect(store.handoffs.activeFor(conversationId)).toMatchObject({ trigger: 'frustration' });
  });
});
