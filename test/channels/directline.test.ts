/**
 * The Direct Line emulation as a Direct Line client sees it (no browser): tokens bind a client to
 * its conversation, posted Activities reach the bot through `/api/messages`, and the bot's
 * replies come back through the connector routes to the activity list with watermarks.
 */
import path from 'node:path';
import { startShop, tempDir, type TestShop } from '../support/shop-server';

let dir: ReturnType<typeof tempDir>;
let running: TestShop;
const DL = '/directline/v3/directline';

interface Started {
  conversationId: string;
  token: string;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

function as(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } };
}

async function activities(c: Started, watermark = ''): Promise<{ activities: Array<{ from: { id: string }; text?: string }>; watermark: string }> {
  return json(await fetch(`${running.url}${DL}/conversations/${c.conversationId}/activities?watermark=${watermark}`, as(c.token)));
}

beforeAll(async () => {
  dir = tempDir();
  running = await startShop(path.join(dir.dir, 'shop.db'), {}, { SHOPKEEP_DIRECTLINE: '1' });
});

afterAll(async () => {
  await running?.stop();
  dir?.cleanup();
});

it('carries a message to the bot and the reply back, with watermarks', async () => {
  const started = await json<Started>(await fetch(`${running.url}${DL}/tokens/generate`, { method: 'POST' }));
  const resumed = await json<Started>(await fetch(`${running.url}${DL}/conversations`, as(started.token, { method: 'POST' })));
  expect(resumed.conversationId).toBe(started.conversationId);

  const posted = await fetch(`${running.url}${DL}/conversations/${started.conversationId}/activities`, as(started.token, {
    method: 'POST',
    body: JSON.stringify({ type: 'message', text: 'hi', from: { id: 'dl-user' }, locale: 'en-US' }),
  }));
  expect(posted.status).toBe(200);
  const all = await activities(started);
  expect(all.activities[0]).toMatchObject({ from: { id: 'dl-user' }, text: 'hi' });
  expect(all.activities.slice(1).some((a) => a.from.id === 'shopkeep' && (a.text ?? '').length > 0)).toBe(true);
  expect((await activities(started, all.watermark)).activities).toEqual([]);

  const stored = running.shop.store.db.prepare("SELECT count(*) FROM conversations WHERE channel = 'botframework'").pluck().get();
  expect(stored).toBe(1);
});

it('refuses a token of another conversation and an unknown one', async () => {
  const a = await json<Started>(await fetch(`${running.url}${DL}/tokens/generate`, { method: 'POST' }));
  const b = await json<Started>(await fetch(`${running.url}${DL}/tokens/generate`, { method: 'POST' }));
  expect((await fetch(`${running.url}${DL}/conversations/${a.conversationId}/activities`, as(b.token))).status).toBe(403);
  expect((await fetch(`${running.url}${DL}/conversations/${a.conversationId}/activities`, as('forged'))).status).toBe(403);
  const bad = await fetch(`${running.url}${DL}/conversations/${a.conversationId}/activities`, as(a.token, { method: 'POST', body: JSON.stringify({ text: 'no type' }) }));
  expect(bad.status).toBe(400);
});

it('is not served unless enabled', async () => {
  const other = await startShop(path.join(dir.dir, 'plain.db'));
  try {
    expect((await fetch(`${other.url}${DL}/tokens/generate`, { method: 'POST' })).status).toBe(404);
  } finally {
    await other.stop();
  }
});
