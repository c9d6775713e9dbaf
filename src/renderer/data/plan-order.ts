/**
 * T+2 plan arithmetic the terminal needs: which plan lines are current (the latest version of each
 * date wins; earlier versions may linger locally until central deletes them), how shifts sort
 * within a production day, and the order of this workstation's work-order queue.
 */
import { parseClock } from '../../shared/production-day';
import type { T2LineRow } from './repositories/rows';

/** Keeps only the lines of the latest plan version for each (date, workshop). */
export function currentPlanLines<T extends Pick<T2LineRow, 'date' | 'workshopId' | 'version'>>(
  rows: readonly T[],
): T[] {
  const latest = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.date}|${r.workshopId}`;
    latest.set(k, Math.max(latest.get(k) ?? 0, r.version));
  }
  return rows.filter((r) => latest.get(`${r.date}|${r.workshopId}`) === r.version);
}

export interface ShiftDef {
  id: string;
  name: string;
  startsAt: string;
}

/**
 * Rank of a shift within the production day: by start time counted from the day's start (so a
 * 22:00 night shift comes after the 14:00 one). Unknown shifts rank after the known ones.
 */
export function shiftRanker(shifts: readonly ShiftDef[], dayStartsAt: string): (shift: string) => number {
  const start = parseClock(dayStartsAt);
  const sorted = [...shifts].sort(
    (a, b) => ((parseClock(a.startsAt) - start + 1440) % 1440) - ((parseClock(b.startsAt) - start + 1440) % 1440),
  );
  return (shift) => {
    const i = sorted.findIndex((s) => s.id === shift || s.name === shift);
    return i === -1 ? sorted.length : i;
  };
}

export interface QueueSortKey {
  workOrderId: string;
  /** Index into [today, tomorrow, day after] of the first day the work order is planned, or null. */
  firstPlannedDay: number | null;
  /** Shift rank on that first planned day. */
  shiftRank: number;
}

/** Today's planned work first (by shift), then tomorrow's, then the day after's, then unplanned; ties by id. */
export function compareQueue(a: QueueSortKey, b: QueueSortKey): number {
  const da = a.firstPlannedDay ?? 99;
  const db = b.firstPlannedDay ?? 99;
  if (da !== db) return da - db;
  if (a.shiftRank !== b.shiftRank) return a.shiftRank - b.shiftRank;
  return a.workOrderId.localeCompare(b.workOrderId, undefined, { numeric: true });
}
