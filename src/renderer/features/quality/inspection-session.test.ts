import { describe, expect, it } from 'vitest';
import type { Characteristic, Gauge } from '../../../shared/domain/plant';
import type { Reading } from '../../../shared/devices/types';
import { attributeJudged, characteristicChosen, manualEntered, readingReceived, sessionResults, sessionVerdict, startSession, type GateContext } from './inspection-session';

const plan: Characteristic[] = [
  { kind: 'variable', id: 'C1', name: 'Longitud', nominal: '45.00', lower: '44.95', upper: '45.05', unit: 'mm', resolution: '0.01', gaugeType: 'caliper' },
  { kind: 'variable', id: 'C2', name: 'Masa', nominal: '18.20', lower: '17.80', upper: '18.60', unit: 'g', resolution: '0.01', gaugeType: 'balance' },
  { kind: 'attribute', id: 'C3', name: 'Rebabas', defectCodes: ['DF05'] },
];
const gauge = (id: string, gaugeType: string, unit: string, patch: Partial<Gauge> = {}): Gauge => ({
  id, name: id, gaugeType, unit, resolution: '0.01', calibrationDueOn: '2027-06-30', certificate: `CC-${id}`, status: 'active', ...patch,
});
const ctx: GateContext = {
  gauges: [gauge('G-CAL', 'caliper', 'mm'), gauge('G-BAL', 'balance', 'g'), gauge('G-OLD', 'caliper', 'mm', { calibrationDueOn: '2026-06-30' })],
  today: '2026-11-26',
  warningDays: 14,
};
const reading = (value: string, unit: string, gaugeId: string, patch: Partial<Reading> = {}): Reading => ({
  value, number: Number(value), unit, stable: true, status: 'ok', raw: `${value}\r`, portId: 'p1', gaugeId, protocol: 'sylvac-optors', receivedAt: '2026-11-26T08:00:00Z', ...patch,
});

describe('inspection session', () => {
  it('fills the active characteristic from an instrument with full provenance and moves to the next', () => {
    const s = readingReceived(startSession(plan), reading('45.02', 'mm', 'G-CAL'), ctx);
    expect(s.results.C1).toEqual({
      characteristicId: 'C1', value: '45.02', unit: 'mm', source: 'instrument', raw: '45.02\r', verdict: 'pass',
      gaugeId: 'G-CAL', gaugeCalibrationDueOn: '2027-06-30', gaugeCertificate: 'CC-G-CAL',
    });
    expect(s.activeIndex).toBe(1);
    expect(s.notice).toMatchObject({ kind: 'accepted', verdict: 'pass' });
  });

  it('refuses a reading from an overdue gauge with its reason and keeps the characteristic open', () => {
    const s = readingReceived(startSession(plan), reading('45.02', 'mm', 'G-OLD'), ctx);
    expect(s.results.C1).toBeUndefined();
    expect(s.activeIndex).toBe(0);
    expect(s.notice).toMatchObject({ kind: 'refused', issue: { code: 'gauge-overdue' } });
  });

  it('refuses a balance reading on a caliper characteristic (gauge type / unit)', () => {
    const s = readingReceived(startSession(plan), reading('18.20', 'g', 'G-BAL'), ctx);
    expect(s.notice).toMatchObject({ kind: 'refused', issue: { code: 'gauge-type-mismatch' } });
  });

  it('judges out-of-tolerance readings as fail and the whole inspection fails', () => {
    let s = readingReceived(startSession(plan), reading('45.06', 'mm', 'G-CAL'), ctx);
    s = readingReceived(s, reading('18.20', 'g', 'G-BAL'), ctx);
    expect(sessionVerdict(s)).toBeNull();
    s = attributeJudged(s, 'pass');
    expect(s.results.C1?.verdict).toBe('fail');
    expect(sessionVerdict(s)).toBe('fail');
    expect(sessionResults(s)?.map((r) => r.characteristicId)).toEqual(['C1', 'C2', 'C3']);
  });

  it('accepts manual entry only with a reason and a fit gauge, and marks it manual', () => {
    let s = startSession(plan);
    expect(manualEntered(s, { value: '45,01', reason: ' ', gaugeId: 'G-CAL' }, ctx).notice).toMatchObject({ kind: 'invalid', problem: 'reason' });
    expect(manualEntered(s, { value: 'abc', reason: 'cable roto', gaugeId: 'G-CAL' }, ctx).notice).toMatchObject({ kind: 'invalid', problem: 'value' });
    expect(manualEntered(s, { value: '45.01', reason: 'cable roto', gaugeId: 'G-OLD' }, ctx).notice).toMatchObject({ kind: 'refused', issue: { code: 'gauge-overdue' } });
    s = manualEntered(s, { value: '45,01', reason: 'cable roto', gaugeId: 'G-CAL' }, ctx);
    expect(s.results.C1).toMatchObject({ value: '45.01', source: 'manual', manualReason: 'cable roto', gaugeId: 'G-CAL', verdict: 'pass' });
  });

  it('an attribute characteristic does not take readings; choosing another one makes it active', () => {
    let s = characteristicChosen(startSession(plan), 2);
    s = readingReceived(s, reading('45.02', 'mm', 'G-CAL'), ctx);
    expect(s.notice).toMatchObject({ kind: 'invalid', problem: 'attribute-needs-judgement' });
    s = characteristicChosen(s, 0);
    s = readingReceived(s, reading('45.02', 'mm', 'G-CAL'), ctx);
    expect(s.results.C1?.verdict).toBe('pass');
  });

  it('waits for the device layer to accept a steady run, but shows an unstable or overload frame', () => {
    const start = startSession(plan);
    expect(readingReceived(start, reading('45.02', 'mm', 'G-CAL', { accepted: false }), ctx)).toBe(start);
    expect(readingReceived(start, reading('45.02', 'mm', 'G-CAL', { accepted: false, stable: false }), ctx).notice).toMatchObject({ kind: 'refused', issue: { code: 'reading-unstable' } });
    expect(readingReceived(start, reading('45.02', 'mm', 'G-CAL', { accepted: false, status: 'overload' }), ctx).notice).toMatchObject({ kind: 'refused', issue: { code: 'reading-overload' } });
    expect(readingReceived(start, reading('45.02', 'mm', 'G-CAL', { accepted: true }), ctx).results.C1?.value).toBe('45.02');
  });
});
