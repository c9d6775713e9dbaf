/**
 * XLSX rendering of a ReportDocument with exceljs: a summary sheet (title, plant, period, key
 * figures) and one sheet per table, bold shaded header row, frozen header, numbers stored as
 * numbers (ratios as numbers formatted as percentages), a bold totals row.
 */
import ExcelJS from 'exceljs';
import type { Column, ReportDocument } from './document';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const PERCENT = '0.0%';

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

const numFmt = (c: Column) => (c.kind === 'ratio' ? PERCENT : c.kind === 'int' ? '#,##0' : undefined);

export async function renderXlsx(doc: ReportDocument, labels: { summary: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Takt';
  wb.title = doc.title;
  const used = new Set<string>();

  const summary = wb.addWorksheet(sheetName(labels.summary, used));
  summary.addRow([doc.title]).font = { bold: true, size: 14 };
  summary.addRow([doc.plantName]);
  summary.addRow([doc.periodLabel]);
  summary.addRow([]);
  for (const s of doc.summary) {
    const row = summary.addRow([s.label, s.value]);
    const cell = row.getCell(2);
    if (s.kind === 'ratio') cell.numFmt = PERCENT;
  }
  summary.getColumn(1).width = 45;
  summary.getColumn(2).width = 16;

  for (const t of doc.tables) {
    const ws = wb.addWorksheet(sheetName(t.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(10, c.header.length + 2),
      ...(numFmt(c) ? { style: { numFmt: numFmt(c) } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const r of t.rows) ws.addRow(t.columns.map((c) => r[c.key] ?? null));
    if (t.totals) {
      const totals = t.totals;
      ws.addRow(t.columns.map((c) => totals[c.key] ?? null)).font = { bold: true };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
