/**
 * Work orders (central's `work-orders` stream) as this workstation sees them: its queue, ordered
 * by the current T+2 plan, and one work order's detail, each with progress that includes this
 * terminal's records still waiting for central.
 */
import type { LocalizedText } from '../../../shared/domain/ids';
import type { TaktDb } from '../db';
import { compareQueue, currentPlanLines, shiftRanker, type ShiftDef } from '../plan-order';
import { progressOf, type Progress } from '../progress';
import { pendingOutput } from './outbox';
import type { ProductRow, T2LineRow, WorkOrderRow } from './rows';

export type ProductionDays = readonly [string, string, string];

/** How the plant counts its days and shifts (from the settings row, or defaults before the first pull). */
export interface PlanCalendar {
  days: ProductionDays;
  shifts: readonly ShiftDef[];
  dayStartsAt: string;
}

export interface WorkOrderNames {
  productName: string | null;
  operationName: LocalizedText | null;
}

export function namesFor(product: ProductRow | undefined, operation: string): WorkOrderNames {
  if (!product) return { productName: null, operationName: null };
  const step = product.routing.find((s) => s.operation === operation);
  return { productName: product.name, operationName: step?.name ?? null };
}

async function productsById(db: TaktDb, ids: Iterable<string>): Promise<Map<string, ProductRow>> {
  const unique = [...new Set(ids)];
  const rows = unique.length > 0 ? await db.products.where('id').anyOf(unique).toArray() : [];
  return new Map(rows.map((p) => [p.id, p]));
}

/** Current (latest-version) T+2 lines for the given days, optionally for one line only. */
export async function currentT2Lines(db: TaktDb, days: ProductionDays, lineId?: string): Promise<T2LineRow[]> {
  const rows = await db.t2Lines
    .where('date')
    .anyOf([...days])
    .toArray();
  const current = currentPlanLines(rows);
  return lineId === undefined ? current : current.filter((r) => r.lineId === lineId);
}

export interface QueueItem extends WorkOrderNames {
  workOrder: WorkOrderRow;
  /** Planned quantity for today (all shifts) in the current T+2 plan. */
  todayTarget: number;
  /** Shifts the work order is planned in today, in shift order. */
  todayShifts: string[];
  /** Index into the T+2 days of the first day it is planned, or null if not in the T+2 plan. */
  firstPlannedDay: number | null;
  progress: Progress;
}

/**
 * This workstation's queue: work orders assigned to it that are not completed, today's planned
 * ones first (by shift), then tomorrow's and the day after's, then unplanned ones.
 */
export async function listQueue(db: TaktDb, workstationId: string, cal: PlanCalendar): Promise<QueueItem[]> {
  const open = await db.workOrders.where('status').anyOf(['released', 'started', 'paused', 'blocked']).toArray();
  const mine = open.filter((wo) => wo.workstationIds.includes(workstationId));
  if (mine.length === 0) return [];
  const ids = new Set(mine.map((w) => w.id));
  const plan = (await currentT2Lines(db, cal.days)).filter((r) => ids.has(r.workOrderId));
  const [products, pending] = await Promise.all([
    productsById(
      db,
      mine.map((w) => w.productId),
    ),
    pendingOutput(db),
  ]);
  const rank = shiftRanker(cal.shifts, cal.dayStartsAt);

  const items = mine.map((wo) => {
    const lines = plan.filter((r) => r.workOrderId === wo.id);
    const dayIdx = lines.map((r) => cal.days.indexOf(r.date)).filter((i) => i >= 0);
    const firstPlannedDay = dayIdx.length > 0 ? Math.min(...dayIdx) : null;
    const firstDayShifts =
      firstPlannedDay === null
        ? []
        : lines.filter((r) => r.date === cal.days[firstPlannedDay]).map((r) => rank(r.shift));
    const today = lines.filter((r) => r.date === cal.days[0]).sort((a, b) => rank(a.shift) - rank(b.shift));
    const item: QueueItem = {
      workOrder: wo,
      ...namesFor(products.get(wo.productId), wo.operation),
      todayTarget: today.reduce((s, r) => s + r.plannedQty, 0),
      todayShifts: [...new Set(today.map((r) => r.shift))],
      firstPlannedDay,
      progress: progressOf(wo, pending.get(wo.id)),
    };
    return {
      item,
      key: {
        workOrderId: wo.id,
        firstPlannedDay,
        shiftRank: firstDayShifts.length > 0 ? Math.min(...firstDayShifts) : 0,
      },
    };
  });
  return items.sort((a, b) => compareQueue(a.key, b.key)).map((x) => x.item);
}

export interface WorkOrderDetail extends WorkOrderNames {
  workOrder: WorkOrderRow;
  todayTarget: number;
  progress: Progress;
  /** The work order is assigned to this workstation. */
  isAssignedHere: boolean;
}

/** One work order with names, today's target and progress; null if the terminal does not know it. */
export async function getWorkOrderDetail(
  db: TaktDb,
  workOrderId: string,
  workstationId: string,
  days: ProductionDays,
): Promise<WorkOrderDetail | null> {
  const wo = await db.workOrders.where('id').equals(workOrderId.trim()).first();
  if (!wo) return null;
  const [product, plan, pending] = await Promise.all([
    db.products.where('id').equals(wo.productId).first(),
    currentT2Lines(db, days),
    pendingOutput(db),
  ]);
  return {
    workOrder: wo,
    ...namesFor(product, wo.operation),
    todayTarget: plan
      .filter((r) => r.workOrderId === wo.id && r.date === days[0])
      .reduce((s, r) => s + r.plannedQty, 0),
    progress: progressOf(wo, pending.get(wo.id)),
    isAssignedHere: wo.workstationIds.includes(workstationId),
  };
}

/** Whether a work order with this id exists locally (for routing scans). */
export async function workOrderExists(db: TaktDb, workOrderId: string): Promise<boolean> {
  return (await db.workOrders.where('id').equals(workOrderId.trim()).count()) > 0;
}
