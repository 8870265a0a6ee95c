import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { SESSION_COOKIE } from '../../server/auth';
import { routesOf, type RouteInfo } from './routes';
import { ask, connectShopper, startShop, tempDir, type TestShop } from '../support/shop-server';

/** Routes anyone may call: the public catalog and the widget's recommendations strip, health, sign-in. */
const PUBLIC = new Set(['GET /healthz', 'GET /api/products', 'GET /api/products/:id', 'GET /api/categories', 'GET /api/recommendations', 'POST /api/agent/login']);
/** Routes only a manager may call: these, and everything under `/api/manager/`. */
const MANAGER_ONLY = new Set(['POST /api/agent/canned']);
const isManagerOnly = (key: string): boolean => MANAGER_ONLY.has(key) || key.includes(' /api/manager/');
/**
 * Routes of other channels with their own credentials: the shop's API key, the webhook's
 * signature, Direct Line tokens, Bot Framework JWTs (off when `MicrosoftAppId` is empty).
 */
const MACHINE = /^(\/api\/shop\/|\/api\/webhook\/|\/v3\/|\/api\/messages$)/;
/**
 * Routes whose refusal is not an auth error: Bot Framework JWT checks are off while
 * `MicrosoftAppId` is empty (local use), so a bad activity gets its 400; the Direct Line
 * emulation (`/directline`, local testing) hands out tokens to anyone, like the widget.
 */
const OPEN_BY_DESIGN = /^(\/api\/messages$|\/v3\/)/;

const WEBHOOK_SECRET = 'w'.repeat(40);

