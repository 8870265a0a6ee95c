// Manager dashboard queries at 100k conversations / 1M messages (issue 8). Floor: every
// dashboard query < 200 ms on this machine. Yardstick, measured in the same run: one full scan of
// the messages table (what a query without the summaries of migration 5 would at least cost).
// Run: node dist/bench/analytics.js [conversations]   (keeps var/bench/analytics.db between runs;
// delete it to regenerate)
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Period, type Store } from '../store';
import { generateAnalyticsData } from './analytics/generate';

const FLOOR_MS = 200;
const RUNS = 7;
const END = '2026-06-01T00:00:00.000Z';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(runs);
}

function open(conversations: number): Store {
  const file = path.resolve(__dirname, '..', '..', 'var', 'bench', `analytics-${conversations}.db`);
  const fresh = !fs.existsSync(file);
  const store = openStore({ file });
  if (fresh || store.db.prepare('SELECT count(*) FROM conversations').pluck().get() === 0) {
    const started = Date.now();
    const made = generateAnalyticsData(store.db, { conversations, end: END });
    store.db.exec('ANALYZE');
    console.log(`generated ${made.conversations} conversations, ${made.messages} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return store;
}

function main(): void {
  const conversations = Number(process.argv[2] ?? 100_000);
  const store = open(conversations);
  const counts = store.db.prepare('SELECT (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM messages) AS m').get() as { c: number; m: number };
  console.log(`database: ${counts.c} conversations, ${counts.m} messages`);
  const yardstick = time(() => store.db.prepare('SELECT count(*), sum(length(text)) FROM messages').get());
  console.log(`yardstick: full scan of messages ${yardstick.toFixed(1)} ms`);
  const month: Period = { from: '2026-05-02T00:00:00.000Z', to: END };
  const quarter: Period = { from: '2026-03-03T00:00:00.000Z', to: END };
  const q = store.analytics.dashboardQueries;
  const queries: [string, () => unknown][] = [];
  for (const [name, period] of [['30 days', month], ['90 days', quarter]] as const) {
    queries.push(
      [`overview (${name})`, () => q.overview(period)],
      [`daily series (${name})`, () => q.daily(period)],
      [`handoff reasons (${name})`, () => q.handoffReasons(period)],
      [`top intents (${name})`, () => q.topIntents(period)],
      [`agents (${name})`, () => q.agents(period)],
      [`coupons vs hold-out (${name})`, () => q.coupons(period)],
      [`segments (${name})`, () => q.segments(period)],
      [`misunderstood list (${name})`, () => store.analytics.misunderstood(period)],
    );
  }
  queries.push(
    ['transcripts: newest page', () => store.analytics.search({ limit: 50 })],
    ['transcripts: negative, handed off, 30 days', () => store.analytics.search({ ...month, sentiment: 'negative', handedOff: true, limit: 50 })],
    ['transcripts: intent complaint', () => store.analytics.search({ intent: 'complaint', limit: 50 })],
    ['transcripts: free text', () => store.analytics.search({ text: 'parcel never arrived', limit: 50 })],
    ['transcripts: free text, 30 days', () => store.analytics.search({ ...month, text: 'parcel never arrived', limit: 50 })],
    ['transcripts: intent complaint, 30 days', () => store.analytics.search({ ...month, intent: 'complaint', limit: 50 })],
    ['transcript detail', () => store.analytics.transcript('conv_b12345')],
  );
  let worst = 0;
  for (const [name, fn] of queries) {
    const ms = time(fn);
    if (!name.startsWith('transcript')) worst = Math.max(worst, ms);
    console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / yardstick).toFixed(3)} × scan`);
  }
  console.log(`slowest dashboard query ${worst.toFixed(1)} ms (floor < ${FLOOR_MS} ms): ${worst < FLOOR_MS ? 'PASS' : 'FAIL'}`);
  store.close();
}

main();
