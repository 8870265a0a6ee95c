import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { LIMIT_ERRORS } from '../../server/security';
import { connectShopper, send, startShop, tempDir, type TestShop } from '../support/shop-server';

function rawSocket(url: string, headers: Record<string, string> = {}): Promise<Socket> {
  const socket = connect(`${url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  return new Promise((resolve, reject) => {
    socket.once('history', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

describe('abuse limits on /shopper and the REST API', () => {
  const tmp = tempDir();
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startShop(path.join(tmp.dir, 'shop.db'), {}, {
      SHOPKEEP_SESSION_MESSAGES_PER_MINUTE: '6',
      SHOPKEEP_IP_MAX_SOCKETS: '4',
      SHOPKEEP_IP_REQUESTS_PER_MINUTE: '40',
      SHOPKEEP_ALLOWED_ORIGINS: 'https://shop.example',
    });
  });
  afterAll(async () => {
    await shop.stop();
    tmp.cleanup();
  });

  it('slows a flooding session with {ok:false,error}, stores none of the refused messages, and leaves another shopper unaffected', async () => {
    const flooder = await connectShopper(shop.url);
    const other = await connectShopper(shop.url);
    const acks = await Promise.all(Array.from({ length: 8 }, (_, i) => send(flooder.socket, `hello ${i}`, `f-${i}`)));
    const accepted = acks.filter((a) => a.ok);
    const refused = acks.filter((a) => !a.ok);
    expect(accepted.length).toBe(3); // the burst
    expect(refused.length).toBe(5);
    for (const r of refused) expect(r.error).toBe(LIMIT_ERRORS.messages);
    expect((await send(other.socket, 'hello', 'o-1')).ok).toBe(true);

    const stored = shop.shop.store.conversations.messages(flooder.session.conversationId).filter((m) => m.role === 'shopper');
    expect(stored.map((m) => m.clientId).sort()).toEqual(accepted.map((_, i) => `f-${i}`).sort());
    flooder.socket.disconnect();
    other.socket.disconnect();
  });

  it('caps the sockets one address holds open, and frees the slot when one closes', async () => {
    // Let the server see the two sockets above close.
    await new Promise((r) => setTimeout(r, 200));
    const open = await Promise.all(Array.from({ length: 4 }, () => rawSocket(shop.url)));
    await expect(rawSocket(shop.url)).rejects.toThrow(LIMIT_ERRORS.connections);
    open[0]?.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    const again = await rawSocket(shop.url);
    for (const s of [...open, again]) s.disconnect();
  });

  it('refuses a socket handshake from a page of an origin not allowed; allows listed shops, own pages and non-browsers', async () => {
    await new Promise((r) => setTimeout(r, 200));
    await expect(rawSocket(shop.url, { Origin: 'https://evil.example' })).rejects.toThrow();
    const host = new URL(shop.url).host;
    const allowed = await Promise.all([
      rawSocket(shop.url, { Origin: 'https://shop.example' }),
      rawSocket(shop.url, { Origin: `http://${host}` }),
      rawSocket(shop.url),
    ]);
    for (const s of allowed) s.disconnect();
  });

  it('closes a socket that sends more than the payload limit and stays up for others', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const big = await connectShopper(shop.url);
    const closed = new Promise<string>((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('message', { clientId: 'big', text: 'x'.repeat(300 * 1024) }, () => undefined);
    expect(await closed).toMatch(/transport close|transport error/);
    const fine = await connectShopper(shop.url);
    expect((await send(fine.socket, 'still here?', 'fine-1')).ok).toBe(true);
    fine.socket.disconnect();
  });

  it('sets the security headers on pages, the API and the widget script', async () => {
    const page = await fetch(`${shop.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(`${shop.url}/widget.js`)).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await fetch(`${shop.url}/api/categories`)).headers.get('x-powered-by')).toBeNull();
  });

  it('answers CORS for listed shops only, and refuses a foreign page writing to the API', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${shop.url}/api/products`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
    const ok = await preflight('https://shop.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect((await preflight('https://evil.example')).status).toBe(403);
    const read = await fetch(`${shop.url}/api/categories`, { headers: { Origin: 'https://evil.example' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const write = await fetch(`${shop.url}/api/agent/login`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'agent@shopkeep.test', password: 'demo-agent-pass' }),
    });
    expect(write.status).toBe(403);
  });

  it('refuses an oversized JSON body with 413', async () => {
    const res = await fetch(`${shop.url}/api/agent/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(200 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toHaveProperty('error');
  });

  it('answers 429 with Retry-After to an address over its REST budget', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i += 1) {
      const res = await fetch(`${shop.url}/api/categories`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    // The burst (a quarter of the minute's 40, less what the tests above spent) passes, then 429s.
    expect(statuses[0]).toBe(200);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Static pages are not counted against the budget.
    expect((await fetch(`${shop.url}/`)).status).toBe(200);
  });
});
