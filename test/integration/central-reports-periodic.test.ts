import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, Harness, variants, type Terminal } from './support/central-harness';
import { output, pushOk, seedPlant, t2Row } from './central-reports.helpers';
import { dailyReportSchema, periodicReportSchema, shortfallReportSchema } from '../../src/shared/reports/schemas';

interface Totals {
  planned: number;
  good: number;
  scrap: number;
  shortfall: number;
  attainment: number | null;
}
interface Periodic {
  kind: string;
  period: string;
  from: string;
  to: string;
  days: (Totals & { date: string })[];
  byWorkshop: (Totals & { workshop: string })[];
  byProduct: (Totals & { product: string })[];
  totals: Totals;
  scrapRate: number | null;
  firstArticle: { passed: number; total: number; passRate: number | null };
  topCauses: { cause: string; lostQty: number; events: number }[];
}
const add = (list: Totals[]) =>
  list.reduce((t, d) => ({ planned: t.planned + d.planned, good: t.good + d.good, scrap: t.scrap + d.scrap, shortfall: t.shortfall + d.shortfall }), {
    planned: 0, good: 0, scrap: 0, shortfall: 0,
  });
const counts = ({ planned, good, scrap, shortfall }: Totals) => ({ planned, good, scrap, shortfall });

const firstArticle = (t: Terminal, id: string, wo: string, verdict: 'pass' | 'fail', at: string, kind = 'first-article') =>
  event(t, 'inspection.recorded', {
    inspectionId: id, kind, workOrderId: wo, verdict, inspectorId: 'OP-2',
    results: [{ characteristicId: 'C1', attribute: verdict, source: 'manual', verdict }],
  }, { occurredAt: at });

