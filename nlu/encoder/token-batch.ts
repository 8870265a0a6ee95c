/** Token ids of a batch, padded to one length, with the attention mask saying which are real. */
export interface TokenBatch {
  /** Row-major `[batch, sequence]`, int64 as onnxruntime expects. */
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  shape: [batch: number, sequence: number];
}

/**
 * The special tokens a tokenizer puts after the text (`[SEP]` for BERT, `</s>` for XLM-R), read
 * from the end of one encoded text.
 *
 * @param encoded - the ids of any short text with special tokens added
 * @param specialIds - the tokenizer's special token ids
 */
export function closingSpecialTokens(encoded: readonly number[], specialIds: ReadonlySet<number>): number[] {
  let start = encoded.length;
  while (start > 0 && specialIds.has(encoded[start - 1]!)) start--;
  return encoded.slice(start);
}

/**
 * Cuts an encoded text to `maxLength` tokens and puts its closing special tokens back, as the
 * model saw texts in training. (transformers.js truncates after adding special tokens, so a long
 * text would otherwise lose its `[SEP]`.)
 *
 * @example
 * truncateKeepingEnd([101, 7, 8, 9, 102], 4, [102]); // [101, 7, 8, 102]
 */
export function truncateKeepingEnd(ids: readonly number[], maxLength: number, closing: readonly number[]): number[] {
  if (ids.length <= maxLength) return [...ids];
  const room = Math.max(0, maxLength - closing.length);
  return [...ids.slice(0, room), ...closing].slice(0, maxLength);
}

/** Pads every row on the right with `padId` to the longest row; the mask is 1 on real tokens. */
export function padBatch(rows: readonly (readonly number[])[], padId: number): TokenBatch {
  const sequence = Math.max(0, ...rows.map((row) => row.length));
  const inputIds = new BigInt64Array(rows.length * sequence).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(rows.length * sequence);
  rows.forEach((row, b) => {
    row.forEach((id, s) => {
      inputIds[b * sequence + s] = BigInt(id);
      attentionMask[b * sequence + s] = 1n;
    });
  });
  return { inputIds, attentionMask, shape: [rows.length, sequence] };
}
