/** A share as a percentage with one decimal; a dash when unknown. */
export const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
/** A number with two decimals; a dash when unknown. */
export const decimal = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2));
/** Minor units as money with two decimals. */
export const money = (minor: number): string => (minor / 100).toFixed(2);
/** Seconds as `1m 05s`; a dash when unknown. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}
/** An ISO time as `YYYY-MM-DD HH:MM` (UTC). */
export const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
