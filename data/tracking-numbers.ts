import type { IdRandom } from './random';

/** Parcel carriers of the demo shop, which ships from the UK. */
export const CARRIERS = ['Royal Mail', 'Parcelforce', 'DPD', 'DHL Express', 'UPS'] as const;
/** One carrier. */
export type Carrier = (typeof CARRIERS)[number];

function digits(random: IdRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

/**
 * The check digit of a UPU S10 item number (the 13-character "AB123456785GB" of Royal Mail and
 * Parcelforce): weights 8 6 4 2 3 5 9 7 over the serial, 11 minus the sum mod 11, with 10 → 0
 * and 11 → 5.
 */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * The check digit of a UPS "1Z" number over the 15 characters after "1Z": letters count as
 * (code − 63) mod 10, odd positions once and even positions twice.
 */
export function upsCheckDigit(body: string): number {
  const values = [...body].map((c) => (/\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10));
  const sum = values.reduce((total, value, i) => total + (i % 2 === 1 ? 2 * value : value), 0);
  return (10 - (sum % 10)) % 10;
}

function s10(prefix: string, random: IdRandom): string {
  const serial = digits(random, 8);
  return `${prefix}${serial}${s10CheckDigit(serial)}GB`;
}

function ups(random: IdRandom): string {
  const shipper = Array.from({ length: 6 }, () => random.pick([...'ABCDEFGHJKLMNPRSTUVWXY0123456789'])).join('');
  const body = `${shipper}${random.pick(['01', '02', '03', '66'])}${digits(random, 7)}`;
  return `1Z${body}${upsCheckDigit(body)}`;
}

/**
 * A tracking number in the carrier's own format, so it looks right on a carrier's site:
 * S10 for Royal Mail and Parcelforce, 14 digits for DPD, 10 digits with a mod-7 check for DHL
 * Express, and "1Z" with its check digit for UPS.
 */
export function trackingNumber(carrier: Carrier, international: boolean, random: IdRandom): string {
  switch (carrier) {
    case 'Royal Mail':
      return s10(international ? random.pick(['LX', 'RR']) : random.pick(['TT', 'JB', 'KB']), random);
    case 'Parcelforce':
      return s10(international ? 'CP' : 'PB', random);
    case 'DPD':
      return `1550${digits(random, 10)}`;
    case 'DHL Express': {
      const serial = `${random.int(1, 9)}${digits(random, 8)}`;
      return `${serial}${Number(serial) % 7}`;
    }
    case 'UPS':
      return ups(random);
    default:
      return carrier satisfies never;
  }
}
