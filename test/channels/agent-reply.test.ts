/**
 * Agents in the console answer shoppers on the channel they wrote from: a Bot Framework shopper
 * gets the agent's words through the channel's connector (continueConversation with the stored
 * reference), a webhook shopper through the signed outbox to the shop's callback.
 */
import path from 'node:path';
import { signature } from '../../bot';
import { DEMO_USERS } from '../../server/auth';
import type { Socket } from 'socket.io-client';
import { agentSocket, call, connected, emitAck, login, type ConsoleSession } from '../handoff/console-client';
import { startShop, tempDir, type TestShop } from '../support/shop-server';
import { startReceiver, type Receiver } from './receiver';

const SECRET = 'agent-reply-secret-0123456789abcdef';
const AGENT_PASSWORD = 'agent-password-for-tests';
let dir: ReturnType<typeof tempDir>;
let running: TestShop;
let connector: Receiver;
let callback: Receiver;
let agent: ConsoleSession;
let consoleSocket: Socket;

beforeAll(async () => {
  dir = tempDir();
  connector = await startReceiver();
  callback = await startReceiver();
  running = await startShop(path.join(dir.dir, 'shop.db'), {}, {
    SHOPKEEP_DEMO_AGENT_PASSWORD: AGENT_PASSWORD,
    SHOPKEEP_WEBHOOK_SECRET: SECRET,
    SHOPKEEP_WEBHOOK_CALLBACK_URL: `${callback.url}/replies`,
  });
  agent = await login(running.url, DEMO_USERS.agent.email, AGENT_PASSWORD);
  // An agent online: a shopper's request becomes a handoff rather than a left message.
  consoleSocket = agentSocket(running.url, agent);
  await connected(consoleSocket);
  await emitAck(consoleSocket, 'presence', { presence: 'online' });
}, 30_000);

afterAll(async () => {
  consoleSocket?.disconnect();
  await running?.stop();
  await connector?.close();
  await callback?.close();
  dir?.cleanup();
});

/** Claims the handoff of the conversation and sends `text` as the agent. */
async function agentAnswers(conversationId: string, text: string): Promise<void> {
  const handoff = running.shop.store.handoffs.latestFor(conversationId);
  if (!handoff) throw new Error(`no handoff for ${conversationId}`);
  expect((await call(running.url, 'POST', `/api/agent/handoffs/${handoff.id}/claim`, agent)).status).toBe(200);
  expect((await call(running.url, 'POST', `/api/agent/handoffs/${handoff.id}/messages`, agent, { text })).status).toBe(200);
}

function conversationOf(channel: string): string {
  return running.shop.store.db.prepare('SELECT id FROM conversations WHERE channel = ?').pluck().get(channel) as string;
}

function bodies(receiver: Receiver): Array<Record<string, unknown>> {
  return receiver.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('reaches a Bot Framework shopper through the stored conversation reference', async () => {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'bf-h-1',
      text: 'I want to talk to a human',
      channelId: 'emulator',
      serviceUrl: connector.url,
      conversation: { id: 'bf-handoff-conv' },
      from: { id: 'bf-shopper' },
      recipient: { id: 'shop-bot' },
    }),
  });
  expect(res.status).toBe(200);
  await agentAnswers(conversationOf('botframework'), 'Hello, this is Sam from the shop.');
  await until(() => bodies(connector).some((b) => b.text === 'Hello, this is Sam from the shop.'), 'the agent reply at the connector');
  const reply = connector.received.find((r) => r.body.includes('Hello, this is Sam'));
  expect(reply?.path).toMatch(/^\/v3\/conversations\/bf-handoff-conv\/activities/);
  expect(JSON.parse(reply?.body ?? '{}')).toMatchObject({ type: 'message', conversation: { id: 'bf-handoff-conv' }, recipient: { id: 'bf-shopper' } });
});

it('reaches a webhook shopper through the signed outbox', async () => {
  const body = JSON.stringify({ id: 'wh-h-1', conversationId: 'shop-conv-h', userId: 'shop-user-h', text: 'I want to talk to a human' });
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${running.url}/api/webhook/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopkeep-timestamp': String(timestamp), 'x-shopkeep-signature': signature(SECRET, timestamp, body) },
    body,
  });
  expect(res.status).toBe(202);
  const conversationId = conversationOf('webhook');
  await until(() => running.shop.store.handoffs.latestFor(conversationId) !== undefined, 'the handoff');
  await agentAnswers(conversationId, 'Hi, Sam here.');
  await until(() => bodies(callback).some((b) => b.text === 'Hi, Sam here.'), 'the agent reply at the callback');
  expect(bodies(callback).find((b) => b.text === 'Hi, Sam here.')).toMatchObject({ role: 'agent', conversationId: 'shop-conv-h', userId: 'shop-user-h' });
});
