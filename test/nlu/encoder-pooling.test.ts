import { dot, EmbeddingCache, l2Normalise, meanPool } from '../../nlu/encoder';
import { closingSpecialTokens, padBatch, truncateKeepingEnd } from '../../nlu/encoder/token-batch';

describe('meanPool', () => {
  it('averages only the tokens the attention mask keeps', () => {
    // Two texts, three positions, width 2; the second text has one padded position.
    const hidden = Float32Array.of(1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 999, 999);
    const pooled = meanPool(hidden, [2, 3, 2], [1n, 1n, 1n, 1n, 1n, 0n]);
    expect(Array.from(pooled[0]!)).toEqual([3, 4]);
    expect(Array.from(pooled[1]!)).toEqual([20, 30]);
  });

  it('gives zeros for a text with no real token and accepts numeric masks', () => {
    const pooled = meanPool([7, 8], [1, 1, 2], [0]);
    expect(Array.from(pooled[0]!)).toEqual([0, 0]);
  });

  it('rejects shapes that do not match the data', () => {
    expect(() => meanPool([1, 2, 3], [1, 2, 2], [1, 1])).toThrow(RangeError);
    expect(() => meanPool([1, 2, 3, 4], [1, 2, 2], [1])).toThrow(RangeError);
  });
});

describe('l2Normalise and dot', () => {
  it('scales to unit length without touching the input', () => {
    const input = Float32Array.of(3, 4);
    const unit = l2Normalise(input);
    expect(Array.from(unit)).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(dot(unit, unit)).toBeCloseTo(1, 6);
    expect(Array.from(input)).toEqual([3, 4]);
  });

  it('leaves a zero vector at zero instead of NaN', () => {
    expect(Array.from(l2Normalise([0, 0, 0]))).toEqual([0, 0, 0]);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => dot([1, 2], [1])).toThrow(RangeError);
  });
});

describe('EmbeddingCache', () => {
  const vector = (value: number): Float32Array => Float32Array.of(value);

  it('evicts the least recently used text when full', () => {
    const cache = new EmbeddingCache(2);
    cache.set('a', vector(1));
    cache.set('b', vector(2));
    expect(cache.get('a')?.[0]).toBe(1); // 'a' is now fresher than 'b'
    cache.set('c', vector(3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.[0]).toBe(1);
    expect(cache.get('c')?.[0]).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces an entry stored twice without growing', () => {
    const cache = new EmbeddingCache(2);
    cache.set('a', vector(1));
    cache.set('a', vector(5));
    expect(cache.size).toBe(1);
    expect(cache.get('a')?.[0]).toBe(5);
  });

  it('keeps nothing at capacity 0 and rejects a bad capacity', () => {
    const cache = new EmbeddingCache(0);
    cache.set('a', vector(1));
    expect(cache.get('a')).toBeUndefined();
    expect(() => new EmbeddingCache(-1)).toThrow(RangeError);
    expect(() => new EmbeddingCache(1.5)).toThrow(RangeError);
  });
});

describe('token batches', () => {
  const SPECIAL = new Set([0, 101, 102]);

  it('reads the closing special tokens off an encoded text', () => {
    expect(closingSpecialTokens([101, 7, 102], SPECIAL)).toEqual([102]);
    expect(closingSpecialTokens([7, 8], SPECIAL)).toEqual([]);
  });

  it('cuts a long text but keeps its closing tokens, and leaves a short one alone', () => {
    expect(truncateKeepingEnd([101, 7, 8, 9, 102], 4, [102])).toEqual([101, 7, 8, 102]);
    expect(truncateKeepingEnd([101, 7, 102], 4, [102])).toEqual([101, 7, 102]);
    expect(truncateKeepingEnd([101, 7, 8, 9, 102], 3, [])).toEqual([101, 7, 8]);
    expect(truncateKeepingEnd([101, 7, 8], 1, [102, 103])).toEqual([102]);
  });

  it('pads rows on the right and masks the padding', () => {
    const batch = padBatch([[101, 7, 102], [101, 102]], 0);
    expect(batch.shape).toEqual([2, 3]);
    expect(Array.from(batch.inputIds, Number)).toEqual([101, 7, 102, 101, 102, 0]);
    expect(Array.from(batch.attentionMask, Number)).toEqual([1, 1, 1, 1, 1, 0]);
  });
});
