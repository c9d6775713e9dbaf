import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from './render-csv';

describe('CSV rendering', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('PO-1')).toBe('PO-1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(0.7944)).toBe('0.7944');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField('Línea ñ')).toBe('Línea ñ');
  });

  it('writes a BOM, the header first, CRLF lines and each further table after a blank line', () => {
    const csv = renderCsv({
      title: 'T',
      plantName: 'P',
      periodLabel: 'x',
      fileBase: 'f',
      summary: [{ label: 'Total', value: 3, kind: 'int' }],
      tables: [
        { name: 'A', columns: [{ key: 'k', header: 'K', kind: 'text' }, { key: 'n', header: 'N', kind: 'int' }], rows: [{ k: 'x', n: 1 }], totals: { k: 'Total', n: 1 } },
        { name: 'B', columns: [{ key: 'r', header: 'R', kind: 'ratio' }], rows: [{ r: null }] },
      ],
    }).toString('utf8');
    expect(csv).toBe('\uFEFFK,N\r\nx,1\r\nTotal,1\r\n\r\nB\r\nR\r\n\r\n\r\nT,P,x\r\nTotal,3\r\n');
  });
});
