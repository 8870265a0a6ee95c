/**
 * The optional sentence encoder: transformers.js embeddings the NLU can use as extra features
 * for intent and out-of-scope detection, when a model is configured. Nothing else in `nlu/`
 * needs it, and nothing loads transformers.js until {@link loadSentenceEncoder} is called.
 */
export { DEFAULT_ENCODER_MODELS_DIR, loadOptionalSentenceEncoder, loadSentenceEncoder } from './sentence-encoder';
export type { EncoderStats, LoadedSentenceEncoder, SentenceEncoderOptions } from './sentence-encoder';
export { SentenceEncoderUnavailableError, ENCODER_UNAVAILABLE_REASONS } from './errors';
export type { EncoderUnavailableReason } from './errors';
export { ENCODER_DTYPES, requiredModelFiles } from './model-location';
export type { EncoderDtype } from './model-location';
export { EmbeddingCache } from './embedding-cache';
export { meanPool, l2Normalise, dot } from './pooling';
export type { HiddenStateShape } from './pooling';
