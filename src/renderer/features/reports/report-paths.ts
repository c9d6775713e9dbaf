/**
 * Which central report a screen asks for: the period a person picked (a production day, and the
 * ISO week and month it falls in) turned into central's report paths (ARCHITECTURE 5).
 */
import { addDays, isoWeek } from '../../../shared/production-day';

export type ReportTab = 'daily' | 'shortfall' | 'weekly' | 'monthly';
export type ShortfallSpan = 'day' | 'week' | 'month';
export type FileFormat = 'csv' | 'xlsx' | 'pdf';

/** Monday and Sunday of the ISO week that holds `date`. */
export function weekRange(date: string): { from: string; to: string } {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(date, -weekday);
  return { from, to: addDays(from, 6) };
}

/** First and last day of the month that holds `date`. */
export function monthRange(date: string): { from: string; to: string } {
  const from = `${date.slice(0, 7)}-01`;
  const next = addDays(from, 32).slice(0, 7);
  return { from, to: addDays(`${next}-01`, -1) };
}

export function shortfallRange(date: string, span: ShortfallSpan): { from: string; to: string } {
  if (span === 'week') return weekRange(date);
  if (span === 'month') return monthRange(date);
  return { from: date, to: date };
}

/** The JSON path of a tab's report for the picked day (and shortfall span). */
export function reportPath(tab: ReportTab, date: string, span: ShortfallSpan = 'day'): string {
  switch (tab) {
    case 'daily':
      return `/api/v1/reports/daily?date=${date}`;
    case 'shortfall': {
      const { from, to } = shortfallRange(date, span);
      return `/api/v1/reports/shortfall?from=${from}&to=${to}`;
    }
    case 'weekly':
      return `/api/v1/reports/weekly?week=${isoWeek(date)}`;
    case 'monthly':
      return `/api/v1/reports/monthly?month=${date.slice(0, 7)}`;
  }
}

/** The same report as a file, with headers in the interface language. */
export function filePath(jsonPath: string, format: FileFormat, lang: 'es' | 'en'): string {
  return `${jsonPath}&format=${format}&lang=${lang}`;
}
