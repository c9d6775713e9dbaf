import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Harness, variants, type Terminal } from './support/central-harness';
import { disruption, getRaw, output, parseCsv, pdfText, pushOk, seedPlant, t2Row } from './central-reports.helpers';
import { renderFile } from '../../src/server/reports/files';
import { shortfallDocument } from '../../src/server/reports/document';
import type { ShortfallReport } from '../../src/server/reports/shortfall';

const D = '2026-11-20';
const PLANT = 'Planta "Norte", Zaragoza – señalización';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
interface DailyJson {
  rows: Record<string, string | number | null>[];
  totals: Record<string, number | null>;
}
const text = (b: Buffer) => b.toString('utf8');
const cellOf = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe.each(variants)('report files on %s', (variant) => {
  let h: Harness;
  let a: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await seedPlant(h);
    a = await h.enrol('WS-L1-01');
    await h.importOk('t2-plan', [
      t2Row(D, 'W1', 'L1', 'PO-1', '10', 100),
      t2Row(D, 'W1', 'L1', 'PO-2', '10', 60),
      t2Row(D, 'W2', 'L2', 'PO-1', '20', 40),
    ]);
    await pushOk(h, a, [
      output(a, 'PO-1/10', '2026-11-20T07:00:00.000Z', 70, 6),
      output(a, 'PO-2/10', '2026-11-20T08:00:00.000Z', 60),
      output(a, 'PO-4/10', '2026-11-20T09:00:00.000Z', 5),
      disruption(a, '2026-11-20T09:00:00.000Z', { disruptionId: 'DIS-1', cause: 'supply', lineId: 'L2', estimatedLossQty: 25 }),
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('daily CSV: BOM, header row, the JSON figures, quoting that reads back', async () => {
    const json = (await h.get<DailyJson>(`/api/v1/reports/daily?date=${D}`)).body;
    const r = await getRaw(h, `/api/v1/reports/daily?date=${D}&format=csv`, a.token);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toContain('attachment; filename="takt-daily-2026-11-20.csv"');
    expect([...r.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text(r.body).slice(1));
    expect(rows[0]).toEqual(['Taller', 'Línea', 'Orden de producción', 'Operación', 'Producto', 'Planificado', 'Buenas', 'Rechazo', 'Cumplimiento', 'Déficit']);
    const keys = ['workshop', 'line', 'productionOrder', 'operation', 'product', 'planned', 'good', 'scrap', 'attainment', 'shortfall'];
    expect(rows.slice(1, 1 + json.rows.length)).toEqual(json.rows.map((row) => keys.map((k) => cellOf(row[k]))));
    expect(rows[1 + json.rows.length]).toEqual(['Total', '', '', '', '', ...['planned', 'good', 'scrap', 'attainment', 'shortfall'].map((k) => cellOf(json.totals[k]))]);
    expect(json.totals).toMatchObject({ planned: 200, good: 135, shortfall: 70 });
    // The plant name needs quoting (comma and quotes) and comes back intact.
    expect(rows.find((row) => row[1] === PLANT)).toBeDefined();
    const en = parseCsv(text((await getRaw(h, `/api/v1/reports/daily?date=${D}&format=csv&lang=en`)).body).slice(1));
    expect(en[0]?.slice(0, 3)).toEqual(['Workshop', 'Line', 'Production order']);
  });

  it('shortfall and monthly CSV carry the same figures as the JSON', async () => {
    const json = (await h.get<ShortfallReport>(`/api/v1/reports/shortfall?from=${D}&to=${D}`)).body;
    expect(json.shortfall).toBe(70);
    const rows = parseCsv(text((await getRaw(h, `/api/v1/reports/shortfall?from=${D}&to=${D}&format=csv`)).body).slice(1));
    expect(rows[0]).toEqual(['Causa', 'Unidades perdidas', 'Porcentaje', 'Eventos']);
    const causes = rows.slice(1, 7);
    expect(causes.reduce((n, row) => n + Number(row[1]), 0)).toBe(json.shortfall);
    expect(causes.find((row) => row[0] === 'Falta de material')?.[1]).toBe('25');
    expect(rows[7]?.slice(0, 2)).toEqual(['Total', '70']);
    const monthly = parseCsv(text((await getRaw(h, '/api/v1/reports/monthly?month=2026-11&format=csv')).body).slice(1));
    expect(monthly[0]?.[0]).toBe('Fecha');
    expect(monthly.slice(1, 31).map((row) => row[0])).toEqual(Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(monthly[31]?.slice(0, 3)).toEqual(['Total', '200', '135']);
  });

  it('daily XLSX: styled header, numbers as numbers, totals row', async () => {
    const json = (await h.get<DailyJson>(`/api/v1/reports/daily?date=${D}`)).body;
    const r = await getRaw(h, `/api/v1/reports/daily?date=${D}&format=xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    expect(r.headers['content-disposition']).toContain('takt-daily-2026-11-20.xlsx');
    const wb = await workbook(r.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumen', 'Detalle']);
    expect(wb.getWorksheet('Resumen')?.getCell('A2').value).toBe(PLANT);
    const ws = wb.getWorksheet('Detalle');
    if (!ws) throw new Error('no Detalle sheet');
    expect(ws.getRow(1).getCell(2).value).toBe('Línea');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    json.rows.forEach((row, i) => {
      const x = ws.getRow(i + 2);
      expect(x.getCell(3).value).toBe(row.productionOrder);
      expect(x.getCell(6).value).toBe(row.planned);
      expect(typeof x.getCell(7).value).toBe('number');
      expect(x.getCell(7).value).toBe(row.good);
      expect(x.getCell(9).value).toBe(row.attainment);
    });
    expect(ws.getRow(2).getCell(9).numFmt).toContain('%');
    const totals = ws.getRow(json.rows.length + 2);
    expect(totals.getCell(1).value).toBe('Total');
    expect(totals.getCell(10).value).toBe(json.totals.shortfall);
    expect(totals.getCell(1).font?.bold).toBe(true);
  });

  it('weekly XLSX: one sheet per table; totals equal the JSON', async () => {
    const json = (await h.get<{ totals: Record<string, number>; days: unknown[] }>('/api/v1/reports/weekly?week=2026-W47')).body;
    const wb = await workbook((await getRaw(h, '/api/v1/reports/weekly?week=2026-W47&format=xlsx')).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumen', 'Tendencia diaria', 'Por taller', 'Por producto', 'Causas principales']);
    const days = wb.getWorksheet('Tendencia diaria');
    expect(days?.getRow(2).getCell(1).value).toBe('2026-11-16');
    expect(days?.getRow(9).getCell(1).value).toBe('Total');
    expect(days?.getRow(9).getCell(2).value).toBe(json.totals.planned);
    expect(days?.getRow(9).getCell(3).value).toBe(json.totals.good);
  });

  it('shortfall PDF: A4, Helvetica, title, plant, the causes and the Pareto chart', async () => {
    const r = await getRaw(h, `/api/v1/reports/shortfall?from=${D}&to=${D}&format=pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain('takt-shortfall-2026-11-20_2026-11-20.pdf');
    const raw = r.body.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(raw).toContain('/BaseFont /Helvetica');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    const drawn = pdfText(r.body);
    expect(drawn).toContain('Análisis de producción insuficiente');
    expect(drawn).toContain(PLANT);
    expect(drawn.filter((t) => t === 'Falta de material')).toHaveLength(2); // a Pareto bar label and a table row
    expect(drawn.some((t) => t.startsWith('100,0'))).toBe(true); // the cumulative axis
  });

  it('uncompressed PDF for readers that cannot inflate; monthly PDF spans pages', async () => {
    const json = (await h.get<ShortfallReport>(`/api/v1/reports/shortfall?from=${D}&to=${D}`)).body;
    const file = await renderFile(shortfallDocument(json, PLANT, 'en'), 'pdf', { lang: 'en', generatedAt: new Date(), compress: false });
    expect(file.bytes.toString('latin1')).not.toContain('/FlateDecode');
    expect(pdfText(file.bytes)).toContain('Under-production analysis');
    const monthly = await getRaw(h, '/api/v1/reports/monthly?month=2026-11&format=pdf');
    expect(monthly.status).toBe(200);
    const pages = monthly.body.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pdfText(monthly.body)).toEqual(expect.arrayContaining(['Informe mensual de producción', 'Tendencia diaria', 'Por producto', '2026-11-30']));
  });

  it('refuses unknown formats on every report with 400', async () => {
    for (const url of [`daily?date=${D}`, `shortfall?from=${D}&to=${D}`, 'weekly?week=2026-W47', 'monthly?month=2026-11']) {
      const r = await h.get(`/api/v1/reports/${url}&format=docx`);
      expect(r.status, url).toBe(400);
      expect(r.body, url).toMatchObject({ status: 'error', reason: 'invalid-request' });
      expect(String(r.body.details), url).toContain('format');
    }
  });
});
