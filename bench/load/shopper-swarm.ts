/**
 * A swarm of simulated shoppers on the `/shopper` socket protocol, run as its own process so the
 * clients do not share the server's event loop. Each shopper sends one message per interval
 * (mixed shop questions) and measures message sent → first server `message` after it.
 * Prints one JSON line with the figures on stdout; with REPORT_SECONDS, also one line per
 * window of that length (`"window": n`, figures of that window only) as the run goes (soak mode).
 *
 * Usage: node dist/bench/load/shopper-swarm.js URL SHOPPERS SECONDS [INTERVAL_MS] [REPORT_SECONDS]
 */
import { io, type Socket } from 'socket.io-client';
import { QUESTIONS } from './questions';


interface Figures {
  shoppers: number;
  connected: number;
  sent: number;
  replied: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function connectOne(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
    socket.once('history', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectAll(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  // Connect in small batches: a thousand simultaneous handshakes measure the accept queue, not turns.
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.allSettled(Array.from({ length: Math.min(50, count - i) }, () => connectOne(url)));
    for (const result of batch) if (result.status === 'fulfilled') sockets.push(result.value);
  }
  return sockets;
}

/** Latencies and counts of one reporting window. */
interface Window {
  latencies: number[];
  sent: number;
  errors: number;
  started: number;
}

function windowFigures(w: Window, n: number): Record<string, number> {
  const sorted = [...w.latencies].sort((a, b) => a - b);
  const elapsed = (Date.now() - w.started) / 1000;
  return { window: n, sent: w.sent, replied: sorted.length, errors: w.errors, turnsPerSecond: sorted.length / elapsed, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

async function run(url: string, shoppers: number, seconds: number, intervalMs: number, reportSeconds: number): Promise<Figures> {
  const sockets = await connectAll(url, shoppers);
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let current: Window = { latencies: [], sent: 0, errors: 0, started };
  let windows = 0;
  const reporter =
    reportSeconds > 0
      ? setInterval(() => {
          process.stdout.write(`${JSON.stringify(windowFigures(current, ++windows))}\n`);
          current = { latencies: [], sent: 0, errors: 0, started: Date.now() };
        }, reportSeconds * 1000)
      : undefined;
  await Promise.all(
    sockets.map(async (socket, n) => {
      // Spread the shoppers over the interval so the offered load is steady.
      await new Promise((r) => setTimeout(r, (n * intervalMs) / sockets.length));
      let i = n;
      while (Date.now() < deadline) {
        const tick = Date.now();
        const text = QUESTIONS[i++ % QUESTIONS.length] as string;
        const reply = new Promise<number>((resolve) => socket.once('message', () => resolve(Date.now())));
        sent += 1;
        current.sent += 1;
        const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit('message', { clientId: `${n}-${i}`, text }, resolve));
        if (!ack.ok) {
          errors += 1;
          current.errors += 1;
        }
        const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000));
        const at = await Promise.race([reply, timeout]);
        if (at < 0) {
          errors += 1;
          current.errors += 1;
        } else {
          latencies.push(at - tick);
          current.latencies.push(at - tick);
        }
        const wait = intervalMs - (Date.now() - tick);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }),
  );
  if (reporter) clearInterval(reporter);
  const elapsed = (Date.now() - started) / 1000;
  for (const socket of sockets) socket.disconnect();
  latencies.sort((a, b) => a - b);
  return {
    shoppers,
    connected: sockets.length,
    sent,
    replied: latencies.length,
    errors: errors + (shoppers - sockets.length),
    seconds: elapsed,
    turnsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
  };
}

const [url, shoppers, seconds, interval, report] = process.argv.slice(2);
if (!url || !shoppers || !seconds) {
  process.stderr.write('usage: shopper-swarm URL SHOPPERS SECONDS [INTERVAL_MS]\n');
  process.exit(2);
}
run(url, Number(shoppers), Number(seconds), Number(interval ?? 1000), Number(report ?? 0)).then(
  (figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  },
);
