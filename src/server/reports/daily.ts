/**
 * Daily production report (ARCHITECTURE 6, clause 4.11): per line and work order, the latest
 * T+2 plan of the day against the output recorded in that production day.
 * - An output belongs to productionDay(occurredAt + clockOffsetMs, plant timezone, dayStartsAt);
 *   the day's UTC bounds are computed once (./period.ts) and the sums are done in SQL over
 *   `output_ledger` (a range scan on index output_ledger_time), so a day with a million
 *   records still answers in well under a second (test/bench/central-report.bench.ts).
 * - A reversed output counts for nothing: the reversal corrects the day of the original record.
 * - attainment = good / planned rounded to 4 decimals, and null when nothing was planned.
 * - shortfall = max(0, planned - good). Totals are the sums of the rows (attainment recomputed).
 * - Output of a rework work order (quality/rework.ts) is left out: its pieces were counted when
 *   they were first made, and rework is no planned output, so it never moves attainment.
 */
import { and, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { outputLedger, workOrders } from '../db/schema';
import type { Db } from '../db/connect';
import { getPlantSettings, listLineWorkshops, listWorkstationLines } from '../db/master';
import { latestT2 } from '../import/plans';
import { dayBounds } from './period';

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

/** A daily row plus what the shortfall analysis needs and the JSON contract leaves out. */
export interface DailyDetailRow extends DailyRow {
  workOrderId: string;
  /** Output records of the row that counted scrap. */
  scrapEvents: number;
}
export interface DailyDetail extends Omit<DailyReport, 'rows'> {
  rows: DailyDetailRow[];
}

export const attainment = (good: number, planned: number) => (planned > 0 ? Math.round((good / planned) * 10_000) / 10_000 : null);

export async function dailyReport(db: Db, date: string, workshop?: string): Promise<DailyReport> {
  return publicDaily(await dailyDetail(db, date, workshop));
}

/** The daily report as the API returns it (without the analysis-only fields). */
export function publicDaily(detail: DailyDetail): DailyReport {
  return { ...detail, rows: detail.rows.map(({ workOrderId: _wo, scrapEvents: _se, ...row }) => row) };
}

export async function dailyDetail(db: Db, date: string, workshop?: string): Promise<DailyDetail> {
  const settings = await getPlantSettings(db);
  const plan = await latestT2(db, date);
  const { start, end } = dayBounds(date, settings.timezone, settings.dayStartsAt);
  const outputs = await db
    .select({
      workOrderId: outputLedger.workOrderId,
      workstationId: outputLedger.workstationId,
      goodQty: sql<number>`coalesce(sum(${outputLedger.goodQty}), 0)`.mapWith(Number),
      scrapQty: sql<number>`coalesce(sum(${outputLedger.scrapQty}), 0)`.mapWith(Number),
      scrapEvents: sql<number>`count(*) filter (where ${outputLedger.scrapQty} > 0)`.mapWith(Number),
    })
    .from(outputLedger)
    .where(and(gte(outputLedger.occurredAtCorrected, start), lt(outputLedger.occurredAtCorrected, end), isNull(outputLedger.reversedBy)))
    .groupBy(outputLedger.workOrderId, outputLedger.workstationId);

  const woIds = [...new Set([...plan.lines.map((l) => l.workOrderId), ...outputs.map((o) => o.workOrderId)])];
  const wos = new Map(
    (woIds.length ? await db.select().from(workOrders).where(inArray(workOrders.id, woIds)) : []).map((w) => [w.id, w]),
  );
  const lineWorkshop = await listLineWorkshops(db);
  const stationLine = await listWorkstationLines(db);

  const rows = new Map<string, DailyDetailRow>();
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
        workOrderId,
        scrapEvents: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const l of plan.lines) rowFor(l.lineId, l.workOrderId, l.workshopId).planned += l.plannedQty;
  for (const o of outputs) {
    if (wos.get(o.workOrderId)?.reworkNcId) continue;
    const lineId = wos.get(o.workOrderId)?.lineId ?? stationLine.get(o.workstationId) ?? '';
    const r = rowFor(lineId, o.workOrderId, undefined);
    r.good += o.goodQty;
    r.scrap += o.scrapQty;
    r.scrapEvents += o.scrapEvents;
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
