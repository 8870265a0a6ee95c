/** What a masked piece of personal data is replaced with, by kind. */
export const PII_MASKS = { card: '[card number]', email: '[email]', phone: '[phone]' } as const;

/** The kinds of personal data {@link redactPii} masks. */
export type PiiKind = keyof typeof PII_MASKS;

// 13 to 19 digits, optionally grouped by single spaces or dashes (how people type card numbers).
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A leading + or 00, then digits with spaces, dots, dashes or brackets; 9 to 15 digits in all
// (E.164's ceiling), so six-digit order numbers, dates and prices stay readable.
const PHONE = /(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{7,22}\d(?!\w)/g;

/** The Luhn checksum that every payment card number satisfies (and most random digit runs do not). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function digitCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch >= '0' && ch <= '9') n += 1;
  return n;
}

/**
 * Masks payment card numbers (Luhn-checked, so order numbers survive), email addresses and
 * phone numbers in free text.
 *
 * @example
 * redactPii('card 4111 1111 1111 1111, mail ann@example.com'); // 'card [card number], mail [email]'
 */
export function redactPii(text: string): string {
  if (!/\d|@/.test(text)) return text;
  return text
    .replace(CARD, (match) => (luhnValid(match.replace(/[ -]/g, '')) ? PII_MASKS.card : match))
    .replace(EMAIL, PII_MASKS.email)
    .replace(PHONE, (match) => {
      const n = digitCount(match);
      return n >= 9 && n <= 15 ? PII_MASKS.phone : match;
    });
}

/**
 * A copy of a log record with every string redacted (errors keep their class, so the log
 * serializer still names them). Cycles and very deep values are cut off.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactPii(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value instanceof Error) {
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error;
    for (const [key, v] of Object.entries(value)) (copy as unknown as Record<string, unknown>)[key] = redactDeep(v, depth + 1);
    copy.message = redactPii(value.message);
    if (value.stack) copy.stack = redactPii(value.stack);
    return copy;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = redactDeep(v, depth + 1);
  return out;
}
