import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ChatMessage, ClientToServerEvents, ServerToClientEvents, SessionInfo } from '../../bot';
import { createApp, createLogger, loadConfig, type AppDeps, type ShopkeepApp } from '../../server';
import { copyDemoTemplate } from './demo-template';

/** A Shopkeep server on 127.0.0.1:<random port> over a temp database, for integration tests. */
export interface TestShop {
  shop: ShopkeepApp;
  url: string;
  dbFile: string;
  /** Closes the server (the database file stays until `cleanup`). */
  stop(): Promise<void>;
}

/** A temp folder removed by the returned function. */
export function tempDir(prefix = 'shopkeep-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Whether the server keeps the default demo console passwords (then its demo users can come from the template). */
function defaultDemoPasswords(env: Record<string, string>): boolean {
  return env.SHOPKEEP_DEMO_AGENT_PASSWORD === undefined && env.SHOPKEEP_DEMO_MANAGER_PASSWORD === undefined;
}

/**
 * Starts a server on a (new or existing) database file, with the demo shop loaded. A new file
 * starts as a copy of the run's demo template (`demo-template.ts`) unless the test brings its own
 * clock or ids, which the demo would have to be placed by.
 */
export async function startShop(dbFile: string, deps: Partial<AppDeps> = {}, env: Record<string, string> = {}): Promise<TestShop> {
  if (deps.clock === undefined && deps.ids === undefined && env.SHOPKEEP_DEMO !== '0') copyDemoTemplate(dbFile, { consoleUsers: defaultDemoPasswords(env) });
  // No background recommender rebuilds: a test that needs one asks for it.
  const config = loadConfig({ SHOPKEEP_DB: dbFile, SHOPKEEP_DEMO: '1', LOG_LEVEL: 'silent', SHOPKEEP_RECOMMENDER_REBUILD_MINUTES: '0', ...env });
  const shop = await createApp(config, { logger: createLogger('silent'), ...deps });
  const { port } = await shop.listen(0, '127.0.0.1');
  return { shop, url: `http://127.0.0.1:${port}`, dbFile, stop: () => shop.close() };
}

/** A widget-like client of the `/shopper` namespace. */
export type ShopperClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects to `/shopper` and waits for `session` and `history`. */
export async function connectShopper(
  url: string,
  auth: { sessionId?: string; locale?: string } = {},
): Promise<{ socket: ShopperClient; session: SessionInfo; history: ChatMessage[] }> {
  const socket: ShopperClient = connect(`${url}/shopper`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  // Both listeners go on before connecting: `history` follows `session` in the same packet burst.
  const session = new Promise<SessionInfo>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  const history = new Promise<ChatMessage[]>((resolve) => socket.once('history', resolve));
  return { socket, session: await session, history: await history };
}

/** Resolves with the next `count` server messages. */
export function nextMessages(socket: ShopperClient, count = 1, timeoutMs = 10_000): Promise<ChatMessage[]> {
  return new Promise((resolve, reject) => {
    const seen: ChatMessage[] = [];
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error(`waited for ${count} messages, got ${seen.length}: ${JSON.stringify(seen.map((m) => m.text))}`));
    }, timeoutMs);
    const onMessage = (m: ChatMessage): void => {
      seen.push(m);
      if (seen.length < count) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(seen);
    };
    socket.on('message', onMessage);
  });
}

/** Sends a message and resolves with the ack. */
export function send(socket: ShopperClient, text: string, clientId: string): Promise<{ ok: boolean; id?: string; error?: string }> {
  return new Promise((resolve) => socket.emit('message', { clientId, text }, resolve));
}

/** Sends a message and resolves with the bot's first reply. */
export async function ask(socket: ShopperClient, text: string, clientId: string): Promise<ChatMessage> {
  const reply = nextMessages(socket, 1);
  const ack = await send(socket, text, clientId);
  if (!ack.ok) throw new Error(`message refused: ${ack.error}`);
  const [message] = await reply;
  return message as ChatMessage;
}
