/**
 * Weekly and monthly reports (clause 4.11): built from the daily reports of their production days,
 * so every total EQUALS the sum of those days' daily totals (planned, good, scrap, shortfall);
 * attainment and rates are recomputed from the summed integers, never averaged. Also: by-workshop
 * and by-product totals (sums of the daily rows), the top shortfall causes (./shortfall.ts),
 * the scrap rate scrap / (good + scrap), and the first-article pass rate from
 * `inspection.recorded` events of kind first-article in the period (null when there were none).
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { events, workOrders } from '../db/schema';
import type { Db } from '../db/connect';
import { getPlantSettings, listLineWorkshops } from '../db/master';
import { attainment, dailyDetail, publicDaily, type DailyDetail, type DailyRow } from './daily';
import { dayBounds } from './period';
import { attributeShortfall, type CauseTotal } from './shortfall';

export interface Totals {
  planned: number;
  good: number;
  scrap: number;
  shortfall: number;
  attainment: number | null;
}
export interface DayTrend extends Totals {
  date: string;
}
export interface PeriodicReport {
  kind: 'weekly' | 'monthly';
  period: string;
  from: string;
  to: string;
  workshop: string | null;
  days: DayTrend[];
  byWorkshop: (Totals & { workshop: string })[];
  byProduct: (Totals & { product: string })[];
  totals: Totals;
  scrapRate: number | null;
  firstArticle: { passed: number; total: number; passRate: number | null };
  topCauses: CauseTotal[];
}

const ratio = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

function sumRows<K extends string>(rows: (DailyRow & Record<K, string>)[], key: K): (Totals & Record<K, string>)[] {
  const acc = new Map<string, { planned: number; good: number; scrap: number; shortfall: number }>();
  for (const r of rows) {
    const t = acc.get(r[key]) ?? { planned: 0, good: 0, scrap: 0, shortfall: 0 };
    t.planned += r.planned;
    t.good += r.good;
    t.scrap += r.scrap;
    t.shortfall += r.shortfall;
    acc.set(r[key], t);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, t]) => ({ [key]: k, ...t, attainment: attainment(t.good, t.planned) }) as Totals & Record<K, string>);
}

async function firstArticles(db: Db, from: string, to: string, workshop: string | undefined) {
  const settings = await getPlantSettings(db);
  const start = dayBounds(from, settings.timezone, settings.dayStartsAt).start;
  const end = dayBounds(to, settings.timezone, settings.dayStartsAt).end;
  const found = await db
    .select({ verdict: sql<string>`${events.payload}->>'verdict'`, lineId: workOrders.lineId })
    .from(events)
    .leftJoin(workOrders, eq(workOrders.id, sql`${events.payload}->>'workOrderId'`))
    .where(
      and(
        eq(events.type, 'inspection.recorded'),
        sql`${events.payload}->>'kind' = 'first-article'`,
        gte(events.occurredAtCorrected, start),
        lt(events.occurredAtCorrected, end),
      ),
    );
  const lineWorkshop = workshop === undefined ? null : await listLineWorkshops(db);
  const inScope = lineWorkshop ? found.filter((f) => f.lineId !== null && lineWorkshop.get(f.lineId) === workshop) : found;
  const passed = inScope.filter((f) => f.verdict === 'pass').length;
  return { passed, total: inScope.length, passRate: ratio(passed, inScope.length) };
}

export async function periodicReport(
  db: Db,
  kind: 'weekly' | 'monthly',
  period: string,
  dates: string[],
  now: Date,
  workshop?: string,
): Promise<PeriodicReport> {
  const from = dates[0] ?? '';
  const to = dates[dates.length - 1] ?? '';
  const details: DailyDetail[] = [];
  for (const d of dates) details.push(await dailyDetail(db, d, workshop));
  const dailies = details.map(publicDaily);
  const days = dailies.map((d) => ({ date: d.date, ...d.totals }));
  const sum = days.reduce(
    (t, d) => ({ planned: t.planned + d.planned, good: t.good + d.good, scrap: t.scrap + d.scrap, shortfall: t.shortfall + d.shortfall }),
    { planned: 0, good: 0, scrap: 0, shortfall: 0 },
  );
  const rows = dailies.flatMap((d) => d.rows);
  const causes = await attributeShortfall(db, from, to, now, details);
  return {
    kind,
    period,
    from,
    to,
    workshop: workshop ?? null,
    days,
    byWorkshop: sumRows(rows, 'workshop'),
    byProduct: sumRows(rows, 'product'),
    totals: { ...sum, attainment: attainment(sum.good, sum.planned) },
    scrapRate: ratio(sum.scrap, sum.good + sum.scrap),
    firstArticle: await firstArticles(db, from, to, workshop),
    topCauses: causes.causes.filter((c) => c.lostQty > 0).sort((a, b) => b.lostQty - a.lostQty),
  };
}
