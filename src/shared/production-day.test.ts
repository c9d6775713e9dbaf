import { describe, expect, it } from 'vitest';
import { addDays, isoWeek, productionDay, t2Days } from './production-day';

describe('productionDay', () => {
  it('counts the hours before dayStartsAt for the day before, in the plant time zone', () => {
    // 04:30 UTC is 05:30 in Madrid in winter: still the previous production day.
    expect(productionDay('2026-11-26T04:30:00Z', 'Europe/Madrid', '06:00')).toBe('2026-11-25');
    expect(productionDay('2026-11-26T05:00:00Z', 'Europe/Madrid', '06:00')).toBe('2026-11-26');
    // Summer time: 06:00 in Madrid is 04:00 UTC.
    expect(productionDay('2026-07-01T03:59:00Z', 'Europe/Madrid', '06:00')).toBe('2026-06-30');
    expect(productionDay('2026-07-01T04:00:00Z', 'Europe/Madrid', '06:00')).toBe('2026-07-01');
  });

  it('gives today, tomorrow and the day after across a month end', () => {
    expect(t2Days('2026-11-30T12:00:00Z', 'Europe/Madrid')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2026-11-26', '2026-W48'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});

describe('isoDate', () => {
  it('accepts real days and refuses malformed or impossible ones without throwing', async () => {
    const { isoDate } = await import('./domain/ids');
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    expect(isoDate.safeParse('2026-02-29').success).toBe(false);
    expect(isoDate.safeParse('2026-04-31').success).toBe(false);
    expect(isoDate.safeParse('20-11-2026').success).toBe(false);
    expect(isoDate.safeParse('').success).toBe(false);
  });
});
