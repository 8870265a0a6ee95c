import { DEMO_USERS } from '../../server/auth';
import { startShop, tempDir, type TestShop } from '../support/shop-server';
import { loadFixture } from './fixture';

const MANAGER_PASSWORD = 'manager-test-password';
const AGENT_PASSWORD = 'agent-test-password';
const PERIOD = 'from=2026-03-01&to=2026-03-03';

interface Session {
  cookie: string;
  csrf: string;
}

describe('manager API', () => {
  let temp: ReturnType<typeof tempDir>;
  let shop: TestShop;
  let manager: Session;
  let agent: Session;

  async function login(email: string, password: string): Promise<Session> {
    const res = await fetch(`${shop.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, csrf: csrfToken };
  }

  const get = (path: string, who?: Session): Promise<Response> => fetch(`${shop.url}${path}`, { headers: who ? { cookie: who.cookie } : {} });
  const post = (path: string, body: unknown, who: Session): Promise<Response> =>
    fetch(`${shop.url}${path}`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    temp = tempDir('shopkeep-manager-api-');
    shop = await startShop(`${temp.dir}/shop.db`, {}, { SHOPKEEP_DEMO_MANAGER_PASSWORD: MANAGER_PASSWORD, SHOPKEEP_DEMO_AGENT_PASSWORD: AGENT_PASSWORD });
    loadFixture(shop.shop.store);
    manager = await login(DEMO_USERS.manager.email, MANAGER_PASSWORD);
    agent = await login(DEMO_USERS.agent.email, AGENT_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await shop?.stop();
    temp?.cleanup();
  });

  it('refuses callers without a session (401) and agents (403) on every route', async () => {
    const routes = [`/api/manager/dashboard?${PERIOD}`, '/api/manager/transcripts', '/api/manager/transcripts/c1', `/api/manager/misunderstood?${PERIOD}`,
      '/api/manager/assignments', '/api/manager/nlu/training', '/api/manager/export/transcripts.csv', `/api/manager/export/metrics.csv?${PERIOD}`];
    for (const route of routes) {
      expect([route, (await get(route)).status]).toEqual([route, 401]);
      expect([route, (await get(route, agent)).status]).toEqual([route, 403]);
    }
    expect((await post('/api/manager/nlu/retrain', {}, agent)).status).toBe(403);
    expect((await post('/api/manager/assignments', { text: 'x', intent: 'greeting', locale: 'en' }, agent)).status).toBe(403);
  });

  it('serves the dashboard, transcript search and detail to a manager', async () => {
    const dashboard = (await (await get(`/api/manager/dashboard?${PERIOD}`, manager)).json()) as { overview: { conversations: number; handedOff: number } };
    expect(dashboard.overview).toMatchObject({ conversations: 3, handedOff: 1 });
    const found = (await (await get('/api/manager/transcripts?handedOff=true&csatMin=4', manager)).json()) as { conversations: { conversationId: string }[] };
    expect(found.conversations.map((c) => c.conversationId)).toEqual(['c2']);
    const detail = (await (await get('/api/manager/transcripts/c2', manager)).json()) as { turns: unknown[]; events: { kind: string }[] };
    expect(detail.turns).toHaveLength(3);
    expect((await get('/api/manager/transcripts/none', manager)).status).toBe(404);
    expect((await get('/api/manager/transcripts?sentiment=furious', manager)).status).toBe(400);
    expect((await get('/api/manager/dashboard?from=2026-03-05&to=2026-03-01', manager)).status).toBe(400);
  });

  it('groups misunderstood messages, records assignments (CSRF checked) and reports training state', async () => {
    const { groups } = (await (await get(`/api/manager/misunderstood?${PERIOD}`, manager)).json()) as { groups: { label: string }[] };
    expect(groups.map((g) => g.label).sort()).toEqual(['什么是量子力学', '退货政策']);
    const noCsrf = await fetch(`${shop.url}/api/manager/assignments`, { method: 'POST', headers: { cookie: manager.cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noCsrf.status).toBe(403);
    expect((await post('/api/manager/assignments', { text: '退货政策', intent: 'no_such_intent', locale: 'zh' }, manager)).status).toBe(400);
    expect((await post('/api/manager/assignments', { text: '退货政策', intent: 'refund_policy', locale: 'zh' }, manager)).status).toBe(200);
    const { assignments } = (await (await get('/api/manager/assignments', manager)).json()) as { assignments: { text: string; intent: string }[] };
    expect(assignments).toMatchObject([{ text: '退货政策', intent: 'refund_policy' }]);
    expect(await (await get('/api/manager/nlu/training', manager)).json()).toEqual({ status: 'idle' });
  });

  it('exports transcripts and metrics as escaped CSV', async () => {
    shop.shop.store.db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at) VALUES ('evil', 'c4', 'shopper', '=cmd|'' /C calc''!A0, "hi"', '2026-03-05T09:00:05.000Z')`).run();
    const res = await get('/api/manager/export/transcripts.csv?locale=en', manager);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await res.arrayBuffer());
    // A UTF-8 byte-order mark, so spreadsheets read Chinese text correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.subarray(3).toString('utf8');
    expect(body.startsWith('conversation_id,channel,locale,at,role,text')).toBe(true);
    expect(body).toContain(`"'=cmd|' /C calc'!A0, ""hi"""`);
    expect(body).not.toContain('c3,');
    const metrics = await (await get(`/api/manager/export/metrics.csv?${PERIOD}`, manager)).text();
    const [header, first, second] = metrics.split('\r\n');
    expect(header).toBe('day,conversations,handed_off,containment_rate,average_sentiment,average_csat');
    expect(first).toMatch(/^2026-03-01,2,1,0\.5,-0\.06666\d*,4$/u);
    expect(second).toBe('2026-03-02,1,0,1,0,');
  });
});
