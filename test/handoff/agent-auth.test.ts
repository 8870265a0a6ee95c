import path from 'node:path';
import { ConsoleAuth, DEMO_USERS, createUser } from '../../server/auth';
import { startShop, tempDir, type TestShop } from '../support/shop-server';
import { agentSocket, call, connected, emitAck, login, type ConsoleSession } from './console-client';
import { manualClock } from './fixtures';

const AGENT_PASSWORD = 'agent-password-for-tests';
const MANAGER_PASSWORD = 'manager-password-for-tests';

/** Every console REST route but sign-in: [method, path, body]. */
const ROUTES: ReadonlyArray<['GET' | 'POST', string, unknown]> = [
  ['POST', '/api/agent/logout', {}],
  ['GET', '/api/agent/me', undefined],
  ['POST', '/api/agent/presence', { presence: 'online' }],
  ['GET', '/api/agent/queue', undefined],
  ['GET', '/api/agent/agents', undefined],
  ['GET', '/api/agent/canned', undefined],
  ['POST', '/api/agent/canned', { locale: 'en', title: 'T', text: 'Text' }],
  ['GET', '/api/agent/follow-ups', undefined],
  ['GET', '/api/agent/conversations/conv_x', undefined],
  ['POST', '/api/agent/conversations/conv_x/notes', { text: 'note' }],
  ['POST', '/api/agent/handoffs/hof_x/claim', {}],
  ['POST', '/api/agent/handoffs/hof_x/messages', { text: 'hi' }],
  ['POST', '/api/agent/handoffs/hof_x/read', { seq: 1 }],
  ['POST', '/api/agent/handoffs/hof_x/transfer', { team: 'billing' }],
  ['POST', '/api/agent/handoffs/hof_x/resolve', {}],
];
const MANAGER_ONLY = new Set(['POST /api/agent/canned']);

describe('console auth and role checks', () => {
  const tmp = tempDir();
  const clock = manualClock(Date.now());
  let server: TestShop;
  let agent: ConsoleSession;
  let manager: ConsoleSession;

  beforeAll(async () => {
    server = await startShop(path.join(tmp.dir, 'shop.db'), { clock }, {
      SHOPKEEP_DEMO_AGENT_PASSWORD: AGENT_PASSWORD,
      SHOPKEEP_DEMO_MANAGER_PASSWORD: MANAGER_PASSWORD,
    });
    agent = await login(server.url, DEMO_USERS.agent.email, AGENT_PASSWORD);
    manager = await login(server.url, DEMO_USERS.manager.email, MANAGER_PASSWORD);
  }, 30_000);

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('creates the demo agent and manager with hashed passwords from config', () => {
    const stored = server.shop.store.users.findCredentials(DEMO_USERS.agent.email);
    expect(stored?.user.role).toBe('agent');
    expect(stored?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored?.passwordHash).not.toContain(AGENT_PASSWORD);
    expect(agent.cookie).toMatch(/^shopkeep_console=/);
  });

  it.each(ROUTES)('refuses %s %s without a session (401)', async (method, route, body) => {
    expect((await call(server.url, method, route, undefined, body)).status).toBe(401);
  });

  it.each(ROUTES.filter(([m]) => m === 'POST'))('refuses %s %s without the CSRF token (403)', async (method, route, body) => {
    const res = await call(server.url, method, route, manager, body, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/CSRF/);
  });

  it.each(ROUTES.filter(([m, r]) => MANAGER_ONLY.has(`${m} ${r}`)))('refuses %s %s to an agent (403) and allows a manager', async (method, route, body) => {
    expect((await call(server.url, method, route, agent, body)).status).toBe(403);
    expect((await call(server.url, method, route, manager, body)).status).toBe(200);
  });

  it.each(ROUTES.filter(([m, r]) => !MANAGER_ONLY.has(`${m} ${r}`) && r !== '/api/agent/logout'))(
    'lets an agent past the role check of %s %s',
    async (method, route, body) => {
      const res = await call(server.url, method, route, agent, body);
      expect([200, 404]).toContain(res.status);
    },
  );

  it('refuses /agent sockets without a session, from another origin, or with the wrong role', async () => {
    await expect(connected(agentSocket(server.url))).rejects.toThrow('unauthorized');
    // Refused by the /agent middleware, or earlier by the server's origin policy on the upgrade itself.
    await expect(connected(agentSocket(server.url, agent, { origin: 'https://evil.example' }))).rejects.toThrow(/forbidden origin|websocket error/);
    // A manager-only namespace, as the manager dashboard will make it, with the same middleware.
    const auth = new ConsoleAuth(server.shop.store, clock, { sessionTtlMs: 3_600_000, secureCookies: false, throttle: { maxFailures: 5, windowMs: 60_000 } });
    server.shop.io.of('/managers-only').use(auth.socketMiddleware('manager'));
    await expect(connected(agentSocket(server.url, agent, { namespace: '/managers-only' }))).rejects.toThrow('forbidden');
    const ok = agentSocket(server.url, manager, { namespace: '/managers-only' });
    await connected(ok);
    ok.disconnect();
  });

  it('validates every /agent event and refuses actions on conversations the agent does not own', async () => {
    const socket = agentSocket(server.url, agent);
    await connected(socket);
    expect(await emitAck(socket, 'presence', { presence: 'online' })).toEqual({ ok: true });
    expect((await emitAck(socket, 'presence', { presence: 'invisible' })).ok).toBe(false);
    expect(await emitAck(socket, 'watch', { conversationId: 'conv_unknown' })).toEqual({ ok: false, error: expect.stringMatching(/no handed-over/) });
    expect(await emitAck(socket, 'typing', { handoffId: 'hof_unknown', typing: true })).toEqual({ ok: false, error: 'no such handoff' });
    expect(await emitAck(socket, 'read', { handoffId: 'hof_unknown', seq: -1 })).toMatchObject({ ok: false });
    socket.disconnect();
  });

  it('ends sessions on sign-out and after they expire', async () => {
    const second = await login(server.url, DEMO_USERS.agent.email, AGENT_PASSWORD);
    const socket = agentSocket(server.url, second);
    await connected(socket);
    expect((await call(server.url, 'POST', '/api/agent/logout', second)).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/agent/me', second)).status).toBe(401);
    expect(await emitAck(socket, 'presence', { presence: 'online' })).toEqual({ ok: false, error: 'signed out' });

    const third = await login(server.url, DEMO_USERS.manager.email, MANAGER_PASSWORD);
    expect((await call(server.url, 'GET', '/api/agent/me', third)).status).toBe(200);
    clock.advance(12 * 3_600_000 + 1);
    expect((await call(server.url, 'GET', '/api/agent/me', third)).status).toBe(401);
  });

  it('refuses wrong passwords, then throttles even the right one until the window passes', async () => {
    const email = 'throttled@shop.test';
    await createUser(server.shop.store, { email, name: 'Throttled', role: 'agent', password: 'the-right-password' });
    for (let i = 0; i < 5; i += 1) {
      expect((await call(server.url, 'POST', '/api/agent/login', undefined, { email, password: 'wrong-password' })).status).toBe(401);
    }
    expect((await call(server.url, 'POST', '/api/agent/login', undefined, { email, password: 'the-right-password' })).status).toBe(429);
    clock.advance(15 * 60_000 + 1);
    expect((await call(server.url, 'POST', '/api/agent/login', undefined, { email, password: 'the-right-password' })).status).toBe(200);
  }, 30_000);
});
