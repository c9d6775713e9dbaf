/**
 * Monthly rolling plan and T+2 daily plan imports. Every version is kept (`t2_plan_lines`,
 * `monthly_plan_lines`, one `plan_imports` row per import that changed something); the `plans`
 * stream carries only the latest version of each date. A date whose rows equal its latest
 * version is left alone, so re-importing a file is harmless.
 */
import { and, desc, eq } from 'drizzle-orm';
import { monthlyPlanLines, planImports, t2PlanLines, workOrders } from '../db/schema';
import type { Db, Queryable, Tx } from '../db/connect';
import { getPlantSettings } from '../db/master';
import { canonical, listStreamRows, withWrite, type ChangeSet } from '../sync/changes';
import { date, int, RowErrors, text, uniqueKey, type ImportResult } from './fields';
import { loadOrders } from './orders';
import { putRevisionNotices } from '../supervision/revisions';
import type { RawRow } from './parse';

type Kind = 't2-plan' | 'monthly-plan';

interface T2Line {
  date: string;
  workshopId: string;
  lineId: string;
  shift: string;
  productionOrderId: string;
  operation: string;
  workOrderId: string;
  plannedQty: number;
}
interface MonthlyLine {
  date: string;
  workshopId: string;
  productId: string;
  productionOrderId: string;
  plannedQty: number;
}

async function plantLookups(db: Db) {
  const workshops = new Set((await listStreamRows(db, 'plant', 'workshop')).map((w) => w.id));
  const lines = new Map(
    (await listStreamRows(db, 'plant', 'line')).map((l) => [l.id, (l as { workshopId: string }).workshopId]),
  );
  const shifts = new Set((await getPlantSettings(db)).shifts.map((s) => s.id));
  return { workshops, lines, shifts };
}

async function checkOrder(db: Db, rows: RawRow[], errors: RowErrors) {
  const ids = rows.map((r) => r.values.production_order).filter((v): v is string => typeof v === 'string' || typeof v === 'number').map(String);
  const orders = await loadOrders(db, ids.map((s) => s.trim()));
  return (r: RawRow, id: string | undefined) => {
    if (id === undefined) return undefined;
    const o = orders.get(id);
    if (!o) errors.add(r.row, 'production_order', `la orden ${id} no existe`, `order ${id} does not exist`);
    else if (o.reviewStatus !== 'approved') {
      errors.add(r.row, 'production_order', `la orden ${id} está «${o.reviewStatus}»; solo se planifican órdenes aprobadas`, `order ${id} is ${o.reviewStatus}; only approved orders can be planned`);
      return undefined;
    }
    return o;
  };
}

export async function importT2Plan(db: Db, rows: RawRow[], now: Date): Promise<ImportResult> {
  const errors = new RowErrors();
  const { workshops, lines, shifts } = await plantLookups(db);
  const orderOf = await checkOrder(db, rows, errors);
  const woLines = new Map((await db.select({ id: workOrders.id, lineId: workOrders.lineId }).from(workOrders)).map((w) => [w.id, w.lineId]));
  const seen = new Map<string, number>();
  const parsed: T2Line[] = [];
  for (const r of rows) {
    const d = date(r, 'date', errors);
    const workshopId = text(r, 'workshop', errors);
    const lineId = text(r, 'line', errors);
    const shift = text(r, 'shift', errors);
    const productionOrderId = text(r, 'production_order', errors);
    const operation = text(r, 'operation', errors);
    const plannedQty = int(r, 'planned_qty', errors);
    if (workshopId && !workshops.has(workshopId)) errors.add(r.row, 'workshop', `el taller ${workshopId} no existe`, `workshop ${workshopId} does not exist`);
    if (lineId && !lines.has(lineId)) errors.add(r.row, 'line', `la línea ${lineId} no existe`, `line ${lineId} does not exist`);
    else if (lineId && workshopId && lines.get(lineId) !== workshopId) {
      errors.add(r.row, 'line', `la línea ${lineId} no es del taller ${workshopId}`, `line ${lineId} is not in workshop ${workshopId}`);
    }
    if (shift && !shifts.has(shift)) errors.add(r.row, 'shift', `el turno ${shift} no existe`, `shift ${shift} does not exist`);
    const order = orderOf(r, productionOrderId);
    const workOrderId = `${productionOrderId}/${operation}`;
    const woLine = woLines.get(workOrderId);
    if (order && operation && woLine === undefined) {
      errors.add(r.row, 'operation', `la orden ${productionOrderId} no tiene la operación ${operation}`, `order ${productionOrderId} has no operation ${operation}`);
    } else if (order && woLine !== undefined && lineId && lines.has(lineId) && woLine !== lineId) {
      // The routing says where an operation runs; a plan line elsewhere would never reach its workstations.
      errors.add(r.row, 'line', `la operación ${workOrderId} se hace en la línea ${woLine}, no en ${lineId}`, `operation ${workOrderId} runs on line ${woLine}, not ${lineId}`);
    }
    if (d && lineId && shift && productionOrderId && operation) uniqueKey(seen, `${d}|${lineId}|${shift}|${workOrderId}`, r, 'operation', errors);
    if (d && workshopId && lineId && shift && order && operation && plannedQty !== undefined) {
      parsed.push({ date: d, workshopId, lineId, shift, productionOrderId: order.id, operation, workOrderId, plannedQty });
    }
  }
  errors.throwIfAny();
  return applyByDate(db, 't2-plan', parsed, now);
}

