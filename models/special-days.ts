const DAY_MS = 86_400_000;
/** Days before a special day when closeness peaks: orders must arrive in time (UCI: Feb 8 for Feb 14). */
const PEAK_DAYS_BEFORE = 6;
/** Closeness drops by 0.2 a day on either side of the peak, the data set's step. */
const STEP = 0.2;

/** Day number (days since the epoch) of a date's calendar day, read in UTC fields. */
function dayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS);
}

/**
 * Valentine's Day (14 February) and Mother's Day (second Sunday of May) of a year, as in the
 * data set's source shop.
 */
export function defaultSpecialDays(year: number): number[] {
  const mayFirst = new Date(Date.UTC(year, 4, 1)).getUTCDay();
  const secondSunday = 1 + ((7 - mayFirst) % 7) + 7;
  return [Date.UTC(year, 1, 14), Date.UTC(year, 4, secondSunday)];
}

/**
 * The data set's SpecialDay: 1 six days before a special day (the last good day to order for
 * delivery in time), 0.2 less for each day away from that peak, 0 from five days away; the
 * highest over all special days. An approximation of the UCI definition (nonzero around
 * 2–12 February, 1 on 8 February, for Valentine's Day).
 *
 * @param local - the visit time, with the shop's local time in its UTC fields
 * @param specialDays - ms timestamps, any time of the day, @default defaultSpecialDays(year)
 */
export function specialDayCloseness(local: Date, specialDays?: readonly number[]): number {
  const days = specialDays ?? defaultSpecialDays(local.getUTCFullYear());
  const today = dayNumber(local);
  let best = 0;
  for (const special of days) {
    const peak = dayNumber(new Date(special)) - PEAK_DAYS_BEFORE;
    const closeness = Math.max(0, 1 - STEP * Math.abs(today - peak));
    best = Math.max(best, Math.round(closeness * 10) / 10);
  }
  return best;
}
