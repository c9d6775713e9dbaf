import { describe, expect, it } from 'vitest';
import { canonicalColumn, parseCsv, rowsFromCsv, rowsFromJson } from './parse';

describe('canonicalColumn', () => {
  it('maps Spanish headers, accents, case and camelCase to the file-format keys', () => {
    expect(['Línea', 'OPERACIÓN', 'orden_produccion', 'productionOrder', 'Planned Qty', '\uFEFFfecha', 'estado-revision'].map(canonicalColumn)).toEqual([
      'line', 'operation', 'production_order', 'production_order', 'planned_qty', 'date', 'review_status',
    ]);
  });
});

describe('parseCsv', () => {
  it('detects the semicolon, keeps quoted delimiters, quotes and line breaks, and numbers rows by file line', () => {
    const text = 'a;b;c\r\n1;"x;y";"he said ""hi"""\r\n\r\n2;"two\nlines";z';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x;y', 'he said "hi"'] },
      { line: 4, cells: ['2', 'two\nlines', 'z'] },
    ]);
  });

  it('uses the comma when the header has more commas than semicolons', () => {
    expect(rowsFromCsv('fecha,taller\n2026-11-20, W1 \n')).toEqual([{ row: 2, values: { date: '2026-11-20', workshop: 'W1' } }]);
  });
});

describe('rowsFromJson', () => {
  it('numbers JSON rows from 1 and refuses a non-array', () => {
    expect(rowsFromJson([{ Taller: 'W1' }])).toEqual([{ row: 1, values: { workshop: 'W1' } }]);
    expect(() => rowsFromJson({ nope: 1 })).toThrow(/JSON array/);
  });
});
