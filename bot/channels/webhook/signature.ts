import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header with the sender's Unix time in seconds, part of what is signed. */
export const TIMESTAMP_HEADER = 'x-shopkeep-timestamp';
/** Header with `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. */
export const SIGNATURE_HEADER = 'x-shopkeep-signature';
/** Header with the outbox delivery id on outgoing calls (the same on every retry). */
export const DELIVERY_HEADER = 'x-shopkeep-delivery';

const SCHEME = 'v1=';

/**
 * The signature of a webhook body: HMAC-SHA256 with the shared secret over
 * `"<timestamp>.<raw body>"`, hex, prefixed `v1=`. Signing the timestamp with the body lets the
 * receiver refuse an old message replayed with a fresh timestamp.
 *
 * @example
 * signature(secret, 1767225600, '{"id":"m1",...}') // 'v1=5f0c…'
 */
export function signature(secret: string, timestamp: number, body: string | Buffer): string {
  return SCHEME + createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** Why a signed request was refused, or `ok`. */
export type SignatureCheck = 'ok' | 'missing' | 'bad_timestamp' | 'stale' | 'bad_signature';

/** What a signed request carries. */
export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
}

/**
 * Checks a signed request: both headers present, the timestamp within `toleranceSeconds` of now
 * (either way: a clock far ahead is as suspect as a replay), and the signature equal in constant
 * time.
 */
export function verifySignature(request: SignedRequest, secret: string, nowMs: number, toleranceSeconds: number): SignatureCheck {
  if (!request.timestamp || !request.signature) return 'missing';
  if (!/^\d{1,12}$/.test(request.timestamp)) return 'bad_timestamp';
  const timestamp = Number(request.timestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) return 'stale';
  const expected = Buffer.from(signature(secret, timestamp, request.body));
  const given = Buffer.from(request.signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad_signature';
}
