/**
 * Load benchmark (issue 10): N simulated shoppers on `/shopper` (real socket.io clients in a
 * separate process), each sending a mixed shop question every second, against the real server
 * (`dist/server/main.js`) and, in the same run, against the yardstick: a bare socket.io +
 * SQLite echo server. Prints achieved turns/s and p50/p99 turn latency (sent → bot reply) and
 * the ratios.
 *
 * Usage: node dist/bench/load.js [--shoppers 1000] [--seconds 20] [--ramp] [--soak MINUTES]
 *   --ramp  raise the shopper count until p99 > 100 ms or errors appear, and say where it broke
 *   --soak  hold the load for MINUTES and report every minute (memory of the server included)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const P99_GOAL_MS = 100;

interface Figures {
  shoppers: number;
  connected: number;
  sent: number;
  replied: number;
  errors: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function startProcess(script: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code}`)));
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as { port?: number };
      if (typeof entry.port === 'number') {
        child.removeAllListeners('exit');
        resolve({ child, port: entry.port });
      }
    });
  });
}

function runSwarm(port: number, shoppers: number, seconds: number): Promise<Figures> {
  const swarm = spawn(process.execPath, [path.join(DIST, 'bench', 'load', 'shopper-swarm.js'), `http://127.0.0.1:${port}`, String(shoppers), String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  swarm.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    swarm.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Figures) : reject(new Error(`swarm exited with ${code}`))));
  });
}

async function measureShop(shoppers: number, seconds: number, dir: string): Promise<Figures> {
  const { child, port } = await startProcess(path.join(DIST, 'server', 'main.js'), [], {
    PORT: '0',
    HOST: '127.0.0.1',
    SHOPKEEP_DB: path.join(dir, `shop-${shoppers}.db`),
    SHOPKEEP_DEMO: '1',
    LOG_LEVEL: 'info',
  });
  try {
    return await runSwarm(port, shoppers, seconds);
  } finally {
    child.kill('SIGTERM');
  }
}

async function measureEcho(shoppers: number, seconds: number, dir: string): Promise<Figures> {
  const { child, port } = await startProcess(path.join(DIST, 'bench', 'load', 'echo-server.js'), [path.join(dir, `echo-${shoppers}.db`)], {});
  try {
    return await runSwarm(port, shoppers, seconds);
  } finally {
    child.kill('SIGTERM');
  }
}

function line(name: string, f: Figures): string {
  return `${name.padEnd(12)} shoppers ${String(f.connected).padStart(5)}  turns/s ${f.turnsPerSecond.toFixed(0).padStart(5)}  p50 ${f.p50Ms.toFixed(1).padStart(6)} ms  p99 ${f.p99Ms.toFixed(1).padStart(6)} ms  errors ${f.errors}`;
}

function keptUp(f: Figures): boolean {
  return f.errors === 0 && f.p99Ms < P99_GOAL_MS && f.turnsPerSecond >= 0.9 * f.connected;
}

async function compare(shoppers: number, seconds: number, dir: string): Promise<Figures> {
  const shop = await measureShop(shoppers, seconds, dir);
  const echo = await measureEcho(shoppers, seconds, dir);
  console.log(line('shopkeep', shop));
  console.log(line('echo (yard)', echo));
  console.log(
    `ratio        p99 ${(shop.p99Ms / echo.p99Ms).toFixed(1)}× the echo server's; turns/s ${(shop.turnsPerSecond / echo.turnsPerSecond).toFixed(2)}× ; ` +
      `goal (p99 < ${P99_GOAL_MS} ms, 0 errors, keeps up): ${keptUp(shop) ? 'met' : 'NOT met'}`,
  );
  return shop;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { shoppers: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '20' }, ramp: { type: 'boolean' }, soak: { type: 'string' } },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-load-'));
  try {
    if (values.ramp) {
      for (let n = 500; n <= 5000; n += 500) {
        const shop = await compare(n, Number(values.seconds), dir);
        if (!keptUp(shop)) {
          console.log(`breaks at ${n} shoppers`);
          break;
        }
      }
      return;
    }
    const seconds = values.soak ? Number(values.soak) * 60 : Number(values.seconds);
    await compare(Number(values.shoppers), seconds, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
