/**
 * Loaded into the measured server by the load bench (`node --require`): prints how late the
 * server's event loop ran, once a second, as a JSON line on stdout
 * (`{"loopDelay":{"p99Ms":…,"maxMs":…}}`). A turn waits behind whatever holds the loop (a long
 * commit, an fsync, a garbage collection), so this shows stalls that CPU time does not.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The histogram's sampling interval: its floor, taken off what is reported. */
const RESOLUTION_MS = 10;

const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
setInterval(() => {
  const late = (ns: number): number => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  process.stdout.write(`${JSON.stringify({ loopDelay: { p99Ms: late(delay.percentile(99)), maxMs: late(delay.max) } })}\n`);
  delay.reset();
}, 1000).unref();
