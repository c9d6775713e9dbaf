/**
 * Actual output per product and production day of a month, for the monthly rolling schedule grid
 * (plan versus actual so far). A production order's finished quantity is the good output of its
 * LAST routing operation (earlier operations would count the same pieces again). Reversed records
 * count for nothing; days are the plant's production days (./reports/period.ts).
 */
import { and, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { getPlantSettings, type ProductRow } from '../db/master';
import { outputLedger, workOrders } from '../db/schema';
import { dayBounds } from '../reports/period';
import { listStreamRows } from '../sync/changes';

export interface MonthlyActualRow {
  date: string;
  product: string;
  good: number;
  scrap: number;
}
export interface MonthlyActual {
  month: string;
  rows: MonthlyActualRow[];
}

/** The work order that finishes each production order: its product's last routing step. */
async function finalWorkOrders(db: Db): Promise<Map<string, string>> {
  const routing = new Map((await listStreamRows(db, 'catalog', 'product')).map((p) => [p.id, (p as ProductRow).routing]));
  // Rework orders (same operation as the one they rework) never finish a production order.
  const wos = await db
    .select({ id: workOrders.id, po: workOrders.productionOrderId, op: workOrders.operation, product: workOrders.productId })
    .from(workOrders)
    .where(isNull(workOrders.reworkNcId));
  const last = new Map<string, { id: string; rank: number; product: string }>();
  for (const w of wos) {
    const steps = routing.get(w.product) ?? [];
    const idx = steps.findIndex((s) => s.operation === w.op);
    const rank = idx >= 0 ? idx : Number.parseInt(w.op, 10) || 0;
    const best = last.get(w.po);
    if (!best || rank > best.rank) last.set(w.po, { id: w.id, rank, product: w.product });
  }
  return new Map([...last.values()].map((v) => [v.id, v.product]));
}

export async function monthlyActual(db: Db, month: string, dates: readonly string[]): Promise<MonthlyActual> {
  const settings = await getPlantSettings(db);
  const finals = await finalWorkOrders(db);
  const ids = [...finals.keys()];
  const rows: MonthlyActualRow[] = [];
  if (ids.length === 0) return { month, rows };
  for (const date of dates) {
    const { start, end } = dayBounds(date, settings.timezone, settings.dayStartsAt);
    const sums = await db
      .select({
        workOrderId: outputLedger.workOrderId,
        good: sql<number>`coalesce(sum(${outputLedger.goodQty}), 0)`.mapWith(Number),
        scrap: sql<number>`coalesce(sum(${outputLedger.scrapQty}), 0)`.mapWith(Number),
      })
      .from(outputLedger)
      .where(
        and(
          gte(outputLedger.occurredAtCorrected, start),
          lt(outputLedger.occurredAtCorrected, end),
          isNull(outputLedger.reversedBy),
          inArray(outputLedger.workOrderId, ids),
        ),
      )
      .groupBy(outputLedger.workOrderId);
    const byProduct = new Map<string, MonthlyActualRow>();
    for (const s of sums) {
      const product = finals.get(s.workOrderId) ?? '';
      const row = byProduct.get(product) ?? { date, product, good: 0, scrap: 0 };
      row.good += s.good;
      row.scrap += s.scrap;
      byProduct.set(product, row);
    }
    rows.push(...[...byProduct.values()].sort((a, b) => (a.product < b.product ? -1 : 1)));
  }
  return { month, rows };
}
