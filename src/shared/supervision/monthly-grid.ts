/**
 * The monthly rolling schedule as a grid, product by day (clause 4.1.2): planned quantity from the
 * local `plans` stream (only the current version of each date reaches terminals) against actual
 * good output from central (GET /api/v1/reports/monthly-actual). Without central (offline) the
 * actual side is null and the grid shows the plan alone.
 */
import { z } from 'zod';

export interface MonthlyPlanInput {
  date: string;
  productId: string;
  plannedQty: number;
}
export interface MonthlyActualInput {
  date: string;
  product: string;
  good: number;
}

export interface GridCell {
  date: string;
  plan: number;
  /** null: no actual known (offline, or a future day). */
  actual: number | null;
}
export interface GridRow {
  productId: string;
  name: string;
  cells: GridCell[];
  plan: number;
  actual: number | null;
}
export interface MonthlyGrid {
  dates: string[];
  rows: GridRow[];
  /** Column totals, same order as `dates`. */
  totals: GridCell[];
  plan: number;
  actual: number | null;
}

/** Every `YYYY-MM-DD` of a `YYYY-MM` month. */
export function datesOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * @param today actual is only shown up to today's production day (later days have none yet)
 * @param actual null when central could not be asked
 */
export function buildMonthlyGrid(
  month: string,
  today: string,
  plan: readonly MonthlyPlanInput[],
  actual: readonly MonthlyActualInput[] | null,
  productNames: ReadonlyMap<string, string>,
): MonthlyGrid {
  const dates = datesOfMonth(month);
  const col = new Map(dates.map((d, i) => [d, i]));
  const rows = new Map<string, { plan: number[]; actual: number[] }>();
  const rowFor = (productId: string) => {
    let r = rows.get(productId);
    if (!r) {
      r = { plan: dates.map(() => 0), actual: dates.map(() => 0) };
      rows.set(productId, r);
    }
    return r;
  };
  for (const p of plan) {
    const i = col.get(p.date);
    if (i !== undefined) rowFor(p.productId).plan[i]! += p.plannedQty;
  }
  for (const a of actual ?? []) {
    const i = col.get(a.date);
    if (i !== undefined) rowFor(a.product).actual[i]! += a.good;
  }
  const known = (date: string) => actual !== null && date <= today;
  const out: GridRow[] = [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([productId, r]) => {
      const cells = dates.map((date, i) => ({ date, plan: r.plan[i]!, actual: known(date) ? r.actual[i]! : null }));
      return {
        productId,
        name: productNames.get(productId) ?? productId,
        cells,
        plan: r.plan.reduce((s, x) => s + x, 0),
        actual: actual === null ? null : r.actual.reduce((s, x) => s + x, 0),
      };
    });
  const totals = dates.map((date, i) => ({
    date,
    plan: out.reduce((s, r) => s + r.cells[i]!.plan, 0),
    actual: known(date) ? out.reduce((s, r) => s + (r.cells[i]!.actual ?? 0), 0) : null,
  }));
  return {
    dates,
    rows: out,
    totals,
    plan: out.reduce((s, r) => s + r.plan, 0),
    actual: actual === null ? null : out.reduce((s, r) => s + (r.actual ?? 0), 0),
  };
}

/** GET /api/v1/reports/monthly-actual answer (central: server/supervision/monthly-actual.ts). */
export const monthlyActualSchema = z.object({
  month: z.string(),
  rows: z.array(z.object({ date: z.string(), product: z.string(), good: z.number().int(), scrap: z.number().int() })),
});
export type MonthlyActualAnswer = z.infer<typeof monthlyActualSchema>;

/** `YYYY-MM` moved by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}
