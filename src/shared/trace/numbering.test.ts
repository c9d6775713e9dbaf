import { describe, expect, it } from 'vitest';
import { parseGs1 } from '../gs1';
import { DEFAULT_LOT_NUMBERING, formatLotNumber, nextLotNumber, serialNumbers, workstationCode } from './numbering';
import { nextSscc, ssccCounter, workstationBlock } from './package-id';
import { traceTargetOfScan } from './scan-target';

describe('lot numbering', () => {
  it('default rule: production day, workstation code, 3-digit sequence', () => {
    expect(DEFAULT_LOT_NUMBERING).toBe('{yymmdd}-{ws}-{seq}');
    expect(formatLotNumber({ productId: 'EJ-1245', day: '2026-11-26', workstationId: 'WS-M1-01', seq: 7 })).toEqual({ ok: true, lotId: '261126-M101-007' });
    expect(workstationCode('WS-A2-02')).toBe('A202');
    expect(workstationCode('press/line 12 station 4')).toBe('ATION4');
  });

  it('plant templates with product and full date; too long or unknown tokens are refused', () => {
    expect(formatLotNumber({ template: '{product}-{yymmdd}-{seq}', productId: 'EJ-1245', day: '2026-11-26', workstationId: 'WS-M1-01', seq: 12 })).toEqual({ ok: true, lotId: 'EJ-1245-261126-012' });
    expect(formatLotNumber({ template: '{product}-{yyyymmdd}-{ws}-{seq}', productId: 'EJ-1245', day: '2026-11-26', workstationId: 'WS-M1-01', seq: 1 })).toMatchObject({ ok: false, problem: { code: 'too-long' } });
    expect(formatLotNumber({ template: '{lot}', productId: 'P', day: '2026-11-26', workstationId: 'W', seq: 1 })).toMatchObject({ ok: false, problem: { code: 'unknown-token' } });
    expect(formatLotNumber({ template: '{product}', productId: 'A B', day: '2026-11-26', workstationId: 'W', seq: 1 })).toMatchObject({ ok: false, problem: { code: 'bad-characters' } });
  });

  it('skips numbers already taken and numbers serials within AI (21)', () => {
    const taken = new Set(['261126-M101-001', '261126-M101-002']);
    expect(nextLotNumber({ productId: 'P', day: '2026-11-26', workstationId: 'WS-M1-01' }, 1, (id) => taken.has(id))).toEqual({ ok: true, lotId: '261126-M101-003' });
    expect(serialNumbers('261126-M101-003', 3)).toEqual(['261126-M101-003-1', '261126-M101-003-2', '261126-M101-003-3']);
    expect(serialNumbers('261126-M101-003', 10_000)).toBeNull();
  });
});

describe('package ids (SSCC)', () => {
  it('extension + company prefix + workstation block + counter + check digit, continuing after known ones', () => {
    const block = workstationBlock(['WS-M1-02', 'WS-A1-01', 'WS-M1-01'], 'WS-M1-01');
    expect(block).toBe(1);
    const first = nextSscc({ companyPrefix: '8412345', block: 1, known: [] });
    expect(first).toMatch(/^08412345010000001\d$/);
    const parsed = parseGs1(`00${first}`, { symbology: ']C1' });
    expect(parsed.ok).toBe(true); // the check digit is right
    const second = nextSscc({ companyPrefix: '8412345', block: 1, known: [first, nextSscc({ companyPrefix: '8412345', block: 2, known: [] })] });
    expect(ssccCounter(second, '8412345', 1)).toBe(2);
    expect(workstationBlock(['WS-1'], 'WS-2')).toBeNull();
  });
});

describe('scanning a label back', () => {
  it('package, serial and lot labels open the right thing; other scans are not trace targets', () => {
    expect(traceTargetOfScan('00084123450100000019', ']C1')).toEqual({ kind: 'package', id: '084123450100000019' });
    expect(traceTargetOfScan('010841234500101711261126' + '10261126-M101-001\u001d21261126-M101-001-2', ']d2')).toEqual({ kind: 'serial', id: '261126-M101-001-2' });
    expect(traceTargetOfScan('0108412345001017112611261026112-M1\u001d91PO-1001/20', ']C1')).toEqual({ kind: 'lot', id: '26112-M1' });
    expect(traceTargetOfScan('PO-1001/20', null)).toBeNull();
    expect(traceTargetOfScan('01084123450010171126113', ']C1')).toBeNull();
  });
});
