/** Why a sentence encoder could not be loaded. */
export const ENCODER_UNAVAILABLE_REASONS = [
  /** No model directory, and downloading was not allowed. */
  'not_found',
  /** The directory exists but lacks files transformers.js needs. */
  'incomplete',
  /** The files are there (or were being downloaded) but the tokenizer or the ONNX model failed. */
  'load_failed',
] as const;
/** One reason from {@link ENCODER_UNAVAILABLE_REASONS}. */
export type EncoderUnavailableReason = (typeof ENCODER_UNAVAILABLE_REASONS)[number];

/**
 * The configured sentence encoder cannot be used. The encoder is optional: callers log this
 * one-line message and carry on without it.
 *
 * @example
 * try {
 *   encoder = await loadSentenceEncoder({ model, modelsDir });
 * } catch (error) {
 *   if (!(error instanceof SentenceEncoderUnavailableError)) throw error;
 *   logger.warn(error.message); // and start without the encoder
 * }
 */
export class SentenceEncoderUnavailableError extends Error {
  override readonly name = 'SentenceEncoderUnavailableError';

  constructor(
    /** The model that was asked for. */
    readonly model: string,
    readonly reason: EncoderUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
