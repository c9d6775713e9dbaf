/**
 * A work order's output of one production day (the supervisor board's "today", clause 4.2.1 b).
 * Central keeps, next to a work order's running totals, the good and scrap of the latest
 * production day that had output (`dayDate`), moved in the same transaction as the totals:
 * - output of that day adds to it; output of a later day starts it afresh; output of an earlier
 *   day (a terminal syncing late) leaves it alone;
 * - a reversal corrects the day of the record it reverses, as the daily report does, so
 *   reversing yesterday's output never changes today's figures.
 * So `dayDate`'s figures always equal the daily report's good/scrap of that work order and day.
 * The terminal shows them only when `dayDate` is its current production day (0 otherwise), plus
 * the output of that day it recorded and central has not sent back yet.
 */
import { productionDay } from '../production-day';

export interface DayOutput {
  /** Production day the figures belong to; null until the work order has output. */
  dayDate: string | null;
  dayGood: number;
  dayScrap: number;
}

export const NO_DAY_OUTPUT: DayOutput = { dayDate: null, dayGood: 0, dayScrap: 0 };

/**
 * The production day central files an event under: its device time corrected by the terminal's
 * clock offset (as stored in `occurred_at_corrected`), in the plant's time zone and day start.
 */
export function eventProductionDay(occurredAt: string, clockOffsetMs: number, timeZone: string, dayStartsAt: string): string {
  return productionDay(new Date(Date.parse(occurredAt) + clockOffsetMs), timeZone, dayStartsAt);
}

/** The figures after output recorded on `day`. */
export function addDayOutput(s: DayOutput, day: string, good: number, scrap: number): DayOutput {
  if (s.dayDate === null || day > s.dayDate) return { dayDate: day, dayGood: good, dayScrap: scrap };
  if (day === s.dayDate) return { dayDate: day, dayGood: s.dayGood + good, dayScrap: s.dayScrap + scrap };
  return s;
}

/** The figures after reversing output that was recorded on `day` (only that day's figures move). */
export function reverseDayOutput(s: DayOutput, day: string, good: number, scrap: number): DayOutput {
  return s.dayDate === day ? { dayDate: day, dayGood: s.dayGood - good, dayScrap: s.dayScrap - scrap } : s;
}

/** A pulled work-order row's day fields (absent on rows central sent before it kept them). */
export interface DayFields {
  dayDate?: string | undefined;
  dayGoodQty?: number | undefined;
  dayScrapQty?: number | undefined;
}

/** Central's output of the work order on `day`: its day figures when they are that day's, else 0. */
export function outputOnDay(row: DayFields | undefined, day: string): { good: number; scrap: number } {
  if (!row || row.dayDate !== day) return { good: 0, scrap: 0 };
  return { good: row.dayGoodQty ?? 0, scrap: row.dayScrapQty ?? 0 };
}
