/**
 * Turns an uploaded plan/order file (CSV with comma or semicolon, XLSX first sheet, or a JSON
 * array) into rows keyed by canonical English column names (ARCHITECTURE 6), accepting the
 * Spanish aliases. Row numbers are what a person sees: the line of a CSV or the sheet row of an
 * XLSX (header = 1, first data row = 2); the 1-based position in a JSON array.
 */
import ExcelJS from 'exceljs';
import { HttpProblem } from '../http-errors';

export interface RawRow {
  row: number;
  values: Record<string, unknown>;
}

const aliases: Record<string, string> = {
  fecha: 'date',
  taller: 'workshop',
  linea: 'line',
  turno: 'shift',
  orden_produccion: 'production_order',
  orden_de_produccion: 'production_order',
  producto: 'product',
  operacion: 'operation',
  cantidad_planificada: 'planned_qty',
  pedido_cliente: 'customer_order',
  cantidad: 'qty',
  fecha_entrega: 'due_date',
  estado_revision: 'review_status',
  revisado_por: 'reviewed_by',
};

/** `Línea` -> `line`, `productionOrder` -> `production_order`, `Planned Qty` -> `planned_qty`. */
export function canonicalColumn(name: string): string {
  const snake = name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
  return aliases[snake] ?? snake;
}

function withCanonicalKeys(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [canonicalColumn(k), v]));
}

export function rowsFromJson(body: unknown): RawRow[] {
  const list = Array.isArray(body) ? body : (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(list)) {
    throw new HttpProblem(400, 'invalid-request', 'Se esperaba una lista JSON de filas. / Expected a JSON array of rows.');
  }
  return list.map((item, i) => ({
    row: i + 1,
    values: item && typeof item === 'object' && !Array.isArray(item) ? withCanonicalKeys(item as Record<string, unknown>) : {},
  }));
}

/** RFC 4180-style CSV: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.length === 0) quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: startLine, cells });
      cells = [];
      cell = '';
      line++;
      startLine = line;
    } else cell += c;
  }
  if (cell.length > 0 || cells.length > 0) {
    cells.push(cell);
    out.push({ line: startLine, cells });
  }
  return out.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

function rowsFromTable(table: { line: number; cells: string[] }[]): RawRow[] {
  const [header, ...data] = table;
  if (!header) throw new HttpProblem(400, 'invalid-request', 'El fichero está vacío. / The file is empty.');
  const columns = header.cells.map(canonicalColumn);
  return data.map((r) => ({
    row: r.line,
    values: Object.fromEntries(columns.map((col, i) => [col, (r.cells[i] ?? '').trim()])),
  }));
}

export function rowsFromCsv(text: string): RawRow[] {
  return rowsFromTable(parseCsv(text));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

export async function rowsFromXlsx(data: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new HttpProblem(400, 'invalid-request', 'No es un fichero XLSX válido. / Not a valid XLSX file.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new HttpProblem(400, 'invalid-request', 'El libro no tiene hojas. / The workbook has no sheets.');
  const table: { line: number; cells: string[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((x) => x.trim() !== '')) table.push({ line: rowNumber, cells });
  });
  return rowsFromTable(table);
}
