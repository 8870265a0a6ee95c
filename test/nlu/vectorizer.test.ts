import { TfidfVectorizer, countGrams, type SparseVector } from '../../nlu/intent/vectorizer';

const TRAINING = [
  'where is my order?',
  'where is my parcel',
  'has my order shipped yet',
  'I want to return an item',
  'how do I return this mug',
  'do you have red lanterns?',
  'do you have lanterns in blue',
  'what are your delivery options?',
  'delivery to Germany please',
  'thanks, bye',
  '我的订单到哪了？',
  '我想退货',
  '你们有红色的灯笼吗',
  'refunded refunds refunding',
];

/** The vector spelled out from {@link countGrams} and the saved state: what `transform` must equal. */
function reference(vectorizer: TfidfVectorizer, text: string): SparseVector {
  const { vocabulary, idf, charRange, wordRange } = vectorizer.toState();
  const index = new Map(vocabulary.map((gram, i) => [gram, i]));
  const features: Array<{ i: number; value: number; word: boolean }> = [];
  for (const [gram, n] of countGrams(text, charRange, wordRange)) {
    const i = index.get(gram);
    if (i !== undefined) features.push({ i, value: (1 + Math.log(n)) * (idf[i] ?? 1), word: gram.startsWith('w') });
  }
  const norm = (word: boolean): number => Math.sqrt(features.filter((f) => f.word === word).reduce((s, f) => s + f.value * f.value, 0)) || 1;
  const [wordNorm, charNorm] = [norm(true), norm(false)];
  features.sort((a, b) => a.i - b.i);
  return {
    indices: Int32Array.from(features.map((f) => f.i)),
    values: Float32Array.from(features.map((f) => f.value / (f.word ? wordNorm : charNorm))),
  };
}

describe('TfidfVectorizer.transform', () => {
  const vectorizer = TfidfVectorizer.fit(TRAINING, { minDf: 1 });

  it.each([
    'where is my order',
    'Where is my ORDER??',
    'order order order where',
    'returns, returned, returning: how do returns work',
    'wher is my ordr',
    '我的订单呢',
    '有没有红色灯笼',
    'red lanterns 灯笼',
    'nothing in the vocabulary: zzz qqq',
    '',
  ])('gives the vector of every vocabulary gram counted, weighted and normalised per block: %j', (text) => {
    const got = vectorizer.transform(text);
    const want = reference(vectorizer, text);
    expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
    Array.from(want.values).forEach((v, k) => expect(got.values[k]).toBeCloseTo(v, 6));
  });

  it('weighs words and characters as two unit blocks', () => {
    const { indices, values } = vectorizer.transform('where is my order');
    const { vocabulary } = vectorizer.toState();
    const block = (prefix: string): number => Array.from(indices).reduce((s, i, k) => s + (vocabulary[i]!.startsWith(prefix) ? values[k]! ** 2 : 0), 0);
    expect(block('w')).toBeCloseTo(1, 5);
    expect(block('c')).toBeCloseTo(1, 5);
  });

  it('survives a save and restore', () => {
    const restored = TfidfVectorizer.fromState(JSON.parse(JSON.stringify(vectorizer.toState())));
    expect(restored.transform('do you have red lanterns?')).toEqual(vectorizer.transform('do you have red lanterns?'));
  });
});
