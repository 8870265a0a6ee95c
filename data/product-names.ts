/**
 * Turns the shop's upper-case stock descriptions ("S/3 WHITE HANGING HEART T-LIGHT HLDR") into
 * names a shopper reads ("Set of 3 White Hanging Heart T-Light Holder"), and splits them into
 * upper-case words for the keyword rules.
 */

/** Shorthands of the warehouse's descriptions and what a shopper would write instead. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  SML: 'SMALL',
  LRG: 'LARGE',
  LGE: 'LARGE',
  ASSTD: 'ASSORTED',
  ASST: 'ASSORTED',
  ASS: 'ASSORTED',
  COL: 'COLOUR',
  DES: 'DESIGN',
  HLDR: 'HOLDER',
  TLIGHT: 'T-LIGHT',
  TLIGHTS: 'T-LIGHTS',
  XMAS: 'CHRISTMAS',
};

/** Words kept in capitals: initialisms a title-caser would otherwise spoil. */
const ACRONYMS = new Set(['UK', 'USA', 'USB', 'LED', 'DVD', 'CD', 'TV', 'ABC', 'DIY', 'I', 'II', 'III', 'IV', 'A4', 'A5', 'A6', '3D']);

/** Short words that stay lower case inside a title. */
const MINOR_WORDS = new Set(['OF', 'AND', 'WITH', 'IN', 'ON', 'THE', 'A', 'AN', 'FOR', 'TO', 'OR', 'AT', 'BY']);

/** Units written apart from their number ("11 PC"). */
const UNIT_WORDS = new Set(['PC', 'PCS', 'CM', 'MM', 'G', 'KG', 'ML']);

/** Quantities and sizes ("250G", "45X45CM") read better in lower case. */
const MEASURE = /^\d+(\.\d+)?(X\d+(\.\d+)?)*(G|KG|CM|MM|ML|L|M|PC|PCS)?$/;

/** Expands the set/pack shorthands ("S/3", "SET/6", "PACK/12", "W/") into words. */
function expandShorthands(upper: string): string {
  return upper
    .replace(/\bS\/(\d+)/g, ' SET OF $1 ')
    .replace(/\bSET\/(\d+)/g, ' SET OF $1 ')
    .replace(/\bPACK\/(\d+)/g, ' PACK OF $1 ')
    .replace(/\bW\/\s*/g, ' WITH ')
    .replace(/[,*]/g, ' ');
}

/**
 * Normalised upper-case words of a description: shorthands expanded, punctuation other than
 * `-`, `'`, `+` and `.` dropped. The keyword rules and the attribute finder work on these.
 */
export function descriptionWords(description: string): string[] {
  return expandShorthands(description.toUpperCase())
    .split(/\s+/)
    .map((word) => word.replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/g, ''))
    .filter((word) => word.length > 0)
    .map((word) => ABBREVIATIONS[word] ?? word);
}

/** "T-LIGHT" → "T-Light", "DAD'S" → "Dad's", "CHARLIE+LOLA" → "Charlie+Lola". */
function capitalise(word: string): string {
  return word.toLowerCase().replace(/(^|[-+/(])([a-z])/g, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

function titleWord(word: string, index: number): string {
  if (ACRONYMS.has(word)) return word;
  if (MEASURE.test(word) || UNIT_WORDS.has(word)) return word.toLowerCase();
  if (index > 0 && MINOR_WORDS.has(word)) return word.toLowerCase();
  return capitalise(word);
}

/**
 * A readable product name in title case from a stock description.
 *
 * @example
 * productName('S/3 WHITE HANGING HEART T-LIGHT HLDR') // 'Set of 3 White Hanging Heart T-Light Holder'
 * productName('BAG 250g SWIRLY MARBLES')              // 'Bag 250g Swirly Marbles'
 */
export function productName(description: string): string {
  return descriptionWords(description).map(titleWord).join(' ');
}
