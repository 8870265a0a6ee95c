/**
 * Shop skills benchmark: latency of one bot turn, NLU included, over the demo shop (SQLite
 * store, dialog state in SQLite), for scripted conversations through every shop skill. The
 * issue's floor is p99 < 20 ms per turn. Yardstick, measured in the same run on the same
 * messages: `nlu.understand()` alone, so the ratio is what the bot adds around the NLU.
 *
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/shop-skills.js`
 */
import { performance } from 'node:perf_hooks';
import { ConversationState, TestAdapter } from 'botbuilder';
import { ShopBot, SqliteStorage } from '../bot';
import { demoOrderSamples, loadDemoShop } from '../data';
import { createBuiltinNlu } from '../nlu';
import { openStore, seedShopSkills } from '../store';

const FLOOR_P99_MS = 20;
const CONVERSATIONS = 60;
/** Conversations run first and not measured, so the JIT and SQLite's page cache are warm. */
const WARM_UP = 6;
const NOW = Date.now();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(44)} ${value}\n`);
}

/** One scripted conversation per demo order: tracking, a follow-up, shop questions, a product question, an order skill. */
function script(orderId: string, email: string, n: number): string[] {
  const chinese = Math.abs(n) % 3 === 2;
  if (chinese) {
    return ['你好', '我的订单到哪了？', orderId, email, '什么时候能到？', '配送到德国要多久', '有红色的午餐袋吗', '我要退货', '商品到货时已损坏', '退款到哪了'];
  }
  return ['hi', 'where is my order?', orderId, email, 'and when will it arrive?', 'actually, what are your delivery options?',
    'do you have a lunch bag in red?', 'something under £10 for the kitchen', 'I want to cancel my order', 'no', 'where is my refund?', 'thanks'];
}

async function main(): Promise<void> {
  const store = openStore({ file: ':memory:', clock: { now: () => NOW } });
  loadDemoShop(store, { now: NOW });
  seedShopSkills(store);
  const nlu = await createBuiltinNlu({ catalog: store.products.all().map((p) => ({ id: p.id, name: p.name })) });
  const bot = new ShopBot({ nlu, store, conversationState: new ConversationState(new SqliteStorage(store)) });
  const samples = demoOrderSamples();
  const turns: number[] = [];
  const understandOnly: number[] = [];
  for (let n = -WARM_UP; n < CONVERSATIONS; n++) {
    const sample = samples[Math.abs(n) % samples.length];
    if (!sample) throw new Error('the demo shop has no order samples');
    const adapter = new TestAdapter((context) => bot.run(context));
    adapter.conversation.conversation.id = `bench-${n}`;
    for (const text of script(sample.orderId, sample.email, n)) {
      const started = performance.now();
      await adapter.receiveActivity(text);
      const turn = performance.now() - started;
      adapter.activeQueue.splice(0);
      const before = performance.now();
      await nlu.understand(text, { locale: Math.abs(n) % 3 === 2 ? 'zh' : 'en' });
      if (n < 0) continue;
      turns.push(turn);
      understandOnly.push(performance.now() - before);
    }
  }
  store.close();
  turns.sort((a, b) => a - b);
  understandOnly.sort((a, b) => a - b);
  const p99 = percentile(turns, 0.99);
  const nluP99 = percentile(understandOnly, 0.99);
  line('turns measured', String(turns.length));
  line('turn p50 / p99 (ms)', `${percentile(turns, 0.5).toFixed(2)} / ${p99.toFixed(2)}`);
  line('yardstick: nlu.understand p50 / p99 (ms)', `${percentile(understandOnly, 0.5).toFixed(2)} / ${nluP99.toFixed(2)}`);
  line('turn p99 / understand p99', `${(p99 / nluP99).toFixed(2)}x`);
  line(`floor: turn p99 < ${FLOOR_P99_MS} ms`, p99 < FLOOR_P99_MS ? 'PASS' : 'FAIL');
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
