/**
 * A handoff (or a follow-up, when nobody is online) and a CSAT rating are stored as soon as the
 * turn decides on them, before the turn commits its reply. A server stopped in between (simulated as in
 * turn-commit.test.ts: a hook that never returns, then the database opened again) restarts with
 * the handoff open and the message unanswered: the rerun must tell the shopper a person is coming
 * (or ask for their email, or thank them for the rating), once, and not pass their message on
 * unanswered.
 */
import path from 'node:path';
import { ConversationDelivery, DEFAULT_HANDOFF_SETTINGS, HandoffHook, HandoffService, ShopBot, ShopperChannel, StoredConversationState, type ChatMessage, type TurnHooks } from '../../bot';
import { createBuiltinNlu, type Nlu } from '../../nlu';
import { openStore, type Store } from '../../store';
import { addAgent } from '../handoff/fixtures';
import { tempDir } from '../support/shop-server';
import { stopsAt } from '../support/stopped-turn';

interface RunningShop {
  store: Store;
  service: HandoffService;
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
  return { store, service, channel, delivered };
}

describe('what a turn stored before a commit that never came', () => {
  const tmp = tempDir();
  const open: Store[] = [];
  afterAll(() => {
    for (const store of open) store.close();
    tmp.cleanup();
  });

  /** Runs `text` on a server that stops in its turn, then restarts on the same file and answers it. */
  async function stopAndRestart(
    file: string,
    text: string,
    before: (first: RunningShop, conversationId: string) => Promise<unknown> | void,
  ): Promise<{ restarted: RunningShop; conversationId: string; messageId: string }> {
    const stop = stopsAt(text);
    // The stopped server's connection stays as a killed process leaves it: never closed (its
    // hung turn still has a timer to run).
    const first = startShop(file, [stop.hook]);
    const conversationId = first.store.conversations.openForSession(first.store.sessions.create('en').id, 'widget', 'en').id;
    await before(first, conversationId);
    first.delivered.length = 0;
    const { message } = await first.channel.receive(conversationId, 'c-stop', text);
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
    const { restarted, conversationId, messageId } = await stopAndRestart(file, 'I want to talk to a human', ({ store }) => {
      addAgent(store);
    });
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

  it('takes the email of a follow-up again, not as the message to pass on', async () => {
    const file = path.join(tmp.dir, 'follow-up-email.db');
    const { restarted, conversationId } = await stopAndRestart(file, 'ann@example.com', async (first, id) => {
      await first.channel.receive(id, 'c-1', 'let me speak to an agent');
      await first.channel.drain();
    });
    expect(restarted.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/What would you like us to know/)]);
    expect(restarted.store.handoffExtras.pendingFollowUp(conversationId)).toMatchObject({ status: 'awaiting_message', email: 'ann@example.com', text: null });
  });

  it('thanks the shopper for a rating its first run stored', async () => {
    const file = path.join(tmp.dir, 'rating.db');
    const { restarted, conversationId } = await stopAndRestart(file, '5', async (first, id) => {
      const agent = addAgent(first.store);
      await first.channel.receive(id, 'c-1', 'I want to talk to a human');
      await first.channel.drain();
      const handoff = first.store.handoffs.activeFor(id);
      first.service.claim(handoff?.id ?? '', agent);
      first.service.resolve(handoff?.id ?? '', agent);
    });
    expect(restarted.delivered.map((m) => m.text)).toEqual([expect.stringMatching(/Thank you for your rating/)]);
    const handoff = restarted.store.handoffs.latestFor(conversationId);
    expect(restarted.store.handoffExtras.ratingOf(handoff?.id ?? '')).toBe(5);
  });
});
