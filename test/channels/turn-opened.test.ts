/**
 * A handoff (or a follow-up, when nobody is online) is stored as soon as the turn decides on it,
 * before the turn commits its reply. A server stopped in between (simulated as in
 * turn-commit.test.ts: a hook that never returns, then the database opened again) restarts with
 * the handoff open and the message unanswered: the rerun must tell the shopper a person is coming
 * (or ask for their email), once, and not pass their message to the agents unanswered.
 */
import path from 'node:path';
import { ConversationDelivery, DEFAULT_HANDOFF_SETTINGS, HandoffHook, HandoffService, ShopBot, ShopperChannel, StoredConversationState, type ChatMessage, type TurnHooks } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { openStore, type Store } from '../../store';
import { addAgent } from '../handoff/fixtures';
import { tempDir } from '../support/shop-server';

interface RunningShop {
  store: Store;
  channel: ShopperChannel;
  delivered: ChatMessage[];
}

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createBuiltinNlu();
});

function startShop(file: string, hooks: TurnHooks[] = []): RunningShop {
  const store = openStore({ file });
  const delivery = new ConversationDelivery(store);
  delivery.register('widget', { send: () => undefined });
  const service = new HandoffService(store, delivery, { now: () => Date.now() }, DEFAULT_HANDOFF_SETTINGS);
  const bot = new ShopBot({ nlu, store, conversationState: new StoredConversationState(store), hooks: [new HandoffHook(service), ...hooks] });
  const delivered: ChatMessage[] = [];
  const outbox = { deliver: (_id: string, message: ChatMessage) => delivered.push(message), typing: () => undefined };
  const channel = new ShopperChannel(store, bot, outbox, (err) => {
    throw err;
  });
  return { store, channel, delivered };
}

/** A hook that stops the turn of one message for good, after the bot answered it (as a kill -9 would). */
function stopsAt(text: string): { hook: TurnHooks; reached: Promise<void> } {
  let reached = (): void => undefined;
  const hook: TurnHooks = {
    afterTurn: (context) => {
      if (context.activity.text !== text) return Promise.resolve();
      reached();
      return new Promise<void>(() => undefined);
    },
  };
  return { hook, reached: new Promise<void>((resolve) => (reached = resolve)) };
}

describe('a handoff opened by a turn that never committed', () => {
  const tmp = tempDir();
  const open: Store[] = [];
  afterAll(() => {
    for (const store of open) store.close();
    tmp.cleanup();
  });

  /** Runs `text` on a server that stops in its turn, then restarts on the same file and answers it. */
  async function stopAndRestart(file: string, text: string, before: (store: Store) => void): Promise<{ restarted: RunningShop; conversationId: string; messageId: string }> {
    const stop = stopsAt(text);
    // The stopped server's connection stays as a killed process leaves it: never closed (its
    // hung turn still has a timer to run).
    const first = startShop(file, [stop.hook]);
    before(first.store);
    const conversationId = first.store.conversations.openForSession(first.store.sessions.create('en').id, 'widget', 'en').id;
    const { message } = await first.channel.receive(conversationId, 'c-1', text);
    await stop.reached;
    expect(first.delivered).toEqual([]);

    const restarted = startShop(file);
    open.push(restarted.store);
    expect(restarted.channel.resumeUnanswered('')).toBe(1);
    await restarted.channel.drain();
    return { restarted, conversationId, messageId: message.id };
  }

  it('tells the shopper again that a person is coming, and keeps the one handoff', async () => {
    const file = path.join(tmp.dir, 'handoff.db');
    const { restarted, conversationId, messageId } = await stopAndRestart(file, 'I want to talk to a human', (store) => addAgent(store));
    expect(restarted.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/person from our team.*wait/is)]);
    expect(restarted.store.conversations.turnDone(messageId)).toBe(true);
    const handoffs = restarted.store.db.prepare('SELECT status FROM handoffs WHERE conversation_id = ?').pluck().all(conversationId);
    expect(handoffs).toEqual(['queued']);

    // The next message is the agents' to answer, as for any conversation a person owns.
    await restarted.channel.receive(conversationId, 'c-2', 'hello? anyone?');
    await restarted.channel.drain();
    expect(restarted.delivered).toHaveLength(1);
  });

  it('asks again for the email when nobody was online, and does not take the message as what to pass on', async () => {
    const file = path.join(tmp.dir, 'follow-up.db');
    const { restarted, conversationId } = await stopAndRestart(file, 'let me speak to an agent', () => undefined);
    expect(restarted.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/Nobody from our team is online/)]);
    expect(restarted.store.handoffExtras.pendingFollowUp(conversationId)).toMatchObject({ status: 'awaiting_email', text: null });

    await restarted.channel.receive(conversationId, 'c-2', 'ann@example.com');
    await restarted.channel.drain();
    expect(restarted.delivered.at(-1)?.text).toMatch(/What would you like us to know/);
  });
});
