import { describe, expect, it } from 'vitest';
import { filePath, monthRange, reportPath, weekRange } from './report-paths';

describe('report paths', () => {
  it('finds the ISO week and month of a day, across year ends', () => {
    expect(weekRange('2026-11-26')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekRange('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(monthRange('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('builds central report paths for each tab', () => {
    expect(reportPath('daily', '2026-11-26')).toBe('/api/v1/reports/daily?date=2026-11-26');
    expect(reportPath('shortfall', '2026-11-26', 'week')).toBe('/api/v1/reports/shortfall?from=2026-11-23&to=2026-11-29');
    expect(reportPath('weekly', '2027-01-01')).toBe('/api/v1/reports/weekly?week=2026-W53');
    expect(reportPath('monthly', '2026-11-26')).toBe('/api/v1/reports/monthly?month=2026-11');
    expect(filePath(reportPath('daily', '2026-11-26'), 'xlsx', 'en')).toBe('/api/v1/reports/daily?date=2026-11-26&format=xlsx&lang=en');
  });
});
