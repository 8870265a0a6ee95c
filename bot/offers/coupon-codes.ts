import { randomBytes } from 'node:crypto';

/** Crockford's base 32: no I, L, O, U, so a code read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random characters in a code: 16 × 5 = 80 bits, far beyond guessing against a rate-limited API. */
export const CODE_RANDOM_CHARS = 16;

/** A source of random bytes (crypto in production; injectable so tests can see what a code holds). */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * A new unguessable coupon code, `SK-XXXX-XXXX-XXXX-XXXX` (80 random bits from the system's
 * cryptographic generator).
 *
 * @example
 * newCouponCode(); // 'SK-7F3K-Q9ZD-M2XA-T6WB'
 */
export function newCouponCode(bytes: RandomBytes = randomBytes): string {
  const raw = bytes(CODE_RANDOM_CHARS);
  let chars = '';
  // 256 is a multiple of 32, so every character is uniform over the alphabet.
  for (let i = 0; i < CODE_RANDOM_CHARS; i++) chars += ALPHABET[(raw[i] ?? 0) % 32];
  return `SK-${chars.match(/.{4}/g)?.join('-') ?? chars}`;
}

/** The stored form of a code as a shopper or shop may type it: upper case, no spaces. */
export function normaliseCouponCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}
