/**
 * Field readers for imported rows. Each records a bilingual error against the row and field
 * instead of throwing, so one answer can list every bad row of a file.
 */
import { HttpProblem } from '../http-errors';
import type { RawRow } from './parse';

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  warnings: string[];
}

export class RowErrors {
  readonly list: RowError[] = [];
  add(row: number, field: string, es: string, en: string): void {
    this.list.push({ row, field, message: `${es} / ${en}` });
  }
  /** 422 invalid-rows with every problem found; nothing has been written yet. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw new HttpProblem(
      422,
      'invalid-rows',
      `${new Set(this.list.map((e) => e.row)).size} fila(s) no válidas; no se ha importado nada. / ${new Set(this.list.map((e) => e.row)).size} invalid row(s); nothing was imported.`,
      { rows: this.list },
    );
  }
}

function present(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  return typeof v !== 'string' || v.trim() !== '';
}

export function text(r: RawRow, field: string, errors: RowErrors, required = true): string | undefined {
  const v = r.values[field];
  if (!present(v)) {
    if (required) errors.add(r.row, field, 'falta el valor', 'value is missing');
    return required ? undefined : '';
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    errors.add(r.row, field, 'debe ser texto', 'must be text');
    return undefined;
  }
  const s = String(v).trim();
  if (s.length > 120) {
    errors.add(r.row, field, 'demasiado largo (máx. 120)', 'too long (max 120)');
    return undefined;
  }
  return s;
}

export function int(r: RawRow, field: string, errors: RowErrors, min = 0): number | undefined {
  const v = r.values[field];
  if (!present(v)) {
    errors.add(r.row, field, 'falta la cantidad', 'quantity is missing');
    return undefined;
  }
  const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : JSON.stringify(v);
  const n = typeof v === 'number' ? v : /^[+-]?\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n)) {
    errors.add(r.row, field, `«${s}» no es un número entero`, `"${s}" is not a whole number`);
    return undefined;
  }
  if (n < min) {
    errors.add(r.row, field, `debe ser ${min} o más`, `must be ${min} or more`);
    return undefined;
  }
  return n;
}

export function date(r: RawRow, field: string, errors: RowErrors): string | undefined {
  const s = text(r, field, errors);
  if (s === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const t = m ? Date.parse(`${s}T00:00:00Z`) : NaN;
  const valid = !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  if (!valid) {
    errors.add(r.row, field, `«${s}» no es una fecha AAAA-MM-DD`, `"${s}" is not a YYYY-MM-DD date`);
    return undefined;
  }
  return s;
}

/** Reports a repeated key within the file. */
export function uniqueKey(seen: Map<string, number>, key: string, r: RawRow, field: string, errors: RowErrors): void {
  const first = seen.get(key);
  if (first !== undefined) errors.add(r.row, field, `repite la fila ${first}`, `duplicates row ${first}`);
  else seen.set(key, r.row);
}
