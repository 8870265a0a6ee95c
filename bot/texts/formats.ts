/**
 * Money, region names and dates in a reply's language, with the `Intl` formatters made once and
 * kept: making one costs far more than formatting with it, and replies format on every turn.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DisplayNames | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DisplayNames | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** An amount in minor units as money, whole amounts without pence ("free over £40", not "£40.00"). */
export function formatMoney(locale: string, minor: number, currency: string): string {
  const digits = minor % 100 === 0 ? 0 : 2;
  return cached(`money:${locale}:${currency}:${digits}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits })).format(minor / 100);
}

/** The name of a region (ISO 3166 code), or the code when it has none. */
export function regionName(locale: string, code: string): string {
  return cached(`region:${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
}

/** A date (UTC) with its weekday, day and month, e.g. "Saturday 21 November". */
export function formatDay(locale: string, iso: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' };
  return cached(`day:${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(new Date(iso));
}
