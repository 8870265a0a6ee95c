/**
 * Main-thread CPU per bot turn, without sockets (issue 10): the server's turn pipeline as
 * `createApp` wires it (`createServices`: demo shop, NLU, handoff hook, every skill), driven in-process by
 * shoppers asking the load swarm's questions, one turn per conversation at a time. Prints the
 * CPU time of the whole process (process.cpuUsage, every thread) and of the main thread alone
 * (Linux: /proc/self/task/<pid>/stat), which is what limits how many turns one server answers;
 * the rest is V8's garbage-collector helpers, mostly. CPU time moves little when the machine is
 * busy, unlike latency; the load bench (`bench/load.ts`) measures the whole server over sockets.
 *
 * Usage: node dist/bench/load/turn-cpu.js [--shoppers 200] [--rounds 10]   (NLU_THREAD=1: the NLU on its own thread)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShopperChannel, type ChatMessage } from '../../bot';
import { loadConfig } from '../../server';
import { createLogger } from '../../server/logger';
import { createServices } from '../../server/services';
import { QUESTIONS } from './questions';

/** Linux's clock tick for /proc CPU times (USER_HZ, 100 on every mainstream kernel). */
const USER_HZ = 100;

/** CPU milliseconds of the main thread alone, or undefined where /proc does not tell it. */
function mainThreadCpuMs(): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** Rounds run first and not counted: module loading, statement preparation and JIT warm-up. */
const WARM_UP_ROUNDS = 2;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shoppers: { type: 'string', default: '200' }, rounds: { type: 'string', default: '10' } } });
  const shoppers = Number(values.shoppers);
  const rounds = Number(values.rounds);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-turn-cpu-'));
  const file = path.join(dir, 'shop.db');
  const config = loadConfig({ SHOPKEEP_DB: file, SHOPKEEP_DEMO: '1', LOG_LEVEL: 'warn', NLU_THREAD: process.env.NLU_THREAD ?? '0' });
  const logger = createLogger('warn');
  // The services exactly as the server builds them (demo shop, NLU, handoff hook, every skill).
  const services = await createServices(config, {}, logger);
  const { store, bot, agentConsole } = services;
  try {
    let delivered = 0;
    // The socket.io encoder's work per reply, without a socket.
    const outbox = { deliver: (_id: string, m: ChatMessage) => (delivered += JSON.stringify(m).length > 0 ? 1 : 0), typing: () => undefined };
    const channel = new ShopperChannel(store, bot, outbox, (err) => logger.error({ err }, 'turn failed'));
    const conversations = Array.from({ length: shoppers }, () => channel.connect(undefined, 'en').conversation.id);
    let counted = { turns: 0, cpuUs: 0, mainMs: 0 };
    for (let round = 0; round < WARM_UP_ROUNDS + rounds; round += 1) {
      const before = process.cpuUsage();
      const mainBefore = mainThreadCpuMs();
      await Promise.all(conversations.map((id, i) => channel.receive(id, `r${round}-${i}`, QUESTIONS[(round + i) % QUESTIONS.length] as string)));
      await channel.drain();
      const used = process.cpuUsage(before);
      const mainUsed = (mainThreadCpuMs() ?? NaN) - (mainBefore ?? NaN);
      if (round >= WARM_UP_ROUNDS) counted = { turns: counted.turns + shoppers, cpuUs: counted.cpuUs + used.user + used.system, mainMs: counted.mainMs + mainUsed };
    }
    agentConsole.stop();
    const [load] = os.loadavg();
    console.log(
      `turn CPU: ${(counted.cpuUs / counted.turns / 1000).toFixed(2)} ms per turn (all threads), main thread ${Number.isNaN(counted.mainMs) ? 'n/a (no /proc)' : `${(counted.mainMs / counted.turns).toFixed(2)} ms`} per turn, ` +
        `over ${counted.turns} turns ` +
        `(${shoppers} shoppers × ${rounds} rounds, ${delivered} replies; machine load average ${load?.toFixed(1)} on ${os.cpus().length} cores)`,
    );
  } finally {
    await services.nluService.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
