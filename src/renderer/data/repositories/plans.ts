/**
 * The T+2 daily plan (central's `plans` stream) for this workstation's line: what is planned
 * today, tomorrow and the day after, per work order and shift, with the day totals.
 */
import type { TaktDb } from '../db';
import { shiftRanker } from '../plan-order';
import { currentT2Lines, namesFor, type PlanCalendar, type WorkOrderNames } from './work-orders';

export interface DayTargetRow extends WorkOrderNames {
  workOrderId: string;
  productionOrderId: string;
  operation: string;
  shift: string;
  plannedQty: number;
}

export interface DayTargets {
  date: string;
  rows: DayTargetRow[];
  total: number;
  /** Plan version in force for this date (0 when nothing is planned). */
  version: number;
}

/** Targets of one line for each of the three T+2 days (always three entries, in day order). */
export async function listLineTargets(db: TaktDb, lineId: string, cal: PlanCalendar): Promise<DayTargets[]> {
  const lines = await currentT2Lines(db, cal.days, lineId);
  const woIds = [...new Set(lines.map((l) => l.workOrderId))];
  const wos = woIds.length > 0 ? await db.workOrders.where('id').anyOf(woIds).toArray() : [];
  const productIdOf = new Map(wos.map((w) => [w.id, w.productId]));
  const orderIds = [...new Set(lines.filter((l) => !productIdOf.has(l.workOrderId)).map((l) => l.productionOrderId))];
  if (orderIds.length > 0) {
    const orders = await db.productionOrders.where('id').anyOf(orderIds).toArray();
    const byOrder = new Map(orders.map((o) => [o.id, o.productId]));
    for (const l of lines) {
      const p = byOrder.get(l.productionOrderId);
      if (!productIdOf.has(l.workOrderId) && p) productIdOf.set(l.workOrderId, p);
    }
  }
  const productIds = [...new Set(productIdOf.values())];
  const products = productIds.length > 0 ? await db.products.where('id').anyOf(productIds).toArray() : [];
  const productById = new Map(products.map((p) => [p.id, p]));
  const rank = shiftRanker(cal.shifts, cal.dayStartsAt);

  return cal.days.map((date) => {
    const rows = lines
      .filter((l) => l.date === date)
      .sort(
        (a, b) =>
          rank(a.shift) - rank(b.shift) || a.workOrderId.localeCompare(b.workOrderId, undefined, { numeric: true }),
      )
      .map((l) => {
        const pid = productIdOf.get(l.workOrderId);
        return {
          workOrderId: l.workOrderId,
          productionOrderId: l.productionOrderId,
          operation: l.operation,
          shift: l.shift,
          plannedQty: l.plannedQty,
          ...namesFor(pid === undefined ? undefined : productById.get(pid), l.operation),
        };
      });
    const version = lines.filter((l) => l.date === date).reduce((m, l) => Math.max(m, l.version), 0);
    return { date, rows, total: rows.reduce((s, r) => s + r.plannedQty, 0), version };
  });
}
