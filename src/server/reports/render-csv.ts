/**
 * CSV rendering of a ReportDocument: UTF-8 with a byte-order mark (so spreadsheet programs read
 * the Spanish characters right), comma-separated, CRLF line ends, RFC 4180 quoting. The first
 * line is the first table's header row; each further table follows a blank line and a line with
 * its name; the summary figures close the file the same way. Numbers are plain (ratios as
 * decimals with a point, e.g. 0.7944); null is an empty cell. A text cell that a spreadsheet would
 * take for a formula (=, +, @, tab) gets a leading apostrophe.
 */
import type { Cell, Column, ReportDocument } from './document';

const BOM = '\uFEFF';

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Cell[]) => cells.map(csvField).join(',');
const rowCells = (columns: Column[], row: Record<string, Cell>) => columns.map((c) => row[c.key] ?? null);

export function renderCsv(doc: ReportDocument): Buffer {
  const lines: string[] = [];
  doc.tables.forEach((t, i) => {
    if (i > 0) lines.push('', line([t.name]));
    lines.push(line(t.columns.map((c) => c.header)));
    for (const r of t.rows) lines.push(line(rowCells(t.columns, r)));
    if (t.totals) lines.push(line(rowCells(t.columns, t.totals)));
  });
  lines.push('', line([doc.title, doc.plantName, doc.periodLabel]));
  for (const s of doc.summary) lines.push(line([s.label, s.value]));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
