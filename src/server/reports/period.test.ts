import { describe, expect, it } from 'vitest';
import { productionDay } from '../../shared/production-day';
import { isoWeek } from '../../shared/production-day';
import { dayBounds, monthDates, weekDates } from './period';

describe('report periods', () => {
  it('bounds production days in the plant zone, DST days included', () => {
    const b = (d: string, tz = 'Europe/Madrid', at = '06:00') => {
      const { start, end } = dayBounds(d, tz, at);
      return [start.toISOString(), (end.getTime() - start.getTime()) / 3_600_000];
    };
    expect(b('2026-11-20')).toEqual(['2026-11-20T05:00:00.000Z', 24]);
    expect(b('2026-03-28')).toEqual(['2026-03-28T05:00:00.000Z', 23]); // clocks go forward in the night of the 29th
    expect(b('2026-10-24')).toEqual(['2026-10-24T04:00:00.000Z', 25]); // and back in the night of the 25th
    expect(b('2026-11-20', 'America/Mexico_City', '07:30')).toEqual(['2026-11-20T13:30:00.000Z', 24]);
    expect(b('2026-11-20', 'UTC', '00:00')).toEqual(['2026-11-20T00:00:00.000Z', 24]);
  });

  it('agrees with productionDay at both edges', () => {
    for (const d of ['2026-01-01', '2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '2026-12-31']) {
      const { start, end } = dayBounds(d, 'Europe/Madrid', '06:00');
      expect(productionDay(start, 'Europe/Madrid', '06:00')).toBe(d);
      expect(productionDay(new Date(start.getTime() - 1), 'Europe/Madrid', '06:00')).not.toBe(d);
      expect(productionDay(new Date(end.getTime() - 1), 'Europe/Madrid', '06:00')).toBe(d);
      expect(productionDay(end, 'Europe/Madrid', '06:00')).not.toBe(d);
    }
  });

  it('knows ISO weeks, 53-week years and months', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2019-12-30')).toBe('2020-W01');
    expect(weekDates('2026-W47')).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(weekDates('2026-W53')?.[6]).toBe('2027-01-03');
    expect(weekDates('2025-W53')).toBeNull();
    expect(weekDates('2026-W00')).toBeNull();
    expect(monthDates('2028-02')).toHaveLength(29);
    expect(monthDates('2026-12')?.at(-1)).toBe('2026-12-31');
    expect(monthDates('2026-13')).toBeNull();
  });
});
