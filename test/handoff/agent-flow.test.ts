import path from 'node:path';
import type { ChatMessage } from '../../bot';
import { DEMO_USERS, createUser } from '../../server/auth';
import { connectShopper, send, startShop, tempDir, type ShopperClient, type TestShop } from '../support/shop-server';
import { agentSocket, call, connected, emitAck, login, nextEvent, type ConsoleSession } from './console-client';

const AGENT_PASSWORD = 'agent-password-for-tests';

/** Collects every message the shopper receives, to assert what the bot did not say. */
function collect(socket: ShopperClient): ChatMessage[] {
  const seen: ChatMessage[] = [];
  socket.on('message', (m) => seen.push(m));
  return seen;
}

function waitFor(seen: ChatMessage[], match: (m: ChatMessage) => boolean, timeoutMs = 10_000): Promise<ChatMessage> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = seen.find(match);
      if (found) {
        clearInterval(poll);
        resolve(found);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no matching message in ${JSON.stringify(seen.map((m) => `${m.role}: ${m.text}`))}`));
      }
    }, 20);
  });
}

describe('handoff over the real server: shopper widget socket and agent console API', () => {
  const tmp = tempDir();
  let server: TestShop;
  let agent: ConsoleSession;

  beforeAll(async () => {
    server = await startShop(path.join(tmp.dir, 'shop.db'), {}, { SHOPKEEP_DEMO_AGENT_PASSWORD: AGENT_PASSWORD });
    agent = await login(server.url, DEMO_USERS.agent.email, AGENT_PASSWORD);
  }, 30_000);

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('takes a message for an email reply when nobody is online, and lists it in the console', async () => {
    const console = agentSocket(server.url, agent);
    await connected(console);
    const { socket: shopper } = await connectShopper(server.url);
    const seen = collect(shopper);
    await send(shopper, 'I want to talk to a human', 'left-1');
    await waitFor(seen, (m) => /Nobody from our team is online/.test(m.text));
    await send(shopper, 'ann@example.com', 'left-2');
    await waitFor(seen, (m) => /What would you like us to know/.test(m.text));
    const listed = nextEvent(console, 'queue');
    await send(shopper, 'Please call me about my broken vase', 'left-3');
    await waitFor(seen, (m) => /We'll reply to ann@example.com/.test(m.text));
    await listed;
    const { body } = await call(server.url, 'GET', '/api/agent/follow-ups', agent);
    expect(body.followUps).toEqual([expect.objectContaining({ email: 'ann@example.com', text: 'Please call me about my broken vase' })]);
    shopper.disconnect();
    console.disconnect();
  });

  it('hands over, keeps the bot silent while the agent chats, and asks for CSAT after resolve', async () => {
    const console = agentSocket(server.url, agent);
    await connected(console);
    await emitAck(console, 'presence', { presence: 'online' });
    const { socket: shopper } = await connectShopper(server.url);
    const seen = collect(shopper);

    const queued = nextEvent<{ status: string; id: string; conversationId: string }>(console, 'handoff', (h) => h.status === 'queued');
    await send(shopper, 'I want to talk to a human', 'c1');
    const handoff = await queued;
    await waitFor(seen, (m) => m.role === 'bot' && /expected wait/i.test(m.text));
    const queue = await call(server.url, 'GET', '/api/agent/queue', agent);
    expect(queue.body.waiting).toEqual([expect.objectContaining({ claimable: true, handoff: expect.objectContaining({ id: handoff.id, summary: expect.stringMatching(/asked for a person/) }) })]);

    expect((await call(server.url, 'POST', `/api/agent/handoffs/${handoff.id}/claim`, agent)).status).toBe(200);
    await waitFor(seen, (m) => m.role === 'system' && /joined/.test(m.text));
    expect(await emitAck(console, 'watch', { conversationId: handoff.conversationId })).toEqual({ ok: true });

    const botCountBefore = seen.filter((m) => m.role === 'bot').length;
    const toAgent = nextEvent<{ message: { text: string; role: string } }>(console, 'message', (p) => p.message.text === 'where is my order?');
    await send(shopper, 'where is my order?', 'c2');
    expect((await toAgent).message.role).toBe('shopper');
    await send(shopper, 'hello??', 'c3');
    expect((await call(server.url, 'POST', `/api/agent/handoffs/${handoff.id}/messages`, agent, { text: 'Hi, Alex here. <b>Let me check</b>' })).status).toBe(200);
    const reply = await waitFor(seen, (m) => m.role === 'agent');
    expect(reply.text).toBe('Hi, Alex here. <b>Let me check</b>');
    // Shopper typing reaches the agent watching the conversation.
    const typing = nextEvent<{ typing: boolean }>(console, 'typing');
    shopper.emit('typing', { typing: true });
    expect((await typing).typing).toBe(true);

    expect(seen.filter((m) => m.role === 'bot')).toHaveLength(botCountBefore);
    const stored = server.shop.store.conversations.messages(handoff.conversationId);
    expect(stored.filter((m) => m.role === 'bot' && m.createdAt > (server.shop.store.handoffs.findById(handoff.id)?.assignedAt ?? ''))).toEqual([]);

    expect((await call(server.url, 'POST', `/api/agent/handoffs/${handoff.id}/resolve`, agent)).status).toBe(200);
    const csat = await waitFor(seen, (m) => m.role === 'bot' && /rate/.test(m.text));
    expect(csat.quickReplies).toEqual(['1', '2', '3', '4', '5']);
    await send(shopper, '4', 'c4');
    await waitFor(seen, (m) => /Thank you for your rating/.test(m.text));
    expect(server.shop.store.handoffExtras.ratingOf(handoff.id)).toBe(4);
    shopper.disconnect();
    console.disconnect();
  }, 30_000);

  it('gives a claim race between 10 agents (concurrent HTTP requests) exactly one owner, every time', async () => {
    const sessions: ConsoleSession[] = [];
    for (let i = 0; i < 10; i += 1) {
      const email = `racer${i}@shop.test`;
      await createUser(server.shop.store, { email, name: `Racer ${i}`, role: 'agent', password: 'racer-password', capacity: 5 });
      const session = await login(server.url, email, 'racer-password');
      expect((await call(server.url, 'POST', '/api/agent/presence', session, { presence: 'online' })).status).toBe(200);
      sessions.push(session);
    }
    for (let round = 0; round < 5; round += 1) {
      const { socket: shopper, session } = await connectShopper(server.url);
      const seen = collect(shopper);
      await send(shopper, 'let me speak to an agent', `race-${round}`);
      await waitFor(seen, (m) => /expected wait/i.test(m.text));
      const handoff = server.shop.store.handoffs.activeFor(session.conversationId)!;
      const results = await Promise.all(sessions.map((s) => call(server.url, 'POST', `/api/agent/handoffs/${handoff.id}/claim`, s)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      const winner = sessions[results.findIndex((r) => r.status === 200)];
      expect(server.shop.store.handoffs.findById(handoff.id)).toMatchObject({ status: 'assigned', agentId: winner?.user.id });
      shopper.disconnect();
    }
  }, 60_000);
  it('shows the cart and the purchase likelihood from the tracker, and leaves engines not wired absent', async () => {
    expect((await call(server.url, 'POST', '/api/agent/presence', agent, { presence: 'online' })).status).toBe(200);
    const [first, second] = server.shop.store.products.all();
    const { socket: shopper, session } = await connectShopper(server.url);
    const track = (payload: Record<string, unknown>) => new Promise((resolve) => shopper.emit('track', payload as never, resolve));
    await track({ type: 'page_view', pageType: 'informational', url: '/' });
    await track({ type: 'product_view', productId: first!.id, url: `/product.html?id=${first!.id}` });
    await track({ type: 'add_to_cart', productId: first!.id, quantity: 2 });
    await track({ type: 'add_to_cart', productId: second!.id });
    await track({ type: 'remove_from_cart', productId: second!.id });
    const seen = collect(shopper);
    await send(shopper, 'I want to talk to a human', 'insights-1');
    await waitFor(seen, (m) => /wait/i.test(m.text));
    const view = (await call(server.url, 'GET', `/api/agent/conversations/${session.conversationId}`, agent)).body;
    expect(view.cart).toEqual([{ productId: first!.id, name: first!.name, quantity: 2 }]);
    const insights = view.insights as { purchaseLikelihood?: number; recommendations?: unknown; segment?: unknown };
    expect(insights.purchaseLikelihood).toBeGreaterThanOrEqual(0);
    expect(insights.purchaseLikelihood).toBeLessThanOrEqual(1);
    expect(insights.recommendations).toBeUndefined();
    expect(insights.segment).toBeUndefined();
    expect((view.profile as { customer: unknown }).customer).toBeNull();
    shopper.disconnect();
  });
});
