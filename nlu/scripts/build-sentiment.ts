/**
 * Trains the shipped sentiment models and records their honest figures:
 * - English on the UCI Amazon/Yelp/IMDb sentences, scored by 10-fold cross-validation over the
 *   pooled sets (each sentence scored by a model that never saw it) and by leave-one-domain-out;
 * - Chinese on the online-shopping reviews, scored on a seeded 20% held-out split. Only learned
 *   weights of character n-grams are shipped, never the review text (the set states no licence).
 *
 * Run from the repository root: `node dist/nlu/scripts/build-sentiment.js ../shared/data`
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { neutralShopTexts } from '../corpus';
import { createRng, shuffled } from '../random';
import { crossDomainSentiment, crossValidateSentiment, trainWithNeutral, type LabelledSentence } from '../sentiment/evaluate';
import { SENTIMENT_MODEL_DIR, loadLexicon } from '../sentiment/builtin';

const UCI_SETS = ['amazon_cells_labelled', 'yelp_labelled', 'imdb_labelled'] as const;
const ROW = z.object({ text: z.string(), label: z.coerce.number().int().min(0).max(1) });
const ZH_ROW = z.object({ review: z.string(), label: z.coerce.number().int().min(0).max(1) });

function readUci(shared: string): LabelledSentence[] {
  return UCI_SETS.flatMap((name) => {
    const rows = z.array(ROW).parse(parse(fs.readFileSync(path.join(shared, 'sentiment', 'uci_sentiment_sentences', `${name}.csv`)), { columns: true }));
    return rows.map((r) => ({ text: r.text, label: r.label, domain: name }));
  });
}

function readZh(shared: string): LabelledSentence[] {
  const rows = z.array(ZH_ROW).parse(parse(fs.readFileSync(path.join(shared, 'sentiment', 'zh', 'online_shopping_10_cats_no_hotel.csv')), { columns: true, bom: true }));
  return rows.filter((r) => r.review.trim().length > 0).map((r) => ({ text: r.review.replace(/^\ufeff/u, ''), label: r.label, domain: 'zh' }));
}

/** Chinese neutral messages are few next to 40k reviews: repeated so the neutral class is learned. */
const ZH_NEUTRAL_REPEAT = 30;

function main(): void {
  const shared = process.argv[2] ?? path.join('..', 'shared', 'data');
  const outDir = path.join(process.cwd(), SENTIMENT_MODEL_DIR);
  const lexicon = loadLexicon('en');
  const en = readUci(shared);
  const enNeutral = neutralShopTexts('en');
  const enFigures = crossValidateSentiment(en, lexicon, 10, { neutral: enNeutral });
  const enCrossDomain = crossDomainSentiment(en, lexicon, { neutral: enNeutral });
  fs.writeFileSync(path.join(outDir, 'en.json'), JSON.stringify(trainWithNeutral(en, enNeutral, lexicon).toState()));
  const zh = shuffled(readZh(shared), createRng(11));
  const zhNeutral = Array.from({ length: ZH_NEUTRAL_REPEAT }, () => neutralShopTexts('zh')).flat();
  const cut = Math.floor(zh.length * 0.8);
  const zhModel = trainWithNeutral(zh.slice(0, cut), zhNeutral, {}, { minDf: 3 });
  const zhTest = zh.slice(cut);
  const zhAccuracy = zhTest.filter((s) => (zhModel.positiveProbability(s.text) >= 0.5 ? 1 : 0) === s.label).length / zhTest.length;
  fs.writeFileSync(path.join(outDir, 'zh.json'), JSON.stringify(trainWithNeutral(zh, zhNeutral, {}, { minDf: 3 }).toState()));
  const metrics = { en: enFigures, enCrossDomain, zh: { protocol: 'seeded 80/20 split', accuracy: zhAccuracy, test: zhTest.length } };
  fs.writeFileSync(path.join(outDir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(metrics)}\n`);
}

main();
