import path from 'node:path';
import { DEMO_USERS } from '../../server/auth';
import { copyDemoTemplate } from '../support/demo-template';
import { killHard, spawnServer, stopGracefully, type ServerProcess } from '../support/server-process';
import { connectShopper, nextMessages, send, tempDir } from '../support/shop-server';
import { agentSocket, call, connected, emitAck, login } from './console-client';

const PASSWORD = 'restart-agent-password';
/** Start-up loads the NLU and the demo shop; on a busy 2-core machine with suites in parallel it is slow. */
const STARTUP_MS = 120_000;

interface QueueBody {
  waiting: { handoff: { id: string; status: string; deadlineAt: string; queuedAt: string; priority: number } }[];
  mine: { handoff: { id: string; status: string; deadlineAt: string; agentId: string } }[];
}

/** Needs the built server (`npm test` builds it; or `npx tsc -p tsconfig.build.json`). */
describe('the handoff queue and its deadlines survive kill -9', () => {
  const tmp = tempDir();
  const env = { SHOPKEEP_DB: path.join(tmp.dir, 'shop.db'), SHOPKEEP_DEMO: '1', SHOPKEEP_DEMO_AGENT_PASSWORD: PASSWORD };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server) await stopGracefully(server);
    tmp.cleanup();
  });

  it('has the same queue, owners and deadlines after a hard kill and restart', async () => {
    // The run's demo template; the server adds the demo agent with this test's password at start.
    copyDemoTemplate(env.SHOPKEEP_DB);
    server = await spawnServer(env, STARTUP_MS);
    expect(server.logs.some((l) => String(l.msg).includes('/console/'))).toBe(true);
    const session = await login(server.url, DEMO_USERS.agent.email, PASSWORD);
    const console = agentSocket(server.url, session);
    await connected(console);
    await emitAck(console, 'presence', { presence: 'online' });

    for (const [i, text] of ['I want to talk to a human', 'this is terrible service', 'let me speak to an agent'].entries()) {
      const { socket } = await connectShopper(server.url);
      const reply = nextMessages(socket, 1, 30_000);
      await send(socket, text, `restart-${i}`);
      expect((await reply)[0]?.text).toMatch(/wait/);
      socket.disconnect();
    }
    const before = (await call(server.url, 'GET', '/api/agent/queue', session)).body as unknown as QueueBody;
    expect(before.waiting).toHaveLength(3);
    const claimed = before.waiting[1]!.handoff.id;
    expect((await call(server.url, 'POST', `/api/agent/handoffs/${claimed}/claim`, session)).status).toBe(200);
    const snapshot = (await call(server.url, 'GET', '/api/agent/queue', session)).body as unknown as QueueBody;
    console.disconnect();

    await killHard(server);
    server = await spawnServer(env, STARTUP_MS);
    // The session lives in SQLite too: the same cookie still works.
    const after = (await call(server.url, 'GET', '/api/agent/queue', session)).body as unknown as QueueBody;
    expect(after.waiting.map((w) => w.handoff)).toEqual(snapshot.waiting.map((w) => w.handoff));
    expect(after.mine.map((m) => m.handoff)).toEqual(snapshot.mine.map((m) => m.handoff));
    expect(after.mine.map((m) => m.handoff.id)).toEqual([claimed]);
    expect(after.waiting.every((w) => typeof w.handoff.deadlineAt === 'string')).toBe(true);
  }, 300_000);
});
