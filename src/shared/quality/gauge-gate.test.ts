import { describe, expect, it } from 'vitest';
import type { Gauge } from '../domain/plant';
import { checkGauge, type GateInput } from './gauge-gate';
import type { VariableCharacteristic } from './tolerance';

const micrometer: Gauge = {
  id: 'G-MIC-001',
  name: 'Micrómetro',
  gaugeType: 'micrometer',
  unit: 'mm',
  resolution: '0.001',
  calibrationDueOn: '2026-12-31',
  certificate: 'CC-1',
  status: 'active',
};
const diameter: VariableCharacteristic = {
  kind: 'variable',
  id: 'C01',
  name: 'Ø12 h7',
  nominal: '12.000',
  lower: '11.982',
  upper: '12.000',
  unit: 'mm',
  resolution: '0.001',
  gaugeType: 'micrometer',
};
const ok = { value: '11.990', unit: 'mm', stable: true, status: 'ok' as const };
const base: GateInput = { gaugeId: 'G-MIC-001', gauges: [micrometer], characteristic: diameter, reading: ok, today: '2026-11-26', warningDays: 14 };
const refusal = (patch: Partial<GateInput>) => {
  const out = checkGauge({ ...base, ...patch });
  return out.ok ? null : out.refusal;
};

describe('gauge gate', () => {
  it('accepts a released, calibrated, fit gauge and a stable reading', () => {
    const out = checkGauge(base);
    expect(out.ok).toBe(true);
    expect(out.ok && out.warnings).toEqual([]);
  });
  it('refuses a reading with no gauge or an unknown gauge', () => {
    expect(refusal({ gaugeId: null })?.code).toBe('gauge-missing');
    expect(refusal({ gaugeId: 'G-X' })?.code).toBe('gauge-unknown');
  });
  it('refuses blocked and out-of-tolerance gauges', () => {
    expect(refusal({ gauges: [{ ...micrometer, status: 'blocked' }] })?.code).toBe('gauge-blocked');
    expect(refusal({ gauges: [{ ...micrometer, status: 'out-of-tolerance' }] })?.code).toBe('gauge-out-of-tolerance');
  });
  it('accepts on the due date and refuses the production day after, in both languages', () => {
    expect(checkGauge({ ...base, today: '2026-12-31' }).ok).toBe(true);
    const r = refusal({ today: '2027-01-01' });
    expect(r?.code).toBe('gauge-overdue');
    expect(r?.message.es).toContain('venció el 2026-12-31');
    expect(r?.message.en).toContain('was due on 2026-12-31');
  });
  it('warns within the warning window', () => {
    const out = checkGauge({ ...base, today: '2026-12-17' });
    expect(out.ok && out.warnings.map((w) => w.code)).toEqual(['calibration-due-soon']);
    expect(checkGauge({ ...base, today: '2026-12-16' }).ok && checkGauge({ ...base, today: '2026-12-16' })).toMatchObject({ warnings: [] });
  });
  it('refuses a gauge of another type or unit', () => {
    expect(refusal({ gauges: [{ ...micrometer, gaugeType: 'caliper' }] })?.code).toBe('gauge-type-mismatch');
    expect(refusal({ reading: { ...ok, unit: 'in' } })?.code).toBe('unit-mismatch');
    expect(refusal({ gauges: [{ ...micrometer, unit: 'in' }] })?.code).toBe('unit-mismatch');
  });
  it('refuses a resolution coarser than a tenth of the tolerance (10:1 rule)', () => {
    // tolerance 0.018: 0.001 × 10 = 0.010 fits, 0.002 × 10 = 0.020 does not
    const wide = { ...diameter, resolution: '0.01' };
    expect(checkGauge({ ...base, characteristic: wide, gauges: [{ ...micrometer, resolution: '0.0018' }] }).ok).toBe(true);
    expect(refusal({ characteristic: wide, gauges: [{ ...micrometer, resolution: '0.002' }] })?.code).toBe('resolution-too-coarse');
    // exactly a tenth passes: caliper 0.01 on a 0.10 tolerance
    const length = { ...diameter, lower: '44.95', upper: '45.05', resolution: '0.01' };
    expect(checkGauge({ ...base, characteristic: length, gauges: [{ ...micrometer, resolution: '0.01' }] }).ok).toBe(true);
    // and never coarser than the plan's required resolution
    expect(refusal({ gauges: [{ ...micrometer, resolution: '0.0015' }] })?.code).toBe('resolution-too-coarse');
  });
  it('refuses unstable, overload and non-measurement frames', () => {
    expect(refusal({ reading: { ...ok, stable: false } })?.code).toBe('reading-unstable');
    expect(refusal({ reading: { ...ok, status: 'overload' } })?.code).toBe('reading-overload');
    expect(refusal({ reading: { ...ok, status: 'underload' } })?.code).toBe('reading-overload');
    expect(refusal({ reading: { ...ok, status: 'error' } })?.code).toBe('reading-error');
    expect(refusal({ reading: { ...ok, value: null } })?.code).toBe('reading-no-value');
    // stability unknown (protocol has none) is not a refusal
    expect(checkGauge({ ...base, reading: { ...ok, stable: null } }).ok).toBe(true);
  });
  it('checks the gauge for a manual entry (no frame)', () => {
    expect(checkGauge({ ...base, reading: null }).ok).toBe(true);
    expect(refusal({ reading: null, today: '2027-02-01' })?.code).toBe('gauge-overdue');
  });
});