describe.each(variants)('weekly and monthly reports on %s', (variant) => {
  let h: Harness;
  let a: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await seedPlant(h);
    a = await h.enrol('WS-L1-01');
    // Week 2026-W47 is Monday 16 to Sunday 22 November; the 3rd is in W45.
    for (const [day, q1, q2, q3] of [['2026-11-03', 50, 0, 20], ['2026-11-16', 100, 40, 30], ['2026-11-17', 80, 0, 0], ['2026-11-20', 120, 60, 40], ['2026-11-22', 0, 10, 0]] as const) {
      await h.importOk('t2-plan', [
        t2Row(day, 'W1', 'L1', 'PO-1', '10', q1),
        t2Row(day, 'W1', 'L1', 'PO-2', '10', q2),
        t2Row(day, 'W2', 'L2', 'PO-1', '20', q3),
      ]);
    }
    await pushOk(h, a, [
      output(a, 'PO-1/10', '2026-11-03T09:00:00.000Z', 55, 1),
      output(a, 'PO-1/20', '2026-11-03T10:00:00.000Z', 12),
      output(a, 'PO-1/10', '2026-11-16T09:00:00.000Z', 90, 4),
      output(a, 'PO-2/10', '2026-11-16T20:00:00.000Z', 41),
      output(a, 'PO-1/20', '2026-11-17T04:30:00.000Z', 25, 2), // 05:30 local: counts for the 16th
      output(a, 'PO-1/10', '2026-11-17T11:00:00.000Z', 60, 6),
      output(a, 'PO-1/10', '2026-11-20T08:00:00.000Z', 100),
      output(a, 'PO-2/10', '2026-11-20T09:00:00.000Z', 30, 3),
      output(a, 'PO-4/10', '2026-11-21T09:00:00.000Z', 15), // unplanned, Saturday
      output(a, 'PO-1/20', '2026-11-23T04:00:00.000Z', 7), // Monday 05:00 local: Sunday the 22nd
      firstArticle(a, 'FA-1', 'PO-1/10', 'pass', '2026-11-16T06:30:00.000Z'),
      firstArticle(a, 'FA-2', 'PO-2/10', 'fail', '2026-11-16T07:30:00.000Z'),
      firstArticle(a, 'FA-3', 'PO-1/20', 'pass', '2026-11-20T07:30:00.000Z'),
      firstArticle(a, 'PA-1', 'PO-1/10', 'fail', '2026-11-20T10:30:00.000Z', 'patrol'), // not a first article
      firstArticle(a, 'FA-4', 'PO-1/10', 'fail', '2026-11-03T07:30:00.000Z'), // other week, same month
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const dailyTotals = async (date: string, workshop?: string) =>
    (await h.get<{ totals: Totals }>(`/api/v1/reports/daily?date=${date}${workshop ? `&workshop=${workshop}` : ''}`)).body.totals;

  it('weekly: each day is its daily report and the totals are their sum', async () => {
    const r = await h.get<Periodic>('/api/v1/reports/weekly?week=2026-W47', a.token);
    expect(r.status).toBe(200);
    const w = r.body;
    expect([w.from, w.to]).toEqual(['2026-11-16', '2026-11-22']);
    expect(w.days.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    for (const d of w.days) {
      const { date, ...totals } = d;
      expect(totals, date).toEqual(await dailyTotals(date));
    }
    // Hand-computed: planned 170+80+220+10, good 90+41+25 | 60 | 100+30 | 15 | 7.
    expect(w.totals).toEqual({ planned: 480, good: 368, scrap: 15, shortfall: 135, attainment: 0.7667 });
    expect(counts(w.totals)).toEqual(add(w.days));
    expect(add(w.byWorkshop)).toEqual(counts(w.totals));
    expect(add(w.byProduct)).toEqual(counts(w.totals));
    expect(w.byWorkshop.map((x) => [x.workshop, x.planned, x.good])).toEqual([['W1', 410, 336], ['W2', 70, 32]]);
    expect(w.scrapRate).toBe(0.0392); // 15 / 383
    expect(w.firstArticle).toEqual({ passed: 2, total: 3, passRate: 0.6667 });
    expect(w.topCauses.reduce((n, c) => n + c.lostQty, 0)).toBe(w.totals.shortfall);
    expect(w.topCauses.map((c) => c.lostQty)).toEqual([...w.topCauses.map((c) => c.lostQty)].sort((x, y) => y - x));
  });

  it('monthly: the totals equal the sum of the month\'s daily reports', async () => {
    const r = await h.get<Periodic>('/api/v1/reports/monthly?month=2026-11');
    expect(r.status).toBe(200);
    expect(r.body.days).toHaveLength(30);
    const dailies = [];
    for (const d of r.body.days) dailies.push(await dailyTotals(d.date));
    expect(counts(r.body.totals)).toEqual(add(dailies));
    expect(r.body.totals).toEqual({ planned: 550, good: 435, scrap: 16, shortfall: 143, attainment: 0.7909 });
    expect(r.body.firstArticle).toEqual({ passed: 2, total: 4, passRate: 0.5 });
  });

  it('filters by workshop, and a month without data has null rates', async () => {
    const w2 = await h.get<Periodic>('/api/v1/reports/weekly?week=2026-W47&workshop=W2');
    expect(counts(w2.body.totals)).toEqual(add(await Promise.all(w2.body.days.map((d) => dailyTotals(d.date, 'W2')))));
    expect(w2.body.byWorkshop.map((x) => x.workshop)).toEqual(['W2']);
    expect(w2.body.firstArticle).toEqual({ passed: 1, total: 1, passRate: 1 });
    const empty = await h.get<Periodic>('/api/v1/reports/monthly?month=2026-09');
    expect(empty.body.totals).toEqual({ planned: 0, good: 0, scrap: 0, shortfall: 0, attainment: null });
    expect(empty.body.scrapRate).toBeNull();
    expect(empty.body.firstArticle).toEqual({ passed: 0, total: 0, passRate: null });
    expect(empty.body.topCauses).toEqual([]);
  });

  it('answers in the shapes the terminal\u2019s report screens validate with (src/shared/reports)', async () => {
    const checks = [
      [dailyReportSchema, '/api/v1/reports/daily?date=2026-11-16'],
      [shortfallReportSchema, '/api/v1/reports/shortfall?from=2026-11-16&to=2026-11-22'],
      [periodicReportSchema, '/api/v1/reports/weekly?week=2026-W47'],
      [periodicReportSchema, '/api/v1/reports/monthly?month=2026-11'],
    ] as const;
    for (const [schema, url] of checks) {
      const r = await h.get(url, a.token);
      expect(r.status, url).toBe(200);
      const parsed = schema.safeParse(r.body);
      expect(parsed.success ? null : parsed.error.issues, url).toBeNull();
    }
  });

  it('rejects weeks and months that do not exist', async () => {
    for (const url of ['weekly?week=2026-W54', 'weekly?week=2026-W00', 'weekly?week=2026-47', 'monthly?month=2026-13', 'monthly?month=11-2026', 'monthly?month=2026-11&format=odt']) {
      const r = await h.get(`/api/v1/reports/${url}`);
      expect(r.status, url).toBe(400);
      expect(r.body, url).toMatchObject({ status: 'error', reason: 'invalid-request' });
    }
    expect((await h.get('/api/v1/reports/weekly?week=2026-W53')).status).toBe(200); // 2026 has 53 ISO weeks
    expect((await h.get('/api/v1/reports/monthly?month=2026-11', null)).status).toBe(401);
  });
});
