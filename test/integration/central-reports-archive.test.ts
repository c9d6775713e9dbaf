import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ADMIN, Harness, variants, type Terminal } from './support/central-harness';
import { getRaw, output, pushOk, seedPlant, t2Row } from './central-reports.helpers';
import { buildCentralApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/connect';
import { migratedPgliteTemplate } from './support/run-resources';
import { generateDueReports, listArchive } from '../../src/server/reports/archive';
import { msUntilNextRun } from '../../src/server/reports/scheduler';

interface Entry {
  id: number;
  kind: string;
  period: string;
  format: string;
  filename: string;
  generatedAt: string;
  size: number;
}
const periods = (list: Entry[]) => [...new Set(list.map((e) => e.period))].sort();

describe.each(variants)('report archive on %s', (variant) => {
  let h: Harness;
  let a: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await seedPlant(h);
    a = await h.enrol('WS-L1-01');
    for (const day of ['2026-10-05', '2026-10-30', '2026-11-18', '2026-11-20']) {
      await h.importOk('t2-plan', [t2Row(day, 'W1', 'L1', 'PO-1', '10', 100)]);
    }
    await pushOk(h, a, [
      output(a, 'PO-1/10', '2026-10-05T09:00:00.000Z', 80),
      output(a, 'PO-1/10', '2026-10-30T09:00:00.000Z', 90),
      output(a, 'PO-1/10', '2026-11-18T09:00:00.000Z', 95, 1),
      output(a, 'PO-1/10', '2026-11-20T09:00:00.000Z', 70, 2),
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('catches up the last 31 days once, then only adds the new day before', async () => {
    // 06:30 Madrid on the 22nd: production day 2026-11-22, so the 21st is "the day before".
    const now = new Date('2026-11-22T05:30:00.000Z');
    const first = await generateDueReports(h.database.db, now);
    // 10-05 is more than 31 days back; 10-30 .. 11-20 had rows; 11-21 is the day before (empty).
    expect(first.generated).toEqual(['2026-10-30', '2026-11-18', '2026-11-20', '2026-11-21']);
    const again = await generateDueReports(h.database.db, now);
    expect(again.generated).toEqual([]);
    const list = await h.get<{ reports: Entry[] }>('/api/v1/reports/archive?kind=daily', a.token);
    expect(list.status).toBe(200);
    expect(list.body.reports).toHaveLength(16);
    expect(periods(list.body.reports)).toEqual(first.generated);
    expect(list.body.reports.filter((e) => e.period === '2026-11-20').map((e) => e.format).sort()).toEqual(['csv', 'json', 'pdf', 'xlsx']);
    // The next production day: only the 22nd is new. Running twice at once stores it once.
    const next = new Date('2026-11-23T05:00:30.000Z');
    const both = await Promise.all([generateDueReports(h.database.db, next), generateDueReports(h.database.db, next)]);
    expect(both.flatMap((b) => b.generated).filter((d) => d !== '2026-11-22')).toEqual([]);
    const after = await listArchive(h.database.db, 'daily');
    expect(after).toHaveLength(20);
    expect(periods(after as Entry[])).toEqual([...first.generated, '2026-11-22']);
  });

  it('downloads archived files that match the live report', async () => {
    const list = (await h.get<{ reports: Entry[] }>('/api/v1/reports/archive?kind=daily')).body.reports;
    const of = (format: string) => list.find((e) => e.period === '2026-11-20' && e.format === format);
    const live = (await h.get(`/api/v1/reports/daily?date=2026-11-20`)).body;
    const json = await getRaw(h, `/api/v1/reports/archive/${of('json')?.id}`, a.token);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(JSON.parse(json.body.toString('utf8'))).toEqual(live);
    const csv = await getRaw(h, `/api/v1/reports/archive/${of('csv')?.id}`);
    expect(csv.headers['content-disposition']).toContain('takt-daily-2026-11-20.csv');
    expect(csv.body.toString('utf8').startsWith('\uFEFFTaller,Línea')).toBe(true);
    expect(of('csv')?.size).toBe(csv.body.length);
    const pdf = await getRaw(h, `/api/v1/reports/archive/${of('pdf')?.id}`);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await getRaw(h, `/api/v1/reports/archive/${of('xlsx')?.id}`)).body as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Detalle')?.getRow(2).getCell(7).value).toBe(70);
  });

  it('answers 404, 400 and 401 with the error shape', async () => {
    expect((await h.get('/api/v1/reports/archive/999999')).body).toMatchObject({ status: 'error', reason: 'not-found' });
    expect((await h.get('/api/v1/reports/archive/abc')).status).toBe(400);
    expect((await h.get('/api/v1/reports/archive?kind=hourly')).status).toBe(400);
    expect((await h.get('/api/v1/reports/archive', null)).status).toBe(401);
  });

  it('waits until just after the next production day starts', async () => {
    // 05:59 Madrid: the next day starts in one minute; the run comes 5 s after it.
    expect(await msUntilNextRun(h.database.db, new Date('2026-11-20T04:59:00.000Z'))).toBe(65_000);
    // Just after the start: never more than six hours at a time.
    expect(await msUntilNextRun(h.database.db, new Date('2026-11-20T05:00:10.000Z'))).toBe(6 * 3_600_000);
  });
});

describe('archive scheduler in a listening central', () => {
  it('generates the due reports when the server starts listening, and stops with it', async () => {
    const database = await openDatabase({ loadDataDir: migratedPgliteTemplate() });
    const app = buildCentralApp({ database, adminToken: ADMIN, logLevel: 'silent', now: () => new Date('2026-11-21T09:00:00.000Z') });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      let found: unknown[] = [];
      for (let i = 0; i < 100 && found.length < 4; i++) {
        found = await listArchive(database.db, 'daily');
        if (found.length < 4) await new Promise((r) => setTimeout(r, 50));
      }
      expect(found.map((e) => (e as Entry).period)).toEqual(['2026-11-20', '2026-11-20', '2026-11-20', '2026-11-20']);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
