/**
 * A small stand-in for the Shopkeep server that speaks the `/shopper` protocol of DESIGN.md
 * faithfully (session, history, ack after storing, idempotent clientId, `{ok:false}` for bad input)
 * and serves `dist/web` plus the catalog routes, so widget tests run without the real bot. Its
 * state lives outside the server, so a "restart" on the same port keeps the conversations.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { Server, type Socket } from 'socket.io';
import type { Ack, ChatMessage, ClientToServerEvents, ServerToClientEvents, TrackPayload } from '../../server/events';

/** A catalog product as `/api/products` returns it. */
export interface TestProduct {
  id: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  url: string;
  inStock: boolean;
}

/** Conversations and tracked events, kept across restarts of the test server. */
export interface TestShopState {
  sessions: Map<string, ChatMessage[]>;
  tracked: { sessionId: string; event: TrackPayload }[];
  /** The next this-many messages are refused with `{ ok: false, error: 'refused for the test' }`. */
  refuseNext: number;
  /** While true, bot replies wait in `heldReplies` until the test sends them. */
  holdReplies: boolean;
  heldReplies: (() => void)[];
  /** While true, handshakes are refused (as an auth or rate-limit middleware would). */
  refuseConnections: boolean;
  nextId: number;
}

/** A running test shop. */
export interface TestShop {
  url: string;
  port: number;
  state: TestShopState;
  /** Cut every shopper connection as a network failure would (no disconnect packet). */
  dropConnections(): void;
  close(): Promise<void>;
}

const MAX_TEXT = 2000;
const WEB_ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');

/** Eight products, enough for a grid, search and categories. */
export const TEST_PRODUCTS: TestProduct[] = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2.55, 'Home decor'],
  ['71053', 'WHITE METAL LANTERN', 3.39, 'Home decor'],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 2.75, 'Home decor'],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', 7.65, 'Toys'],
  ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', 4.25, 'Home decor'],
  ['22633', 'HAND WARMER UNION JACK', 1.85, 'Gifts'],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 1.69, 'Gifts'],
  ['22745', 'POPPY\'S PLAYHOUSE BEDROOM <b>bold</b>', 2.1, 'Toys'],
].map(([id, name, price, category]) => ({
  id: String(id),
  name: String(name),
  description: `A lovely ${String(name).toLowerCase()}.`,
  price: Number(price),
  currency: 'GBP',
  category: String(category),
  url: `/product.html?id=${encodeURIComponent(String(id))}`,
  inStock: id !== '22752',
}));

/** Fresh, empty state. */
export function createTestShopState(): TestShopState {
  return { sessions: new Map(), tracked: [], refuseNext: 0, refuseConnections: false, holdReplies: false, heldReplies: [], nextId: 1 };
}

function catalogRoutes(products: readonly TestProduct[], recommendations: boolean): express.Router {
  const router = express.Router();
  router.get('/api/products', (req, res) => {
    const q = String(req.query.q ?? '').toLowerCase();
    const category = String(req.query.category ?? '');
    const limit = Math.min(Number(req.query.limit ?? 24) || 24, 100);
    const offset = Number(req.query.offset ?? 0) || 0;
    const matches = products.filter((p) => p.name.toLowerCase().includes(q) && (category === '' || p.category === category));
    res.json({ items: matches.slice(offset, offset + limit), total: matches.length });
  });
  router.get('/api/products/:id', (req, res) => {
    const product = products.find((p) => p.id === req.params.id);
    if (product === undefined) res.status(404).json({ error: 'product not found' });
    else res.json(product);
  });
  router.get('/api/categories', (_req, res) => {
    const counts = new Map<string, number>();
    for (const p of products) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    res.json({ items: [...counts].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count) });
  });
  router.get('/api/recommendations', (_req, res) => {
    if (!recommendations) res.status(404).json({ error: 'not found' });
    else res.json({ items: products.slice(0, 3).map((p) => ({ ...p, reason: 'Popular this week' })) });
  });
  return router;
}

