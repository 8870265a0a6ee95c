import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { createRng } from '../../models';
import { SESSION_COOKIE } from '../../server/auth';
import { copyDemoTemplate } from '../support/demo-template';
import { killHard, spawnServer, stopGracefully, type ServerProcess } from '../support/server-process';
import { connectShopper, tempDir, type ShopperClient } from '../support/shop-server';

const ROUNDS = 3;
const SHOPPERS = 12;
const QUESTIONS = ['where is my order?', 'do you have lanterns?', 'how do I return an item?', 'I want to talk to a human', 'thanks', '536365'];


function handoffCount(dbFile: string): number {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM handoffs').pluck().get() as number;
  db.close();
  return n;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the load never built up');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An agent online on the console, so "talk to a human" opens real handoffs with deadlines. */
async function agentOnline(url: string): Promise<Socket> {
  const res = await fetch(`${url}/api/agent/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'agent@shopkeep.test', password: 'demo-agent-pass' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  expect(cookie.startsWith(SESSION_COOKIE)).toBe(true);
  const socket = connect(`${url}/agent`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { Cookie: cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await new Promise((resolve) => socket.emit('presence', { presence: 'online' }, resolve));
  return socket;
}

/** Sends messages without waiting for replies until stopped; records what was acknowledged. */
function flood(socket: ShopperClient, tag: string, acked: Map<string, string>, rng: () => number): () => void {
  let running = true;
  let n = 0;
  const next = (): void => {
    if (!running) return;
    const clientId = `${tag}-${n++}`;
    const text = QUESTIONS[Math.floor(rng() * QUESTIONS.length)] as string;
    socket.emit('message', { clientId, text }, (ack: { ok: boolean; id?: string }) => {
      if (ack.ok && ack.id) acked.set(clientId, ack.id);
      setTimeout(next, 20);
    });
  };
  next();
  return () => (running = false);
}

/** Coupons are checked too: every one that exists at the kill (when offers issued any) must survive it. */
describe('kill -9 under load', () => {
  const tmp = tempDir();
  const dbFile = path.join(tmp.dir, 'shop.db');
  const env = {
    SHOPKEEP_DB: dbFile,
    SHOPKEEP_DEMO: '1',
    SHOPKEEP_SESSION_MESSAGES_PER_MINUTE: '100000',
    SHOPKEEP_IP_MESSAGES_PER_MINUTE: '1000000',
    SHOPKEEP_IP_CONNECTIONS_PER_MINUTE: '100000',
    SHOPKEEP_IP_MAX_SOCKETS: '10000',
    SHOPKEEP_IP_REQUESTS_PER_MINUTE: '100000',
  };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server) await killHard(server);
    tmp.cleanup();
  });

  it('loses no acknowledged message, handoff or deadline across repeated crashes, and answers every message after', async () => {
    const rng = createRng(10);
    const acked = new Map<string, string>();
    const sessions: (string | undefined)[] = Array.from({ length: SHOPPERS }, () => undefined);
    let handoffsSeen = new Map<string, string | null>();

    // The demo is the run's template (with its console users); what is tested is what survives the kills.
    copyDemoTemplate(dbFile, { consoleUsers: true });
    for (let round = 0; round < ROUNDS; round += 1) {
      server = await spawnServer(env, 90_000);
      const agent = await agentOnline(server.url);
      const shoppers = await Promise.all(sessions.map((sessionId) => connectShopper(server?.url as string, sessionId ? { sessionId } : {})));
      shoppers.forEach((s, i) => (sessions[i] = s.session.sessionId));
      const ackedAtStart = acked.size;
      const stops = shoppers.map((s, i) => flood(s.socket, `r${round}-s${i}`, acked, rng));
      // Under load for real (every shopper acknowledged at least once, a handoff opened), then a random moment.
      await until(() => acked.size - ackedAtStart >= SHOPPERS && handoffCount(dbFile) > 0, 60_000);
      await new Promise((r) => setTimeout(r, rng() * 1000));

      // What is committed right before the kill (read by another connection) must survive it.
      const db = new BetterSqlite3(dbFile, { readonly: true });
      handoffsSeen = new Map((db.prepare('SELECT id, deadline_at FROM handoffs').all() as { id: string; deadline_at: string | null }[]).map((h) => [h.id, h.deadline_at]));
      const couponsSeen = db.prepare('SELECT code FROM coupons').pluck().all() as string[];
      db.close();
      const ackedBeforeKill = new Map(acked);
      await killHard(server);
      server = undefined;
      stops.forEach((stop) => stop());
      for (const s of shoppers) s.socket.disconnect();
      agent.disconnect();

      const after = new BetterSqlite3(dbFile, { readonly: true });
      const stored = new Set(after.prepare('SELECT id FROM messages').pluck().all() as string[]);
      const missing = [...ackedBeforeKill.values()].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      const coupons = new Set(after.prepare('SELECT code FROM coupons').pluck().all() as string[]);
      expect(couponsSeen.filter((code) => !coupons.has(code))).toEqual([]);
      const handoffs = new Map((after.prepare('SELECT id, deadline_at FROM handoffs').all() as { id: string; deadline_at: string | null }[]).map((h) => [h.id, h.deadline_at]));
      for (const [id, deadline] of handoffsSeen) {
        expect(handoffs.has(id)).toBe(true);
        // A deadline may only have been moved on by the sweeper, never lost while the handoff is open.
        if (deadline !== null && handoffs.get(id) === null) {
          expect(after.prepare("SELECT status FROM handoffs WHERE id = ? AND status IN ('queued', 'assigned', 'transferred')").get(id)).toBeUndefined();
        }
      }
      after.close();
    }
    expect(acked.size).toBeGreaterThan(ROUNDS * SHOPPERS);
    expect(handoffsSeen.size).toBeGreaterThan(0);

    // A last start answers what the crashes left unanswered (the turn-done mark commits with a turn's replies).
    server = await spawnServer(env, 90_000);
    const deadline = Date.now() + 120_000;
    let unanswered = -1;
    while (Date.now() < deadline) {
      const db = new BetterSqlite3(dbFile, { readonly: true });
      unanswered = db.prepare("SELECT count(*) FROM messages WHERE role = 'shopper' AND (turn_done_at IS NULL OR intent IS NULL)").pluck().get() as number;
      db.close();
      if (unanswered === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(unanswered).toBe(0);
    expect(await stopGracefully(server)).toBe(0);
    server = undefined;
  }, 420_000);
});
