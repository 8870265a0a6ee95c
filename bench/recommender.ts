// Recommender on the full Amazon Video Games sequences (31k users, 24k items, 287k events):
// leave-last-out per user, all items ranked, HR@10 / NDCG@10 of the engine against plain item-kNN
// (binary cosine) and popularity computed in the same run on the same split. Floors (issue 5):
// NDCG@10 >= 1.1 x item-kNN, build < 20 s, top-10 for one user p99 < 2 ms, memory reported.
// Also: the same evaluation on the UCI Online Retail customer-item pairs, incremental updates,
// and the save/load round trip. Run: node --expose-gc dist/bench/recommender.js
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildRecommender,
  evaluateHeldOut,
  evaluateLeaveLastOut,
  itemKnnYardstick,
  leaveLastOut,
  loadRecommender,
  saveRecommender,
  type Interaction,
  type RankingMetrics,
} from '../recommender';

const FLOORS = { ndcgRatio: 1.1, buildSeconds: 20, queryP99Ms: 2 };
const QUERY_USERS = 5000;
const SHARED = process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
const VIDEO = path.join(SHARED, 'interactions', 'amazon_video_games', 'Video.txt');
const RETAIL = path.join(SHARED, 'interactions', 'online_retail', 'implicit_customer_item.csv');

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const cpuSeconds = (): number => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
const pass = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

function readVideo(): Interaction[] {
  return readFileSync(VIDEO, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [userId = '', itemId = ''] = line.split(' ');
      return { userId, itemId };
    });
}

function readRetail(): Interaction[] {
  // CustomerID,StockCode,quantity,n_invoices: invoice count is the implicit strength.
  return readFileSync(RETAIL, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [userId = '', itemId = '', , invoices = '1'] = line.split(',');
      return { userId, itemId, weight: Number(invoices) || 1 };
    });
}

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

interface Latency {
  p50: number;
  p99: number;
  /** p99 of CPU time: what the query costs when the machine is not shared. */
  cpuP99: number;
}

function timeEach(users: readonly string[], query: (userId: string) => unknown): Latency {
  for (const userId of users.slice(0, 500)) query(userId); // warm the JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const userId of users) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    query(userId);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { p50: percentile(wall, 0.5), p99: percentile(wall, 0.99), cpuP99: percentile(cpu, 0.99) };
}

function row(name: string, m: RankingMetrics, yardstick: RankingMetrics): string {
  return `${name.padEnd(12)} HR@10 ${m.hitRate.toFixed(4)}  NDCG@10 ${m.ndcg.toFixed(4)}  (x${(m.ndcg / yardstick.ndcg).toFixed(2)} item-kNN NDCG)`;
}