/** The scripted bot of the test shop: enough replies to exercise every part of the widget. */
export function testBotReply(text: string, id: string): ChatMessage {
  const base = { id, role: 'bot' as const, createdAt: new Date().toISOString() };
  const lower = text.toLowerCase();
  if (lower === 'hi') return { ...base, text: 'Hello! How can I help?', quickReplies: ['Where is my order?', 'Recommend something'] };
  if (lower.includes('order')) return { ...base, text: 'Sure. What is your order number?' };
  if (lower.includes('recommend')) {
    return { ...base, text: 'You might like these:', cards: TEST_PRODUCTS.slice(0, 2).map((p) => ({ ...p, reason: 'Customers who bought lanterns also bought this' })) };
  }
  if (lower.includes('coupon')) return { ...base, text: 'Here is a coupon.', coupon: { code: 'SAVE10-XYZ', percentOff: 10, expiresAt: '2030-01-01T12:00:00Z' } };
  return { ...base, text: `You said: ${text}` };
}

type ShopperServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Store a shopper message (once per clientId), ack it, then let the scripted bot answer. */
function onShopperMessage(socket: ShopperServerSocket, state: TestShopState, log: ChatMessage[], payload: unknown, ack: (result: Ack) => void): void {
  const { clientId, text } = (payload ?? {}) as { clientId?: unknown; text?: unknown };
  if (typeof clientId !== 'string' || clientId === '' || typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
    ack({ ok: false, error: 'invalid message' });
    return;
  }
  if (state.refuseNext > 0) {
    state.refuseNext -= 1;
    ack({ ok: false, error: 'refused for the test' });
    return;
  }
  const existing = log.find((m) => m.clientId === clientId);
  if (existing !== undefined) {
    ack({ ok: true, id: existing.id });
    return;
  }
  const stored: ChatMessage = { id: `m${state.nextId++}`, role: 'shopper', text, clientId, createdAt: new Date().toISOString() };
  log.push(stored);
  ack({ ok: true, id: stored.id });
  socket.emit('typing', { role: 'bot', typing: true });
  const reply = testBotReply(text, `m${state.nextId++}`);
  log.push(reply);
  const deliver = (): void => void socket.emit('message', reply);
  if (state.holdReplies) state.heldReplies.push(deliver);
  else setTimeout(deliver, 50);
}

function attachShopper(io: Server<ClientToServerEvents, ServerToClientEvents>, state: TestShopState): void {
  const shopper = io.of('/shopper');
  shopper.use((_socket, next) => next(state.refuseConnections ? new Error('unavailable') : undefined));
  shopper.on('connection', (socket) => {
    const asked: unknown = socket.handshake.auth?.sessionId;
    const sessionId = typeof asked === 'string' && state.sessions.has(asked) ? asked : randomUUID();
    const log = state.sessions.get(sessionId) ?? [];
    state.sessions.set(sessionId, log);
    socket.emit('session', { sessionId, conversationId: `conv-${sessionId}` });
    socket.emit('history', log);
    socket.on('message', (payload: unknown, ack: unknown) => {
      if (typeof ack === 'function') onShopperMessage(socket, state, log, payload, ack as (result: Ack) => void);
    });
    socket.on('track', (event: TrackPayload, ack?: unknown) => {
      state.tracked.push({ sessionId, event });
      if (typeof ack === 'function') ack({ ok: true, id: `t${state.tracked.length}` });
    });
  });
}

/** Options of `startTestShop`. */
export interface TestShopOptions {
  /** State of a previous run, to "restart" with the same conversations. @default fresh state */
  state?: TestShopState;
  /** The port of a previous run to restart on. @default 0 (any free port) */
  port?: number;
  /** Whether `/api/recommendations` answers (else 404, as before the recommender exists). @default true */
  recommendations?: boolean;
  /** Extra HTML pages by path, e.g. a page embedding the widget with other settings. */
  pages?: Record<string, string>;
}

/** Start the test shop on 127.0.0.1. */
export async function startTestShop(options: TestShopOptions = {}): Promise<TestShop> {
  const state = options.state ?? createTestShopState();
  const app = express();
  for (const [pagePath, html] of Object.entries(options.pages ?? {})) {
    app.get(pagePath, (_req, res) => res.type('html').send(html));
  }
  app.use(catalogRoutes(TEST_PRODUCTS, options.recommendations ?? true));
  app.use(express.static(WEB_ROOT));
  const httpServer: HttpServer = createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer);
  attachShopper(io, state);
  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    dropConnections() {
      for (const socket of io.of('/shopper').sockets.values()) socket.conn.close();
    },
    // Closing without a disconnect packet looks like a crash to the clients, so they reconnect.
    // Idle keep-alive connections of the browser would hold the HTTP server open, so cut them.
    async close() {
      const closing = io.close();
      httpServer.closeAllConnections();
      await closing;
    },
  };
}
