/** Shape of a batch of token states: `[batch, sequence, hidden]`. */
export type HiddenStateShape = readonly [batch: number, sequence: number, hidden: number];

/**
 * Averages each text's token states over its real tokens (attention mask 1), so padding added to
 * batch texts of different lengths does not change a text's embedding.
 *
 * @param hidden - token states, row-major `[batch, sequence, hidden]`
 * @param shape - the dimensions of `hidden`
 * @param mask - the attention mask, row-major `[batch, sequence]` (numbers or int64 as bigint)
 * @returns one vector of length `hidden` per text; a text with no real token gets zeros
 *
 * @example
 * meanPool(Float32Array.of(1, 2, 3, 4), [1, 2, 2], [1n, 0n]); // [Float32Array [1, 2]]
 */
export function meanPool(
  hidden: ArrayLike<number>,
  shape: HiddenStateShape,
  mask: ArrayLike<number | bigint>,
): Float32Array[] {
  const [batch, sequence, width] = shape;
  if (hidden.length !== batch * sequence * width) {
    throw new RangeError(`hidden states hold ${hidden.length} values, not ${batch}×${sequence}×${width}`);
  }
  if (mask.length !== batch * sequence) {
    throw new RangeError(`attention mask holds ${mask.length} values, not ${batch}×${sequence}`);
  }
  const pooled: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    // Sum in float64: float32 accumulation drifts with long texts.
    const sum = new Float64Array(width);
    let tokens = 0;
    for (let s = 0; s < sequence; s++) {
      if (Number(mask[b * sequence + s]) === 0) continue;
      tokens++;
      const offset = (b * sequence + s) * width;
      for (let d = 0; d < width; d++) sum[d]! += hidden[offset + d]!;
    }
    pooled.push(Float32Array.from(sum, (value) => (tokens === 0 ? 0 : value / tokens)));
  }
  return pooled;
}

/**
 * Scales a vector to unit length (L2), so a dot product of two embeddings is their cosine.
 * A zero vector stays zero rather than becoming NaN.
 *
 * @returns a new vector; the input is left as it is
 */
export function l2Normalise(vector: ArrayLike<number>): Float32Array {
  let squares = 0;
  for (let i = 0; i < vector.length; i++) squares += vector[i]! * vector[i]!;
  const norm = Math.sqrt(squares);
  return Float32Array.from(vector as ArrayLike<number>, (value) => (norm === 0 ? 0 : value / norm));
}

/** Dot product of two vectors of the same length (the cosine similarity of normalised embeddings). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i]! * b[i]!;
  return total;
}
