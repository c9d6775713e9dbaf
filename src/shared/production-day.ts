/**
 * Production-day arithmetic. The plant's time zone and `dayStartsAt` decide which production day
 * an instant belongs to (an event at 03:00 with days starting at 06:00 counts for the day before).
 * Dates are `YYYY-MM-DD` strings; no Date objects cross this module's boundary.
 */

const partsFormatter = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatter.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatter.set(timeZone, f);
  }
  return f;
}

/** Local calendar date and minutes since midnight of an instant in a time zone. */
export function localDateTime(instant: Date | string, timeZone: string): { date: string; minutes: number } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(d).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function parseClock(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** The production day an instant belongs to. */
export function productionDay(instant: Date | string, timeZone: string, dayStartsAt = '06:00'): string {
  const { date, minutes } = localDateTime(instant, timeZone);
  return minutes < parseClock(dayStartsAt) ? addDays(date, -1) : date;
}

/** Calendar arithmetic on `YYYY-MM-DD` (UTC-based, so DST never shifts a date). */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today, tomorrow and the day after, as production days. */
export function t2Days(now: Date | string, timeZone: string, dayStartsAt = '06:00'): [string, string, string] {
  const today = productionDay(now, timeZone, dayStartsAt);
  return [today, addDays(today, 1), addDays(today, 2)];
}

/** ISO 8601 week `YYYY-Www` of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  const weekday = (t.getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  t.setUTCDate(t.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = t.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((t.getTime() - jan1) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
