/**
 * A T+2 day as the operator reads it: one line per work order with its day total and the split
 * by shift. Pure; the rows come from data/repositories/plans.ts already in shift order.
 */
import type { LocalizedText } from '../../../shared/domain/ids';
import type { DayTargetRow } from '../../data/repositories/plans';

export interface ShiftQty {
  shift: string;
  qty: number;
}

export interface WorkOrderDayTarget {
  workOrderId: string;
  operation: string;
  productName: string | null;
  operationName: LocalizedText | null;
  /** Planned for the whole production day, all shifts. */
  total: number;
  /** Per shift, in the order the rows came (the plant's shift order). */
  shifts: ShiftQty[];
}

/** Groups a day's rows by work order (ordered by work-order id, numbers compared as numbers). */
export function targetsByWorkOrder(rows: readonly DayTargetRow[]): WorkOrderDayTarget[] {
  const byId = new Map<string, WorkOrderDayTarget>();
  for (const r of rows) {
    let t = byId.get(r.workOrderId);
    if (!t) {
      t = {
        workOrderId: r.workOrderId,
        operation: r.operation,
        productName: r.productName,
        operationName: r.operationName,
        total: 0,
        shifts: [],
      };
      byId.set(r.workOrderId, t);
    }
    t.total += r.plannedQty;
    const shift = t.shifts.find((s) => s.shift === r.shift);
    if (shift) shift.qty += r.plannedQty;
    else t.shifts.push({ shift: r.shift, qty: r.plannedQty });
  }
  return [...byId.values()].sort((a, b) => a.workOrderId.localeCompare(b.workOrderId, undefined, { numeric: true }));
}
