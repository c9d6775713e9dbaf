import { describe, expect, it } from 'vitest';
import { labelElementString, type LabelData } from './content';
import { lotOfScan } from './scan-lot';

const lot: LabelData = { kind: 'lot', id: '261126-M101-001', gtin: '08412345001017', productionDate: '2026-11-26', workOrderId: 'PO-1001/20', qty: 120 };

describe('the lot a scanned label names', () => {
  it("reads a Takt lot label back: the lot (10) and the work order that made it (91)", () => {
    expect(lotOfScan(labelElementString(lot), ']C1')).toEqual({ lotId: '261126-M101-001', workOrderId: 'PO-1001/20' });
    expect(lotOfScan(labelElementString({ ...lot, workOrderId: undefined, serial: '261126-M101-001-7' }), ']d2')).toEqual({ lotId: '261126-M101-001', workOrderId: null });
  });

  it('reads the lot of a one-lot package label, and with a GS substitute', () => {
    const pkg: LabelData = { kind: 'package', id: '084123450100000019', gtin: '08412345001017', qty: 120, lotIds: ['L-9'] };
    expect(lotOfScan(labelElementString(pkg), ']C1')).toEqual({ lotId: 'L-9', workOrderId: null });
    expect(lotOfScan(labelElementString(lot).replace('\u001d', '~'), ']C1', '~')).toEqual({ lotId: '261126-M101-001', workOrderId: 'PO-1001/20' });
  });

  it('names no lot for badges, work-order sheets, bare GTINs and labels without (10)', () => {
    expect(lotOfScan('OP-0007', null)).toBeNull();
    expect(lotOfScan('PO-1001/20', null)).toBeNull();
    expect(lotOfScan('0108412345001017', ']C1')).toBeNull();
    expect(lotOfScan(labelElementString({ kind: 'package', id: '084123450100000019', qty: 3, lotIds: ['A', 'B'] }), ']C1')).toBeNull();
  });
});
