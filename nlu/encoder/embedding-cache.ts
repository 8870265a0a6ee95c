/**
 * A small least-recently-used cache of embeddings keyed by exact text. The same message is often
 * embedded twice in a turn (once to understand it, once when it is logged), and a model run costs
 * far more than a map lookup.
 *
 * @example
 * const cache = new EmbeddingCache(2);
 * cache.set('hi', vector);
 * cache.get('hi'); // vector, now the most recently used
 */
export class EmbeddingCache {
  // A Map iterates in insertion order, so re-inserting on access keeps the oldest entry first.
  private readonly entries = new Map<string, Float32Array>();

  /** @param capacity - most embeddings kept; 0 disables caching */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`cache capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  /** Number of embeddings held. */
  get size(): number {
    return this.entries.size;
  }

  /** The cached embedding of `text`, marked as just used; undefined when absent. */
  get(text: string): Float32Array | undefined {
    const vector = this.entries.get(text);
    if (vector === undefined) return undefined;
    this.entries.delete(text);
    this.entries.set(text, vector);
    return vector;
  }

  /** Stores the embedding of `text`, evicting the least recently used one when full. */
  set(text: string, vector: Float32Array): void {
    if (this.capacity === 0) return;
    this.entries.delete(text);
    this.entries.set(text, vector);
    if (this.entries.size <= this.capacity) return;
    const oldest = this.entries.keys().next();
    if (oldest.done !== true) this.entries.delete(oldest.value);
  }
}
