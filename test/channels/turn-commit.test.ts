/**
 * A shopper message's turn commits as one: its NLU reading, the bot's replies, the dialog state
 * and the turn-done mark. A server that stops mid-turn (simulated deterministically: a turn hook
 * that never returns, then the database opened again as a restart does) leaves the message
 * unanswered and shows the shopper nothing of it; the restart answers it, once.
 */
import path from 'node:path';
import * as botbuilderStorage from 'botbuilder-core/lib/storage';
import { ShopBot, ShopperChannel, StoredConversationState, type ChatMessage, type TurnHooks } from '../../bot';
import { openStore, seedShopSkills, type Store } from '../../store';
import { ORDERS, PRODUCTS, testNlu } from '../bot/shop-fixture';
import { tempDir } from '../support/shop-server';
import { stopsAt } from '../support/stopped-turn';

interface RunningShop {
  store: Store;
  channel: ShopperChannel;
  delivered: ChatMessage[];
}

async function startShop(file: string, hooks: TurnHooks[] = []): Promise<RunningShop> {
  const store = openStore({ file });
  const bot = new ShopBot({ nlu: await testNlu(), store, conversationState: new StoredConversationState(store), hooks });
  const delivered: ChatMessage[] = [];
  const outbox = { deliver: (_id: string, message: ChatMessage) => delivered.push(message), typing: () => undefined };
  const channel = new ShopperChannel(store, bot, outbox, (err) => {
    throw err;
  });
  return { store, channel, delivered };
}

describe('the commit of a turn', () => {
  const tmp = tempDir();
  const open: Store[] = [];
  afterAll(() => {
    for (const store of open) store.close();
    tmp.cleanup();
  });

  async function shop(file: string, hooks: TurnHooks[] = []): Promise<RunningShop> {
    const running = await startShop(file, hooks);
    open.push(running.store);
    return running;
  }

  it('leaves a message stopped mid-turn unanswered and unseen, and the restart answers it once', async () => {
    const file = path.join(tmp.dir, 'crash.db');
    const stop = stopsAt('536365');
    // The stopped server's connection stays as a killed process leaves it: never closed.
    const first = await startShop(file, [stop.hook]);
    first.store.products.upsertMany(PRODUCTS);
    first.store.orders.upsertMany(Object.values(ORDERS));
    seedShopSkills(first.store);
    const conversation = first.store.conversations.openForSession(first.store.sessions.create('en').id, 'widget', 'en');

    await first.channel.receive(conversation.id, 'c-1', 'where is my order?');
    await first.channel.drain();
    expect(first.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/order number/i)]);
    const { message } = await first.channel.receive(conversation.id, 'c-2', '536365');
    await stop.reached;
    // The bot has answered in the turn, but nothing is sent before the turn commits.
    expect(first.delivered).toHaveLength(1);

    const restarted = await shop(file);
    expect(restarted.store.conversations.turnDone(message.id)).toBe(false);
    expect(restarted.channel.resumeUnanswered('')).toBe(1);
    await restarted.channel.drain();
    expect(restarted.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/email/i)]);
    const transcript = restarted.store.conversations.messages(conversation.id);
    expect(transcript.map((m) => m.role)).toEqual(['shopper', 'bot', 'shopper', 'bot']);
    expect(transcript[2]?.annotations).not.toBeNull();
    expect(restarted.store.conversations.turnDone(message.id)).toBe(true);

    // The dialog state came with the answer: the email completes the tracking.
    await restarted.channel.receive(conversation.id, 'c-3', ORDERS.shipped.email);
    await restarted.channel.drain();
    expect(restarted.delivered.at(-1)?.text).toMatch(/536365/);
    expect((await shop(file)).channel.resumeUnanswered('')).toBe(0);
  });

  it('loads a turn\'s state without botbuilder\'s change hash, and still carries the dialog to the next turn', async () => {
    const running = await shop(path.join(tmp.dir, 'hash.db'));
    running.store.orders.upsertMany(Object.values(ORDERS));
    const conversation = running.store.conversations.openForSession(running.store.sessions.create('en').id, 'widget', 'en');
    const hash = jest.spyOn(botbuilderStorage, 'calculateChangeHash');
    try {
      await running.channel.receive(conversation.id, 'c-1', 'where is my order?');
      await running.channel.drain();
      await running.channel.receive(conversation.id, 'c-2', '536365');
      await running.channel.drain();
      // Stock BotState.load hashes the whole state on every turn; the channel's saves never read it.
      expect(hash).not.toHaveBeenCalled();
    } finally {
      hash.mockRestore();
    }
    expect(running.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/order number/i), expect.stringMatching(/email/i)]);
  });

  it('refuses a message to a widget\'s conversation deleted since it connected, and stores nothing', async () => {
    const running = await shop(path.join(tmp.dir, 'deleted.db'));
    const { conversation } = running.channel.connect(undefined, 'en');
    await running.channel.receive(conversation.id, 'c-1', 'hi');
    await running.channel.drain();
    // Retention purges the conversation while the widget still holds its id.
    expect(running.store.privacy.purgeConversations('2999-01-01T00:00:00.000Z')).toBeGreaterThan(0);
    // (SQLite's error comes from outside Jest's realm: matched by its message.)
    await expect(running.channel.receive(conversation.id, 'c-2', 'are you there?')).rejects.toMatchObject({ message: expect.stringMatching(/FOREIGN KEY/) });
    expect(running.store.db.prepare('SELECT count(*) FROM messages WHERE conversation_id = ?').pluck().get(conversation.id)).toBe(0);
    expect(running.delivered).toHaveLength(1);
  });

  it('counts a turn where the bot stays silent (a person owns the conversation) as done', async () => {
    const silent: TurnHooks = { beforeDialogs: () => Promise.resolve(true) };
    const running = await shop(path.join(tmp.dir, 'silent.db'), [silent]);
    const conversation = running.store.conversations.openForSession(running.store.sessions.create('en').id, 'widget', 'en');
    const { message } = await running.channel.receive(conversation.id, 'c-1', 'hello, anyone there?');
    await running.channel.drain();
    expect(running.delivered).toEqual([]);
    expect(running.store.conversations.turnDone(message.id)).toBe(true);
    expect(running.store.conversations.findMessage(message.id)?.annotations?.intent).toBe('greeting');
    expect(running.channel.resumeUnanswered('')).toBe(0);
  });
});
