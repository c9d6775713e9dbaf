/**
 * What the supervisor screens read from the terminal's database: the current T+2 plan of the
 * three days, plant structure, work orders' output of their latest production day, open notices, plan acknowledgements (central's
 * `plan-ack` rows plus this terminal's own `plan.acknowledged` events not yet confirmed), the
 * monthly plan, and which notices were marked seen here (table `seenNotices`, local only).
 * Each read touches as few tables as it can, so a new output record re-runs only the progress read.
 */
import type { BoardAck, BoardEquipment, BoardNotice, BoardPlanLine, Totals } from '../../../shared/supervision/board';
import type { TaktDb } from '../../data/db';
import { currentPlanLines } from '../../data/plan-order';
import type { ProductionDays } from '../../data/repositories/work-orders';

/**
 * Current T+2 lines of the three days. The days are consecutive dates, so one `between` on the
 * date index covers exactly them: Dexie serves it with a single getAll over a key range, where
 * `anyOf` walks a cursor row by row (seconds for 5,000 lines in Chromium).
 */
export async function readPlanLines(db: TaktDb, days: ProductionDays): Promise<BoardPlanLine[]> {
  const rows = await db.t2Lines.where('date').between(days[0], days[2], true, true).toArray();
  return currentPlanLines(rows);
}

export async function readPlant(db: TaktDb) {
  const [workshops, lines, equipment] = await Promise.all([db.workshops.toArray(), db.lines.toArray(), db.equipment.toArray()]);
  return {
    workshops: workshops.map((w) => ({ id: w.id, name: w.name })),
    lines: lines.map((l) => ({ id: l.id, workshopId: l.workshopId, name: l.name })),
    equipment: equipment.map((e): BoardEquipment => ({ id: e.id, name: e.name, lineId: e.lineId, status: e.status })),
  };
}

/** Below this many work orders one get each is cheapest; above it, one ranged getAll. */
const BULK_GET_MAX = 200;

/** Central's day figures of the given work orders (the board counts them only when they are today's). */
export async function readTotals(db: TaktDb, workOrderIds: readonly string[]): Promise<Map<string, Totals>> {
  if (workOrderIds.length === 0) return new Map();
  // Sorted as IndexedDB orders string keys (UTF-16 code units, like the default sort).
  const keys = workOrderIds.map((id) => `work-order:${id}`).sort();
  // By primary key (`work-order:<id>`), never a cursor walk. A day of a busy plant has thousands of
  // work orders: one get each costs ~0.1 ms in Chromium, where a single getAll over the key range
  // from the first to the last wanted (a few neighbours read and dropped) costs ~0.02 ms a row.
  const rows =
    keys.length <= BULK_GET_MAX
      ? await db.workOrders.bulkGet(keys)
      : await db.workOrders.where(':id').between(keys[0]!, keys[keys.length - 1]!, true, true).toArray();
  const wanted = new Set(workOrderIds);
  const out = new Map<string, Totals>();
  for (const w of rows) if (w && wanted.has(w.id)) out.set(w.id, { dayDate: w.dayDate, dayGoodQty: w.dayGoodQty, dayScrapQty: w.dayScrapQty });
  return out;
}

export async function readNotices(db: TaktDb): Promise<BoardNotice[]> {
  const rows = await db.notices.toArray();
  return rows
    .filter((n) => n.kind === 'disruption' || n.kind === 'plan-revised')
    .map((n) => ({
      key: n.key,
      kind: n.kind,
      lineId: n.lineId,
      workshopId: n.workshopId,
      title: n.title,
      body: n.body,
      createdAt: n.createdAt,
      resolvedAt: n.resolvedAt,
      revision: n.revision,
      disruption: n.disruption,
    }));
}

export async function readSeenNotices(db: TaktDb): Promise<Set<string>> {
  return new Set(await db.seenNotices.toCollection().primaryKeys());
}

export async function markNoticeSeen(db: TaktDb, key: string, now: Date): Promise<void> {
  await db.seenNotices.put({ key, seenAt: now.toISOString() });
}

/** Central's acknowledgements of the days, plus this terminal's not yet sent back by central. */
export async function readAcks(db: TaktDb, days: ProductionDays): Promise<BoardAck[]> {
  const [central, local] = await Promise.all([
    db.planAcks.where('planDate').anyOf([...days]).toArray(),
    db.events.where('type').equals('plan.acknowledged').toArray(),
  ]);
  const acks: BoardAck[] = central.map((a) => ({
    planDate: a.planDate,
    workshopId: a.workshopId,
    planVersion: a.planVersion,
    operatorId: a.operatorId,
    acknowledgedAt: a.acknowledgedAt,
  }));
  const known = new Set(acks.map((a) => `${a.planDate}|${a.workshopId}|${a.planVersion}`));
  for (const e of local) {
    if (e.state === 'rejected') continue;
    const p = e.payload as { planDate?: unknown; workshopId?: unknown; planVersion?: unknown };
    if (typeof p.planDate !== 'string' || typeof p.workshopId !== 'string' || typeof p.planVersion !== 'number') continue;
    if (!days.includes(p.planDate)) continue;
    const k = `${p.planDate}|${p.workshopId}|${p.planVersion}`;
    if (known.has(k)) continue;
    known.add(k);
    acks.push({ planDate: p.planDate, workshopId: p.workshopId, planVersion: p.planVersion, operatorId: e.operatorId, acknowledgedAt: e.occurredAt, isLocal: true });
  }
  return acks;
}

export async function readOperatorNames(db: TaktDb): Promise<Map<string, string>> {
  const ops = await db.operators.toArray();
  return new Map(ops.map((o) => [o.id, o.name]));
}

export async function readMonthlyPlan(db: TaktDb, month: string) {
  const rows = await db.monthlyLines.where('date').between(`${month}-01`, `${month}-31`, true, true).toArray();
  return rows.map((r) => ({ date: r.date, productId: r.productId, plannedQty: r.plannedQty }));
}

export async function readProductNames(db: TaktDb): Promise<Map<string, string>> {
  const products = await db.products.toArray();
  return new Map(products.map((p) => [p.id, p.name]));
}
