/**
 * Daily production report (ARCHITECTURE 6, clause 4.11): per line and work order, the latest
 * T+2 plan of the day against the output recorded in that production day.
 * - An output belongs to productionDay(occurredAt + clockOffsetMs, plant timezone, dayStartsAt).
 * - A reversed output counts for nothing: the reversal corrects the day of the original record.
 * - attainment = good / planned rounded to 4 decimals, and null when nothing was planned.
 * - shortfall = max(0, planned - good). Totals are the sums of the rows (attainment recomputed).
 */
import { and, gte, inArray, isNull, lt } from 'drizzle-orm';
import { addDays, productionDay } from '../../shared/production-day';
import { outputLedger, workOrders } from '../db/schema';
import type { Db } from '../db/connect';
import { getPlantSettings, listLineWorkshops, listWorkstationLines } from '../db/master';
import { latestT2 } from '../import/plans';

export interface DailyRow {
  workshop: string;
  line: string;
  productionOrder: string;
  operation: string;
  product: string;
  planned: number;
  good: number;
  scrap: number;
  attainment: number | null;
  shortfall: number;
}
export interface DailyReport {
  date: string;
  planVersion: number;
  rows: DailyRow[];
  totals: Omit<DailyRow, 'workshop' | 'line' | 'productionOrder' | 'operation' | 'product'>;
}

const attainment = (good: number, planned: number) => (planned > 0 ? Math.round((good / planned) * 10_000) / 10_000 : null);

export async function dailyReport(db: Db, date: string, workshop?: string): Promise<DailyReport> {
  const settings = await getPlantSettings(db);
  const plan = await latestT2(db, date);
  // Any production day lies within a day and a half of its calendar date, whatever the zone.
  const from = new Date(`${addDays(date, -2)}T00:00:00Z`);
  const to = new Date(`${addDays(date, 3)}T00:00:00Z`);
  const outputs = (
    await db
      .select()
      .from(outputLedger)
      .where(and(gte(outputLedger.occurredAtCorrected, from), lt(outputLedger.occurredAtCorrected, to), isNull(outputLedger.reversedBy)))
  ).filter((o) => productionDay(o.occurredAtCorrected, settings.timezone, settings.dayStartsAt) === date);

  const woIds = [...new Set([...plan.lines.map((l) => l.workOrderId), ...outputs.map((o) => o.workOrderId)])];
  const wos = new Map(
    (woIds.length ? await db.select().from(workOrders).where(inArray(workOrders.id, woIds)) : []).map((w) => [w.id, w]),
  );
  const lineWorkshop = await listLineWorkshops(db);
  const stationLine = await listWorkstationLines(db);

  const rows = new Map<string, DailyRow>();
  const rowFor = (lineId: string, workOrderId: string, workshopId: string | undefined) => {
    const key = `${lineId}\u0000${workOrderId}`;
    let r = rows.get(key);
    if (!r) {
      const wo = wos.get(workOrderId);
      const cut = workOrderId.lastIndexOf('/');
      r = {
        workshop: workshopId ?? lineWorkshop.get(lineId) ?? '',
        line: lineId,
        productionOrder: wo?.productionOrderId ?? (cut > 0 ? workOrderId.slice(0, cut) : workOrderId),
        operation: wo?.operation ?? (cut > 0 ? workOrderId.slice(cut + 1) : ''),
        product: wo?.productId ?? '',
        planned: 0,
        good: 0,
        scrap: 0,
        attainment: null,
        shortfall: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const l of plan.lines) rowFor(l.lineId, l.workOrderId, l.workshopId).planned += l.plannedQty;
  for (const o of outputs) {
    const lineId = wos.get(o.workOrderId)?.lineId ?? stationLine.get(o.workstationId) ?? '';
    const r = rowFor(lineId, o.workOrderId, undefined);
    r.good += o.goodQty;
    r.scrap += o.scrapQty;
  }
  const list = [...rows.values()]
    .filter((r) => workshop === undefined || r.workshop === workshop)
    .map((r) => ({ ...r, attainment: attainment(r.good, r.planned), shortfall: Math.max(0, r.planned - r.good) }))
    .sort((a, b) =>
      [a.workshop, a.line, a.productionOrder, a.operation].join('\u0000') < [b.workshop, b.line, b.productionOrder, b.operation].join('\u0000') ? -1 : 1,
    );
  const totals = list.reduce(
    (t, r) => ({ planned: t.planned + r.planned, good: t.good + r.good, scrap: t.scrap + r.scrap, shortfall: t.shortfall + r.shortfall }),
    { planned: 0, good: 0, scrap: 0, shortfall: 0 },
  );
  return { date, planVersion: plan.version, rows: list, totals: { ...totals, attainment: attainment(totals.good, totals.planned) } };
}
