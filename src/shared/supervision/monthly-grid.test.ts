import { describe, expect, it } from 'vitest';
import { addMonths, buildMonthlyGrid, datesOfMonth } from './monthly-grid';

describe('monthly schedule grid', () => {
  const plan = [
    { date: '2026-11-02', productId: 'P-200', plannedQty: 10 },
    { date: '2026-11-02', productId: 'P-100', plannedQty: 50 },
    { date: '2026-11-02', productId: 'P-100', plannedQty: 20 },
    { date: '2026-11-30', productId: 'P-100', plannedQty: 5 },
    { date: '2026-12-01', productId: 'P-100', plannedQty: 999 },
  ];
  const names = new Map([['P-100', 'Eje']]);

  it('puts plan and actual per product and day, actual only up to today', () => {
    const actual = [
      { date: '2026-11-02', product: 'P-100', good: 60 },
      { date: '2026-11-03', product: 'P-300', good: 4 },
    ];
    const g = buildMonthlyGrid('2026-11', '2026-11-26', plan, actual, names);
    expect(g.dates).toHaveLength(30);
    expect(g.rows.map((r) => [r.productId, r.name, r.plan, r.actual])).toEqual([
      ['P-100', 'Eje', 75, 60],
      ['P-200', 'P-200', 10, 0],
      ['P-300', 'P-300', 0, 4],
    ]);
    const p100 = g.rows[0]!;
    expect(p100.cells[1]).toEqual({ date: '2026-11-02', plan: 70, actual: 60 });
    expect(p100.cells[29]).toEqual({ date: '2026-11-30', plan: 5, actual: null });
    expect(g.totals[1]).toEqual({ date: '2026-11-02', plan: 80, actual: 60 });
    expect([g.plan, g.actual]).toEqual([85, 64]);
  });

  it('offline: the plan alone, actual unknown everywhere', () => {
    const g = buildMonthlyGrid('2026-11', '2026-11-26', plan, null, names);
    expect(g.rows.every((r) => r.actual === null && r.cells.every((c) => c.actual === null))).toBe(true);
    expect(g.plan).toBe(85);
  });

  it('month arithmetic', () => {
    expect(datesOfMonth('2028-02')).toHaveLength(29);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