async function signIn(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/agent/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function call(url: string, route: RouteInfo, headers: Record<string, string> = {}): Promise<Response> {
  const target = route.path.replace(/:(\w+)/g, 'unknown-$1');
  const body = route.method === 'GET' || route.method === 'HEAD' ? undefined : '{}';
  return fetch(`${url}${target}`, { method: route.method, headers: { 'Content-Type': 'application/json', ...headers }, body });
}

describe('auth on every REST route and socket event; shoppers isolated from each other', () => {
  const tmp = tempDir();
  let shop: TestShop;
  let routes: RouteInfo[];

  beforeAll(async () => {
    shop = await startShop(path.join(tmp.dir, 'shop.db'), {}, {
      SHOPKEEP_SHOP_API_KEY: 'k'.repeat(32),
      SHOPKEEP_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SHOPKEEP_WEBHOOK_CALLBACK_URL: 'http://127.0.0.1:9/callback',
      SHOPKEEP_DIRECTLINE: '1',
      SHOPKEEP_IP_REQUESTS_PER_MINUTE: '100000',
    });
    routes = routesOf(shop.shop.app);
  });
  afterAll(async () => {
    await shop.stop();
    tmp.cleanup();
  });

  it('finds the routes to test', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([...PUBLIC, ...MANAGER_ONLY]));
  });

  it('refuses every non-public route without credentials (401/403), never a 2xx or 5xx', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (PUBLIC.has(key)) continue;
      const res = await call(shop.url, route);
      const refused = OPEN_BY_DESIGN.test(route.path) ? res.status >= 400 && res.status < 500 : [401, 403].includes(res.status);
      if (!refused) wrong.push(`${key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses machine routes a wrong key or signature', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => MACHINE.test(r.path) && !r.path.startsWith('/v3/') && r.path !== '/api/messages')) {
      const res = await call(shop.url, route, { Authorization: `Bearer ${'x'.repeat(32)}`, 'X-Shopkeep-Signature': 'sha256=00', 'X-Shopkeep-Timestamp': String(Math.floor(Date.now() / 1000)) });
      if (![401, 403].includes(res.status)) wrong.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets an agent use staff routes but no manager route (403), and a manager both', async () => {
    const agent = await signIn(shop.url, 'agent@shopkeep.test', 'demo-agent-pass');
    const manager = await signIn(shop.url, 'manager@shopkeep.test', 'demo-manager-pass');
    const consoleRoutes = routes.filter((r) => /^\/api\/(agent|manager)\//.test(r.path) && !PUBLIC.has(`${r.method} ${r.path}`) && r.path !== '/api/agent/logout');
    const forbiddenToAgent: string[] = [];
    for (const route of consoleRoutes) {
      const key = `${route.method} ${route.path}`;
      const asAgent = await call(shop.url, route, { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrf });
      expect(asAgent.status).toBeLessThan(500);
      if (asAgent.status === 403 && ((await asAgent.json()) as { error: string }).error.includes('role')) forbiddenToAgent.push(key);
      // A manager may call everything; only reads are tried (a retrain or policy change has effects).
      if (route.method !== 'GET') continue;
      const asManager = await call(shop.url, route, { Cookie: manager.cookie, 'X-CSRF-Token': manager.csrf });
      expect([401, 403]).not.toContain(asManager.status);
      expect(asManager.status).toBeLessThan(500);
    }
    expect(forbiddenToAgent.sort()).toEqual(consoleRoutes.map((r) => `${r.method} ${r.path}`).filter(isManagerOnly).sort());
    expect(forbiddenToAgent.length).toBeGreaterThan(5);
  });

  it('needs the CSRF token of the session for every change made with the cookie', async () => {
    const agent = await signIn(shop.url, 'agent@shopkeep.test', 'demo-agent-pass');
    const presence = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${shop.url}/api/agent/presence`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: agent.cookie, ...headers }, body: JSON.stringify({ presence: 'away' }) });
    expect((await presence({})).status).toBe(403);
    expect((await presence({ 'X-CSRF-Token': `${agent.csrf}x` })).status).toBe(403);
    const other = await signIn(shop.url, 'manager@shopkeep.test', 'demo-manager-pass');
    expect((await presence({ 'X-CSRF-Token': other.csrf })).status).toBe(403);
    expect((await presence({ 'X-CSRF-Token': agent.csrf })).status).toBe(200);
  });

  it('refuses the /agent socket without a staff session, and a signed-out session on its next event', async () => {
    const refuse = (cookie?: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = connect(`${shop.url}/agent`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { Cookie: cookie } : {} });
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err) => resolve(err.message));
      });
    expect(await refuse()).not.toBe('connected');
    expect(await refuse(`${SESSION_COOKIE}=forged-token`)).not.toBe('connected');

    const agent = await signIn(shop.url, 'agent@shopkeep.test', 'demo-agent-pass');
    const socket = connect(`${shop.url}/agent`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { Cookie: agent.cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (event: string, payload: unknown): Promise<{ ok: boolean; error?: string }> =>
      new Promise((resolve) => (socket.emit as (e: string, p: unknown, cb: (r: { ok: boolean }) => void) => void)(event, payload, resolve));
    expect((await ack('presence', { presence: 'online' })).ok).toBe(true);
    await fetch(`${shop.url}/api/agent/logout`, { method: 'POST', headers: { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrf } });
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    expect(await ack('watch', { conversationId: 'x' })).toEqual({ ok: false, error: 'signed out' });
    await dropped;
  });

  it('never shows one shopper another shopper\'s messages, session or order', async () => {
    const a = await connectShopper(shop.url);
    const b = await connectShopper(shop.url);
    let leaked = 0;
    a.socket.on('message', () => (leaked += 1));
    await ask(b.socket, 'hello', 'b-1');
    // An unknown (guessed) session id starts a new, empty session: it never lands in someone's.
    const guess = await connectShopper(shop.url, { sessionId: `${b.session.sessionId.slice(0, -1)}x` });
    expect(guess.session.sessionId).not.toBe(b.session.sessionId);
    expect(guess.history).toEqual([]);
    // A shopper's socket has no way to the console's conversation API.
    expect((await fetch(`${shop.url}/api/agent/conversations/${b.session.conversationId}`)).status).toBe(401);
    // Nor to a Direct Line conversation without its token.
    expect([401, 403, 404]).toContain((await fetch(`${shop.url}/directline/v3/directline/conversations/${b.session.conversationId}/activities`)).status);

    // B's order asked about from A's chat, with A's (wrong) email: no status, no tracking number.
    const order = shop.shop.store.db
      .prepare("SELECT id, email, tracking_number AS tracking FROM orders WHERE status = 'shipped' AND tracking_number IS NOT NULL LIMIT 1")
      .get() as { id: string; email: string; tracking: string };
    await ask(a.socket, 'where is my order?', 'a-1');
    const replies = [await ask(a.socket, order.id, 'a-2'), await ask(a.socket, 'someone.else@example.com', 'a-3')];
    for (const r of replies) {
      expect(r.text).not.toContain(order.tracking);
      expect(r.text.toLowerCase()).not.toContain('shipped');
    }
    expect(leaked).toBe(3); // only A's own three replies
    for (const s of [a, b, guess]) s.socket.disconnect();
  });
});
