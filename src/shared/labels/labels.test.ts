import { describe, expect, it } from 'vitest';
import { parseGs1 } from '../gs1';
import { humanReadable, labelElements, labelElementString, labelLines, type LabelData } from './content';
import { defaultTemplates } from './template';
import { buildZpl, dataMatrixFieldData, gs1128FieldData, zplText } from './zpl';

const lot: LabelData = {
  kind: 'lot',
  id: '261126-M101-001',
  productId: 'EJ-1245',
  productName: 'Eje Ø16 «templado»',
  gtin: '08412345001017',
  productionDate: '2026-11-26',
  workOrderId: 'PO-1001/20',
  qty: 120,
  unit: 'pcs',
};
const pkg: LabelData = { kind: 'package', id: '084123450100000019', gtin: '08412345001017', qty: 240, lotIds: ['261126-M101-001'], productionDate: '2026-11-26' };

describe('label content', () => {
  it('a lot label carries (01) GTIN, (11) date, (10) lot and (91) work order, and parses strictly as GS1', () => {
    expect(labelElements(lot)).toEqual([
      { ai: '01', value: '08412345001017' },
      { ai: '11', value: '261126' },
      { ai: '10', value: '261126-M101-001' },
      { ai: '91', value: 'PO-1001/20' },
    ]);
    expect(labelElementString(lot)).toBe('010841234500101711261126' + '10261126-M101-001\u001d91PO-1001/20');
    const parsed = parseGs1(labelElementString(lot), { symbology: ']C1', strict: true });
    expect(parsed.ok && parsed.elements.map((e) => e.ai)).toEqual(['01', '11', '10', '91']);
    expect(humanReadable(labelElements({ ...lot, gtin: undefined, serial: '261126-M101-001-4' }))).toBe('(11)261126(10)261126-M101-001(21)261126-M101-001-4(91)PO-1001/20');
  });

  it('a package label carries its SSCC, and contents GTIN + count when it is one product', () => {
    expect(labelElements(pkg).map((a) => a.ai)).toEqual(['00', '02', '11', '10', '37']);
    const parsed = parseGs1(labelElementString(pkg), { symbology: ']C1', strict: true });
    expect(parsed.ok).toBe(true);
    expect(labelElements({ ...pkg, gtin: undefined })).toEqual([{ ai: '00', value: pkg.id }]);
  });

  it('prints readable lines in Spanish or English', () => {
    expect(labelLines(lot, 'es')[0]?.text).toBe('LOTE 261126-M101-001');
    expect(labelLines(pkg, 'en').map((l) => l.text)).toContain('Lots: 261126-M101-001');
  });
});

describe('ZPL', () => {
  it('GS1-128: FNC1 first and after each variable field but the last, in ^BC automatic mode', () => {
    expect(gs1128FieldData(lot)).toBe('>;>8010841234500101711261126' + '10261126-M101-001>891PO-1001/20');
    const zpl = buildZpl(lot, defaultTemplates.lot);
    expect(zpl.startsWith('^XA\n^CI28\n^PW799\n^LL400')).toBe(true);
    expect(zpl).toContain('^BCN,104,N,N,N,A^FD>;>8010841234500101711261126' + '10261126-M101-001>891PO-1001/20^FS');
    expect(zpl).toContain('^FD(01)08412345001017(11)261126(10)261126-M101-001(91)PO-1001/20^FS');
    expect(zpl.trimEnd().endsWith('^PQ1\n^XZ')).toBe(true);
  });

  it('GS1 DataMatrix: ^BX ECC 200 with _1 as FNC1', () => {
    expect(dataMatrixFieldData(pkg)).toBe(`_100${pkg.id}0208412345001017112611261026112` + '6-M101-001_137240');
    const zpl = buildZpl(pkg, { ...defaultTemplates.package, symbology: 'gs1-datamatrix' });
    expect(zpl).toMatch(/\^BXN,\d+,200,0,0,6,_\^FD_100084123450100000019/);
  });

  it('text cannot inject ZPL commands', () => {
    expect(zplText('a^XZ~JR\\b')).toBe('a\\5EXZ\\7EJR\\5Cb');
    const zpl = buildZpl({ ...lot, productName: '^XZ^XA evil' }, defaultTemplates.lot);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
  });
});
