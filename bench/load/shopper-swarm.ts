/**
 * A swarm of simulated shoppers on the `/shopper` socket protocol, run as its own process so the
 * clients do not share the server's event loop. Each shopper sends one message per interval
 * (mixed shop questions) and measures message sent → first server `message` after it.
 * Prints one JSON line with the figures on stdout; with REPORT_SECONDS, also one line per
 * window of that length (`"window": n`, figures of that window only) as the run goes (soak mode).
 * With WARMUP_SECONDS the shoppers talk for that long first: a server's first second under a
 * thousand new shoppers (code not yet compiled, caches empty) is reported apart, as `warmUp`,
 * and the figures (and windows) cover the SECONDS after it. Errors count in both.
 *
 * Usage: node dist/bench/load/shopper-swarm.js URL SHOPPERS SECONDS [INTERVAL_MS] [REPORT_SECONDS] [WARMUP_SECONDS]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
  /**
   * How late the swarm's own event loop ran in the measured seconds (p99, max): a latency is
   * stamped when the swarm gets to the reply, so a stalled swarm adds its stall to the figures.
   */
  swarmLoopDelay: { p99Ms: number; maxMs: number };
  /** The warm-up before the measured seconds: its length, replies and latencies (zero seconds: none). */
  warmUp: { seconds: number; replied: number; errors: number; p50Ms: number; p99Ms: number; maxMs: number };
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

/** Latencies and counts of one phase of the run (the warm-up, then the measured seconds). */
interface Phase {
  latencies: number[];
  sent: number;
  errors: number;
}

async function run(url: string, shoppers: number, seconds: number, intervalMs: number, reportSeconds: number, warmUpSeconds: number): Promise<Figures> {
  const sockets = await connectAll(url, shoppers);
  const warm: Phase = { latencies: [], sent: 0, errors: 0 };
  const measured: Phase = { latencies: [], sent: 0, errors: 0 };
  const talking = Date.now();
  let started = talking + warmUpSeconds * 1000;
  const deadline = started + seconds * 1000;
  let current: Window = { latencies: [], sent: 0, errors: 0, started };
  let windows = 0;
  let reporter: NodeJS.Timeout | undefined;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const startReporting = (): void => {
    loopDelay.enable();
    started = Date.now();
    current = { latencies: [], sent: 0, errors: 0, started };
    if (reportSeconds > 0) {
      reporter = setInterval(() => {
        process.stdout.write(`${JSON.stringify(windowFigures(current, ++windows))}\n`);
        current = { latencies: [], sent: 0, errors: 0, started: Date.now() };
      }, reportSeconds * 1000);
    }
  };
  let warmUpOver = Promise.resolve();
  if (warmUpSeconds > 0) warmUpOver = new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, started - Date.now()))).then(startReporting);
  else startReporting();
  await Promise.all(
    sockets.map(async (socket, n) => {
      // Spread the shoppers over the interval so the offered load is steady.
      await new Promise((r) => setTimeout(r, (n * intervalMs) / sockets.length));
      let i = n;
      while (Date.now() < deadline) {
        const tick = Date.now();
        // A message sent during the warm-up counts there, whenever its reply comes.
        const phase = tick < started ? warm : measured;
        const inWindow = phase === measured;
        const text = QUESTIONS[i++ % QUESTIONS.length] as string;
        const reply = new Promise<number>((resolve) => socket.once('message', () => resolve(Date.now())));
        phase.sent += 1;
        if (inWindow) current.sent += 1;
        const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit('message', { clientId: `${n}-${i}`, text }, resolve));
        if (!ack.ok) {
          phase.errors += 1;
          if (inWindow) current.errors += 1;
        }
        const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000));
        const at = await Promise.race([reply, timeout]);
        if (at < 0) {
          phase.errors += 1;
          if (inWindow) current.errors += 1;
        } else {
          phase.latencies.push(at - tick);
          if (inWindow) current.latencies.push(at - tick);
        }
        const wait = intervalMs - (Date.now() - tick);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }),
  );
  await warmUpOver;
  if (reporter) clearInterval(reporter);
  loopDelay.disable();
  // The measured seconds are the ones messages were sent in: every shopper then waits out its
  // last interval, and counting that second too made 1,000 shoppers look like 952 turns a second.
  const elapsed = (deadline - started) / 1000;
  for (const socket of sockets) socket.disconnect();
  const latencies = measured.latencies.sort((a, b) => a - b);
  const warmLatencies = warm.latencies.sort((a, b) => a - b);
  return {
    shoppers,
    connected: sockets.length,
    sent: measured.sent,
    replied: latencies.length,
    errors: measured.errors + warm.errors + (shoppers - sockets.length),
    seconds: elapsed,
    turnsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    // The histogram's floor is its sampling resolution (10 ms): report only the lateness past it.
    swarmLoopDelay: { p99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - 10), maxMs: Math.max(0, loopDelay.max / 1e6 - 10) },
    warmUp: {
      seconds: warmUpSeconds,
      replied: warmLatencies.length,
      errors: warm.errors,
      p50Ms: percentile(warmLatencies, 50),
      p99Ms: percentile(warmLatencies, 99),
      maxMs: warmLatencies[warmLatencies.length - 1] ?? Number.NaN,
    },
  };
}

const [url, shoppers, seconds, interval, report, warmUp] = process.argv.slice(2);
if (!url || !shoppers || !seconds) {
  process.stderr.write('usage: shopper-swarm URL SHOPPERS SECONDS [INTERVAL_MS] [REPORT_SECONDS] [WARMUP_SECONDS]\n');
  process.exit(2);
}
run(url, Number(shoppers), Number(seconds), Number(interval ?? 1000), Number(report ?? 0), Number(warmUp ?? 0)).then(
  (figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  },
);
