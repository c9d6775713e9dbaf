/**
 * Calendar helpers for the reports: the UTC instants a production day spans in the plant's time
 * zone, and the production days of an ISO week or a month. Dates are `YYYY-MM-DD` strings.
 */
import { addDays, isoWeek, productionDay } from '../../shared/production-day';

const MINUTE = 60_000;

/**
 * First instant (minute-aligned, UTC) whose production day is `date` or later. Found by binary
 * search over minutes, so it agrees with `productionDay` itself, DST days included (a 23 or 25 hour
 * day). Production days are monotonic in time whenever dayStartsAt is outside a repeated DST hour.
 */
export function dayStart(date: string, timeZone: string, dayStartsAt: string): Date {
  let lo = Date.parse(`${addDays(date, -2)}T00:00:00Z`) / MINUTE;
  let hi = Date.parse(`${addDays(date, 2)}T00:00:00Z`) / MINUTE;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (productionDay(new Date(mid * MINUTE), timeZone, dayStartsAt) >= date) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo * MINUTE);
}

/** [start, end) of a production day as UTC instants. */
export function dayBounds(date: string, timeZone: string, dayStartsAt: string): { start: Date; end: Date } {
  return { start: dayStart(date, timeZone, dayStartsAt), end: dayStart(addDays(date, 1), timeZone, dayStartsAt) };
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Monday..Sunday of an ISO week `YYYY-Www`, or null when the week does not exist. */
export function weekDates(week: string): string[] | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayW1 = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
  const monday = addDays(mondayW1, (n - 1) * 7);
  if (n < 1 || isoWeek(monday) !== week) return null;
  return datesBetween(monday, addDays(monday, 6));
}

/** Every date of a month `YYYY-MM`, or null when it is not a month. */
export function monthDates(month: string): string[] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  const first = `${month}-01`;
  const next = Number(m[2]) === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, '0')}-01`;
  return datesBetween(first, addDays(next, -1));
}