function videoGames(): void {
  const events = readVideo();
  const { train, heldOut } = leaveLastOut(events);
  console.log(`Amazon Video Games: ${events.length} events, ${heldOut.size} held-out users; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const wallStart = Date.now();
  const cpuStart = cpuSeconds();
  const engine = buildRecommender(train, { seed: 42 });
  const buildWall = (Date.now() - wallStart) / 1000;
  const buildCpu = cpuSeconds() - cpuStart;
  gc();
  const memory = process.memoryUsage();
  console.log(`build (validation search + final fit): ${buildWall.toFixed(1)} s wall ${pass(buildWall < FLOORS.buildSeconds)}, ${buildCpu.toFixed(1)} s CPU ${pass(buildCpu < FLOORS.buildSeconds)}  [floor < ${FLOORS.buildSeconds} s]`);
  console.log(`chosen blend ${JSON.stringify(engine.blend.weights)} decay ${engine.blend.recencyDecay}, validation NDCG@10 ${engine.validationNdcg?.toFixed(4)}`);
  console.log(`memory: model heap ${mb(memory.heapUsed - heapBefore)}, heap ${mb(memory.heapUsed)}, rss ${mb(memory.rss)}`);

  const report = evaluateHeldOut(engine, heldOut, 10);
  console.log(row('engine', report.engine, report.itemKnn));
  console.log(row('item-kNN', report.itemKnn, report.itemKnn));
  console.log(row('popularity', report.popularity, report.itemKnn));
  const ratio = report.engine.ndcg / report.itemKnn.ndcg;
  console.log(`NDCG@10 engine / item-kNN = ${ratio.toFixed(2)}, / popularity = ${(report.engine.ndcg / report.popularity.ndcg).toFixed(2)}  [floor >= ${FLOORS.ndcgRatio}] ${pass(ratio >= FLOORS.ndcgRatio)}`);

  const users = [...heldOut.keys()].slice(0, QUERY_USERS);
  const ours = timeEach(users, (userId) => engine.recommend(userId, { k: 10 }));
  const knn = itemKnnYardstick(engine);
  const theirs = timeEach(users, (userId) => knn(userId, 10));
  console.log(`top-10 query, wall: p50 ${ours.p50.toFixed(3)} ms, p99 ${ours.p99.toFixed(3)} ms ${pass(ours.p99 < FLOORS.queryP99Ms)}; plain item-kNN p50 ${theirs.p50.toFixed(3)} ms, p99 ${theirs.p99.toFixed(3)} ms (p99 ratio ${(ours.p99 / theirs.p99).toFixed(2)})`);
  console.log(`top-10 query, CPU time: p99 ${ours.cpuP99.toFixed(3)} ms ${pass(ours.cpuP99 < FLOORS.queryP99Ms)}; plain item-kNN p99 ${theirs.cpuP99.toFixed(3)} ms  [floor p99 < ${FLOORS.queryP99Ms} ms]`);

  // Round trip first: after live events the in-memory popularity may lag by up to 1% of events
  // (refreshed lazily), while a loaded model starts fresh.
  roundTrip(engine, users);
  incremental(engine, users);
}

function incremental(engine: ReturnType<typeof buildRecommender>, users: readonly string[]): void {
  const items = engine.models.index.itemIds;
  const times: number[] = [];
  users.slice(0, 2000).forEach((userId, i) => {
    const start = process.hrtime.bigint();
    engine.addInteraction({ userId, itemId: items[(i * 7919) % items.length] as string, kind: 'view' });
    engine.recommend(userId, { k: 10 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  });
  console.log(`incremental: addInteraction + next top-10 (busy rows updated in place, small rows recomputed) p50 ${percentile(times, 0.5).toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms`);
}

function roundTrip(engine: ReturnType<typeof buildRecommender>, users: readonly string[]): void {
  let start = Date.now();
  const json = JSON.stringify(saveRecommender(engine));
  const saveMs = Date.now() - start;
  start = Date.now();
  const restored = loadRecommender(JSON.parse(json));
  const loadMs = Date.now() - start;
  const same = users.slice(0, 200).every((u) => JSON.stringify(restored.recommend(u).map((r) => r.itemId)) === JSON.stringify(engine.recommend(u).map((r) => r.itemId)));
  console.log(`save/load: ${mb(json.length)} JSON, save ${saveMs} ms, load ${loadMs} ms, same top-10 for 200 users: ${same}`);
}

function onlineRetail(): void {
  const report = evaluateLeaveLastOut(readRetail(), { k: 10, seed: 42 });
  console.log(`\nUCI Online Retail (customer-item pairs, file order): ${report.users} held-out users, build ${(report.buildMs / 1000).toFixed(1)} s`);
  console.log(row('engine', report.engine, report.itemKnn));
  console.log(row('item-kNN', report.itemKnn, report.itemKnn));
  console.log(row('popularity', report.popularity, report.itemKnn));
}

if (!existsSync(VIDEO)) {
  console.log(`skipped: ${VIDEO} not found (set SHOPKEEP_SHARED_DATA)`);
} else {
  videoGames();
  if (existsSync(RETAIL)) onlineRetail();
}
