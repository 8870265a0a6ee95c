import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { BilingualSentiment, crossValidateSentiment, loadLexicon, NEUTRAL_INTENTS, neutralShopTexts, readShopCorpus, trainWithNeutral } from '../../nlu';
import { createRng, shuffled } from '../../nlu/random';
import { lexiconFeatures } from '../../nlu/sentiment/features';
import { hasShared, SHARED_DATA } from './shared-data';

describe('shipped sentiment', () => {
  const sentiment = BilingualSentiment.loadShipped();
  const label = (text: string): string => sentiment.analyze(text).label;

  it.each([
    'I am still waiting for my parcel',
    'this is the third time I ask',
    'not happy at all',
    'the mug arrived broken and nobody answers',
    '这是第三次问了',
    '质量太差了，很失望',
    '等了一个星期还没到',
  ])('reads support complaints as negative: %s', (text) => {
    expect(label(text)).toBe('negative');
  });

  it.each(['love it, thank you so much!', 'great service, very fast', '非常满意，谢谢', '质量很好，物流也快'])('positive: %s', (text) => {
    expect(label(text)).toBe('positive');
  });

  it.each(['where is my order 536365?', 'do you ship to france', '可以用支付宝吗', '我的订单在哪里'])('neutral questions: %s', (text) => {
    expect(label(text)).toBe('neutral');
  });

  it('keeps plain shop messages it never trained on neutral, in both languages', () => {
    const { test } = readShopCorpus();
    for (const locale of ['en', 'zh'] as const) {
      const plain = test.filter((e) => e.locale === locale && NEUTRAL_INTENTS.has(e.intent));
      expect(plain.length).toBeGreaterThan(40);
      expect(plain.filter((e) => label(e.text) === 'neutral').length / plain.length).toBeGreaterThan(0.75);
    }
  });

  it('handles negation and intensifiers', () => {
    expect(sentiment.analyze('not good').score).toBeLessThan(0);
    expect(sentiment.analyze('not bad at all').score).toBeGreaterThan(sentiment.analyze('bad').score);
    const compound = (text: string): number => lexiconFeatures(text.split(' '), loadLexicon('en'), text)[0] ?? 0;
    expect(compound('very good')).toBeGreaterThan(compound('good'));
    expect(compound('slightly good')).toBeLessThan(compound('good'));
    expect(compound('not good')).toBeLessThan(0);
    expect(compound('good but disappointing')).toBeLessThan(0);
  });
});

const HAVE_UCI = hasShared('sentiment', 'uci_sentiment_sentences');
(HAVE_UCI ? it : it.skip)('beats AFINN (0.79) and VADER (0.81) on UCI Amazon/Yelp/IMDb, 5-fold (never scored on trained data)', () => {
  const dir = path.join(SHARED_DATA, 'sentiment', 'uci_sentiment_sentences');
  const sentences = fs.readdirSync(dir).flatMap((f) =>
    (parse(fs.readFileSync(path.join(dir, f)), { columns: true }) as { text: string; label: string }[]).map((r) => ({ text: r.text, label: Number(r.label), domain: f })),
  );
  const figures = crossValidateSentiment(sentences, loadLexicon('en'), 5, { neutral: neutralShopTexts('en') });
  expect(Object.keys(figures.perDomain)).toHaveLength(3);
  expect(figures.mean).toBeGreaterThanOrEqual(0.85);
}, 180_000);

const HAVE_ZH = hasShared('sentiment', 'zh', 'online_shopping_10_cats_no_hotel.csv');
(HAVE_ZH ? it : it.skip)('learns Chinese shop-review sentiment: held-out accuracy on a seeded subsample', () => {
  const rows = parse(fs.readFileSync(path.join(SHARED_DATA, 'sentiment', 'zh', 'online_shopping_10_cats_no_hotel.csv')), { columns: true, bom: true }) as { review: string; label: string }[];
  const sample = shuffled(rows.filter((r) => r.review.trim()), createRng(5)).slice(0, 8000).map((r) => ({ text: r.review, label: Number(r.label), domain: 'zh' }));
  const train = sample.slice(0, 6000);
  const test = sample.slice(6000);
  const model = trainWithNeutral(train, neutralShopTexts('zh'), {}, { minDf: 2 });
  const accuracy = test.filter((s) => (model.positiveProbability(s.text) >= 0.5 ? 1 : 0) === s.label).length / test.length;
  expect(accuracy).toBeGreaterThan(0.88);
}, 180_000);
