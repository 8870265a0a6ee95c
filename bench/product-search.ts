/**
 * Chat product search benchmark: how long `searchProducts` takes for shoppers' product questions
 * over the demo shop's catalog (2,382 products), with the entities the built-in NLU finds in
 * them. Yardstick, in the same run on the same questions: the same search reading the whole pool
 * of 200 matches a reply can count (`SEARCH_POOL`), which is what the chat read, parsed and sorted
 * before it asked the catalog for the five cards it shows. Best of interleaved rounds.
 *
 * The catalog keeps its answers until it is written (`ReadCache`), so the first two figures are
 * of a question asked for the first time since the catalog changed: each call counts a write to
 * `products` first, as a trigger does (a one-row update, a few microseconds). The third is the
 * same question asked again, answered from memory.
 *
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/product-search.js`
 */
import { performance } from 'node:perf_hooks';
import { SEARCH_POOL, productCriteria, searchProducts } from '../bot/dialogs/product-search';
import { loadDemoShop } from '../data';
import { createBuiltinNlu } from '../nlu';
import { openStore } from '../store';

const QUESTIONS = ['do you have any candles?', 'something under £5 for the kitchen', 'anything in pink?', 'do you have red lanterns?', '有红色的午餐袋吗'];
/** Cards under one chat reply (the product dialog's MAX_CARDS). */
const CARDS = 5;
const ROUNDS = 10;
const CALLS = 30;

async function main(): Promise<void> {
  const store = openStore({ file: ':memory:' });
  loadDemoShop(store, { now: Date.now() });
  const catalogWritten = store.db.prepare("UPDATE table_versions SET version = version + 1 WHERE name = 'products'");
  const nlu = await createBuiltinNlu({ catalog: store.products.all().map((p) => ({ id: p.id, name: p.name })) });
  for (const question of QUESTIONS) {
    const understood = await nlu.understand(question);
    const criteria = productCriteria(question, understood.entities);
    const best = { cards: Infinity, pool: Infinity, again: Infinity };
    let found = { items: [] as unknown[], total: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, limit] of [['cards', CARDS], ['pool', SEARCH_POOL], ['again', CARDS]] as const) {
        const started = performance.now();
        for (let i = 0; i < CALLS; i++) {
          if (kind !== 'again') catalogWritten.run();
          found = searchProducts(store.products, criteria, { limit });
        }
        best[kind] = Math.min(best[kind], (performance.now() - started) / CALLS);
      }
    }
    process.stdout.write(
      `${JSON.stringify(question).padEnd(40)} ${String(found.total).padStart(4)} matches  ` +
        `${CARDS} cards ${best.cards.toFixed(2)} ms  yardstick (pool of ${SEARCH_POOL}) ${best.pool.toFixed(2)} ms  ratio ${(best.cards / best.pool).toFixed(2)}x  ` +
        `asked again ${best.again.toFixed(3)} ms (${(best.again / best.cards).toFixed(3)}x)\n`,
    );
  }
  store.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