export async function importMonthlyPlan(db: Db, rows: RawRow[], now: Date): Promise<ImportResult> {
  const errors = new RowErrors();
  const { workshops } = await plantLookups(db);
  const orderOf = await checkOrder(db, rows, errors);
  const seen = new Map<string, number>();
  const parsed: MonthlyLine[] = [];
  for (const r of rows) {
    const d = date(r, 'date', errors);
    const workshopId = text(r, 'workshop', errors);
    const productId = text(r, 'product', errors);
    const productionOrderId = text(r, 'production_order', errors);
    const plannedQty = int(r, 'planned_qty', errors);
    if (workshopId && !workshops.has(workshopId)) errors.add(r.row, 'workshop', `el taller ${workshopId} no existe`, `workshop ${workshopId} does not exist`);
    const order = orderOf(r, productionOrderId);
    if (order && productId && order.productId !== productId) {
      errors.add(r.row, 'product', `la orden ${order.id} es del producto ${order.productId}, no ${productId}`, `order ${order.id} is for product ${order.productId}, not ${productId}`);
    }
    if (d && workshopId && productionOrderId) uniqueKey(seen, `${d}|${workshopId}|${productionOrderId}`, r, 'production_order', errors);
    if (d && workshopId && productId && order && order.productId === productId && plannedQty !== undefined) {
      parsed.push({ date: d, workshopId, productId, productionOrderId: order.id, plannedQty });
    }
  }
  errors.throwIfAny();
  return applyByDate(db, 'monthly-plan', parsed, now);
}

const streamId = {
  't2-plan': (l: T2Line) => `${l.date}|${l.lineId}|${l.shift}|${l.workOrderId}`,
  'monthly-plan': (l: MonthlyLine) => `${l.date}|${l.workshopId}|${l.productionOrderId}`,
};

async function latestVersion(tx: Queryable, kind: Kind, d: string): Promise<{ version: number; lines: (T2Line | MonthlyLine)[] }> {
  const table = kind === 't2-plan' ? t2PlanLines : monthlyPlanLines;
  const [top] = await tx.select({ version: table.version }).from(table).where(eq(table.date, d)).orderBy(desc(table.version)).limit(1);
  if (!top) return { version: 0, lines: [] };
  const lines = await tx.select().from(table).where(and(eq(table.date, d), eq(table.version, top.version)));
  return { version: top.version, lines: lines };
}

function comparable(kind: Kind, lines: (T2Line | MonthlyLine)[]): string {
  const pick = (l: T2Line | MonthlyLine) =>
    kind === 't2-plan'
      ? (({ date: d, workshopId, lineId, shift, workOrderId, plannedQty }) => ({ d, workshopId, lineId, shift, workOrderId, plannedQty }))(l as T2Line)
      : (({ date: d, workshopId, productId, productionOrderId, plannedQty }) => ({ d, workshopId, productId, productionOrderId, plannedQty }))(l as MonthlyLine);
  return lines.map((l) => canonical(pick(l))).sort().join('\n');
}

async function applyByDate(db: Db, kind: Kind, lines: (T2Line | MonthlyLine)[], now: Date): Promise<ImportResult> {
  const warnings: string[] = [];
  const byDate = new Map<string, (T2Line | MonthlyLine)[]>();
  for (const l of lines) byDate.set(l.date, [...(byDate.get(l.date) ?? []), l]);
  await withWrite(db, async (tx, changes) => {
    let importId: number | null = null;
    for (const [d, dayLines] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const latest = await latestVersion(tx, kind, d);
      if (latest.version > 0 && comparable(kind, latest.lines) === comparable(kind, dayLines)) {
        warnings.push(`${d}: sin cambios, sigue la versión ${latest.version} / unchanged, version ${latest.version} kept`);
        continue;
      }
      if (importId === null) {
        const [imp] = await tx.insert(planImports).values({ kind, rowCount: lines.length, importedAt: now }).returning({ id: planImports.id });
        importId = imp?.id ?? 0;
      }
      const version = latest.version + 1;
      await writeVersion(tx, changes, kind, dayLines, version, importId);
      const keep = new Set(dayLines.map((l) => planKey(kind, l)));
      for (const old of latest.lines) if (!keep.has(planKey(kind, old))) changes.del('plans', planKey(kind, old));
      if (kind === 't2-plan' && version > 1) {
        putRevisionNotices(changes, d, latest.version, version, latest.lines as T2Line[], dayLines as T2Line[], now);
      }
    }
  });
  return { imported: lines.length, warnings };
}

function planKey(kind: Kind, l: T2Line | MonthlyLine): string {
  return kind === 't2-plan' ? `t2-line:${streamId['t2-plan'](l as T2Line)}` : `monthly-line:${streamId['monthly-plan'](l as MonthlyLine)}`;
}

async function writeVersion(tx: Tx, changes: ChangeSet, kind: Kind, lines: (T2Line | MonthlyLine)[], version: number, importId: number) {
  if (kind === 't2-plan') {
    const t2 = lines as T2Line[];
    for (let i = 0; i < t2.length; i += 500) {
      await tx.insert(t2PlanLines).values(t2.slice(i, i + 500).map((l) => ({ ...l, version, importId })));
    }
    for (const l of t2) changes.put('plans', { type: 't2-line', id: streamId['t2-plan'](l), ...l, version });
  } else {
    const monthly = lines as MonthlyLine[];
    for (let i = 0; i < monthly.length; i += 500) {
      await tx.insert(monthlyPlanLines).values(monthly.slice(i, i + 500).map((l) => ({ ...l, version, importId })));
    }
    for (const l of monthly) changes.put('plans', { type: 'monthly-line', id: streamId['monthly-plan'](l), ...l, version });
  }
}

/** Latest T+2 version of a date, all lines (for the daily report). */
export async function latestT2(db: Db, d: string): Promise<{ version: number; lines: T2Line[] }> {
  const v = await latestVersion(db, 't2-plan', d);
  return { version: v.version, lines: v.lines as T2Line[] };
}

