import type { Entity, EntityType } from '../types';

/** One regular-expression entity rule: the pattern and how to normalise a match. */
interface PatternRule {
  type: EntityType;
  pattern: RegExp;
  /** Capture group holding the value (0 = the whole match). */
  group: number;
  normalize: (value: string) => string;
}

/**
 * Order numbers: the shop's invoice numbers are 6 digits (a `C` prefix marks a cancellation in
 * the UCI data), written bare, as `#536365`, `order 536365`, `order no. 536365` or `订单536365`.
 * Longer digit runs are phone numbers or card numbers, not orders, hence the digit boundaries.
 */
const ORDER_ID = /(?:(?:order|invoice|purchase|订单|单号)\s*(?:no\.?|number|num|id|#|号)?\s*[:：]?\s*#?|#)?(?<![\d.,\w])([cC]?\d{6})(?!\d|[.,]\d)/gu;
// Latin letters only: Chinese runs straight into an address ("我的邮箱是li@x.com") and would be swallowed.
const EMAIL = /[\p{Script=Latin}\p{N}._%+-]+@[\p{Script=Latin}\p{N}.-]+\.\p{Script=Latin}{2,}/gu;
/** Phones start with + or 0 (international or trunk prefix) or are grouped 3-3-4; bare digit runs stay order numbers. */
const PHONE = /(?<![\w+])(\+\d[\d ()-]{7,16}\d|\(?0\d[\d ()-]{7,14}\d|\d{3}[-. ]\d{3}[-. ]\d{4})(?![\d])/gu;
const MONEY = /(?:([£$€¥￥])\s?(\d+(?:[.,]\d{1,2})?)|(\d+(?:[.,]\d{1,2})?)\s?(pounds?|quid|dollars?|euros?|gbp|usd|eur|元|块钱?|rmb))/giu;
const QUANTITY = /\b(\d{1,3})\s?(?:x\b|pcs\b|pieces?\b|items?\b|units?\b|of\s+(?:them|these|those)\b)|[x×](\d{1,3})\b|(\d{1,3})\s?(?:个|件|只|套|盒|包)/giu;

const RULES: readonly PatternRule[] = [
  { type: 'email', pattern: EMAIL, group: 0, normalize: (v) => v.toLowerCase() },
  { type: 'phone', pattern: PHONE, group: 1, normalize: (v) => v.replace(/[^\d+]/gu, '') },
  { type: 'order_id', pattern: ORDER_ID, group: 1, normalize: (v) => v.toUpperCase() },
];

/**
 * Full-width ASCII (ＡＢＣ１２３＠, common from Chinese keyboards) to plain ASCII, one UTF-16 unit
 * for one, so match positions still point into the original text.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, ' ');
}

function overlaps(entity: Entity, taken: readonly Entity[]): boolean {
  return taken.some((t) => entity.start < t.end && t.start < entity.end);
}

function moneyValue(match: RegExpMatchArray): string {
  const amount = (match[2] ?? match[3] ?? '0').replace(',', '.');
  return Number(amount).toFixed(2);
}

/**
 * Finds the pattern entities (order number, email, phone, money, quantity), earlier rules
 * winning over later ones where spans overlap (an email's digits are not an order number).
 */
export function findPatternEntities(original: string): Entity[] {
  const text = halfWidth(original);
  const found: Entity[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const raw = match[rule.group];
      if (!raw || match.index === undefined) continue;
      const start = match.index + match[0].lastIndexOf(raw);
      const entity: Entity = { type: rule.type, value: rule.normalize(raw), text: original.slice(start, start + raw.length), start, end: start + raw.length, confidence: 1 };
      if (!overlaps(entity, found)) found.push(entity);
    }
  }
  for (const match of text.matchAll(MONEY)) {
    if (match.index === undefined) continue;
    const entity: Entity = { type: 'money', value: moneyValue(match), text: original.slice(match.index, match.index + match[0].length), start: match.index, end: match.index + match[0].length, confidence: 1 };
    if (!overlaps(entity, found)) found.push(entity);
  }
  for (const match of text.matchAll(QUANTITY)) {
    if (match.index === undefined) continue;
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    const entity: Entity = { type: 'quantity', value: String(Number(value)), text: original.slice(match.index, match.index + match[0].length), start: match.index, end: match.index + match[0].length, confidence: 1 };
    if (value && !overlaps(entity, found)) found.push(entity);
  }
  return found;
}
