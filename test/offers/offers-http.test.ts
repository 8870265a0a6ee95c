import path from 'node:path';
import type { ChatMessage } from '../../bot';
import { DEMO_USERS } from '../../server/auth';
import { connectShopper, startShop, tempDir, type ShopperClient, type TestShop } from '../support/shop-server';
import { call, login, type ConsoleSession } from '../handoff/console-client';
import { EVERYONE } from './fixtures';

const AGENT_PASSWORD = 'agent-password-for-tests';
const MANAGER_PASSWORD = 'manager-password-for-tests';
const SHOP_KEY = 'shop-key-for-tests-0123456789abcdef';

type Track = { type: string; pageType?: string; productId?: string; url?: string };

function track(socket: ShopperClient, event: Track): Promise<{ ok: boolean }> {
  return new Promise((resolve) => (socket as unknown as { emit: (e: string, p: unknown, a: (r: { ok: boolean }) => void) => void }).emit('track', event, resolve));
}

/** A shopper browsing: home, a product page (page_view + product_view), add to cart, another page. */
async function browse(socket: ShopperClient, productId: string): Promise<void> {
  const events: Track[] = [
    { type: 'page_view', pageType: 'informational', url: '/' },
    { type: 'page_view', pageType: 'product', url: `/product/${productId}` },
    { type: 'product_view', productId },
    { type: 'add_to_cart', productId },
    { type: 'page_view', pageType: 'administrative', url: '/cart' },
  ];
  for (const event of events) expect((await track(socket, event)).ok).toBe(true);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await pause(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function shopCall(url: string, method: 'GET' | 'POST' | 'PUT', route: string, body?: unknown, key: string | undefined = SHOP_KEY) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function managerPut(url: string, session: ConsoleSession, route: string, body: unknown, csrf = true) {
  const headers: Record<string, string> = { 'content-type': 'application/json', cookie: session.cookie };
  if (csrf) headers['x-csrf-token'] = session.csrfToken;
  const res = await fetch(`${url}${route}`, { method: 'PUT', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('coupon offers in the live product', () => {
  const tmp = tempDir();
  let server: TestShop;
  let agent: ConsoleSession;
  let manager: ConsoleSession;
  let productId: string;
  const sockets: ShopperClient[] = [];

  beforeAll(async () => {
    server = await startShop(path.join(tmp.dir, 'shop.db'), {}, {
      SHOPKEEP_DEMO_AGENT_PASSWORD: AGENT_PASSWORD,
      SHOPKEEP_DEMO_MANAGER_PASSWORD: MANAGER_PASSWORD,
      SHOPKEEP_SHOP_API_KEY: SHOP_KEY,
      SHOPKEEP_OFFER_THROTTLE_SECONDS: '0.2',
    });
    agent = await login(server.url, DEMO_USERS.agent.email, AGENT_PASSWORD);
    manager = await login(server.url, DEMO_USERS.manager.email, MANAGER_PASSWORD);
    productId = server.shop.store.products.all()[0]!.id;
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.stop();
    tmp.cleanup();
  });

  async function shopper(): Promise<{ socket: ShopperClient; sessionId: string; received: ChatMessage[] }> {
    const { socket, session } = await connectShopper(server.url);
    sockets.push(socket);
    const received: ChatMessage[] = [];
    socket.on('message', (m) => received.push(m));
    return { socket, sessionId: session.sessionId, received };
  }

  it('manager routes refuse anonymous callers and agents, and validate the policy', async () => {
    const routes = ['/api/manager/offers/policy', '/api/manager/offers/report', '/api/manager/offers/decisions', '/api/manager/offers/segments'];
    for (const route of routes) {
      expect((await call(server.url, 'GET', route)).status).toBe(401);
      expect((await call(server.url, 'GET', route, agent)).status).toBe(403);
      expect((await call(server.url, 'GET', route, manager)).status).toBe(200);
    }
    expect((await managerPut(server.url, agent, '/api/manager/offers/policy', { policy: EVERYONE })).status).toBe(403);
    expect((await managerPut(server.url, manager, '/api/manager/offers/policy', { policy: EVERYONE }, false)).status).toBe(403);
    const bad = await managerPut(server.url, manager, '/api/manager/offers/policy', { policy: { band: { min: 0.7, max: 0.2 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/band/);
    expect((await call(server.url, 'GET', '/api/manager/offers/policy', manager)).body).toEqual(expect.objectContaining({ enabled: false }));
  });

  it('a shopper browsing under an eligible policy gets exactly one coupon message, kept in the history', async () => {
    const saved = await managerPut(server.url, manager, '/api/manager/offers/policy', { enabled: true, policy: EVERYONE });
    expect(saved.body).toEqual(expect.objectContaining({ enabled: true, policy: EVERYONE, updatedBy: manager.user.id }));
    const { socket, sessionId, received } = await shopper();
    await browse(socket, productId);
    await until(async () => (received.length > 0 ? true : undefined), 'the coupon message');
    // more browsing after the throttle period: considered again, capped, no second coupon
    await pause(400);
    await browse(socket, productId);
    await pause(800);
    expect(received).toHaveLength(1);
    const coupon = received[0]!.coupon!;
    expect(received[0]).toEqual(expect.objectContaining({ role: 'bot', coupon: { code: expect.stringMatching(/^SK-/), percentOff: 10, expiresAt: expect.any(String) } }));
    expect(Date.parse(coupon.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const again = await connectShopper(server.url, { sessionId });
    sockets.push(again.socket);
    expect(again.history.filter((m) => m.coupon).map((m) => m.coupon)).toEqual([coupon]);
    const decisions = (await call(server.url, 'GET', '/api/manager/offers/decisions', manager)).body.decisions as { sessionId: string; action: string; coupon: { code: string } }[];
    expect(decisions.filter((d) => d.sessionId === sessionId)).toEqual([expect.objectContaining({ action: 'offer', coupon: expect.objectContaining({ code: coupon.code }) })]);
  });

  it('a held-out shopper gets no message but is recorded', async () => {
    await managerPut(server.url, manager, '/api/manager/offers/policy', { enabled: true, policy: { ...EVERYONE, holdOutShare: 1 } });
    const { socket, sessionId, received } = await shopper();
    await browse(socket, productId);
    const held = await until(async () => {
      const decisions = (await call(server.url, 'GET', '/api/manager/offers/decisions', manager)).body.decisions as { sessionId: string; action: string; coupon: unknown }[];
      return decisions.find((d) => d.sessionId === sessionId);
    }, 'the hold-out decision');
    expect(held).toEqual(expect.objectContaining({ action: 'hold-out', coupon: null }));
    await pause(500);
    expect(received).toHaveLength(0);
  });

  it('records the redemption from the order event carrying the code, once, and reports it', async () => {
    const code = server.shop.store.coupons.recent(1)[0]!.code;
    const order = (id: string) => ({ id, customerId: null, email: 'buyer@example.com', status: 'pending', placedAt: new Date().toISOString(), totalMinor: 5000, currency: 'GBP',
      items: [{ productId, name: 'Thing', quantity: 1, unitPriceMinor: 5000 }] });
    expect((await shopCall(server.url, 'PUT', '/api/shop/orders', { orders: [order('CP-1'), order('CP-2')] })).json).toEqual({ stored: 2 });
    expect((await shopCall(server.url, 'GET', `/api/shop/coupons/${code}`)).json).toEqual(expect.objectContaining({ valid: true, percentOff: 10 }));
    expect((await shopCall(server.url, 'GET', `/api/shop/coupons/${code}`, undefined, '')).status).toBe(401);
    const paid = { id: 'evt-cp-1', orderId: 'CP-1', type: 'paid', at: new Date().toISOString(), amountMinor: 4500, couponCode: code };
    expect((await shopCall(server.url, 'POST', '/api/shop/order-events', paid)).json).toEqual({ outcome: 'applied', coupon: 'redeemed' });
    expect((await shopCall(server.url, 'POST', '/api/shop/order-events', paid)).json).toEqual({ outcome: 'duplicate', coupon: 'already-redeemed' });
    const other = { ...paid, id: 'evt-cp-2', orderId: 'CP-2' };
    expect((await shopCall(server.url, 'POST', '/api/shop/order-events', other)).json).toEqual({ outcome: 'applied', coupon: 'used-by-another-order' });
    expect((await shopCall(server.url, 'GET', `/api/shop/coupons/${code}`)).json).toEqual({ valid: false, reason: 'used' });
    const report = (await call(server.url, 'GET', '/api/manager/offers/report', manager)).body;
    expect(report).toEqual(expect.objectContaining({ offers: 1, holdOuts: 1, redeemed: 1, revenue: 45, discountGiven: 4.5 }));
    expect(report.conversion).toEqual(expect.objectContaining({ offered: { shoppers: 1, converted: 1, rate: 1 }, holdOut: { shoppers: 1, converted: 0, rate: 0 } }));
    const bad = await call(server.url, 'GET', '/api/manager/offers/report?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', manager);
    expect(bad.status).toBe(400);
  });
});
