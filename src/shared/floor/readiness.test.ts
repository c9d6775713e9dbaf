import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../gs1';
import { lotIdFromScan } from './lot-scan';
import {
  checkEquipment,
  checkGauges,
  checkMaterials,
  checkOperator,
  checksPayload,
  judgeLot,
  materialNeeds,
  readinessOf,
  remainingPieces,
  type BomLine,
  type LotFacts,
} from './readiness';

const bom: BomLine[] = [
  { itemId: 'RM-C45-16', qtyPer: 0.05, operation: '10' },
  { itemId: 'PK-CAJA-S', qtyPer: 0.005, operation: '30' },
];
const lot = (patch: Partial<LotFacts> = {}): LotFacts => ({ id: 'L26-10214', itemId: 'RM-C45-16', qty: 420, status: 'released', ...patch });

describe('material needs and lot verdicts', () => {
  it('needs only the operation’s lines, in exact thousandths (0.05 m x 5000 = 250 m)', () => {
    const needs = materialNeeds(bom, '10', remainingPieces(5200, 200), new Map());
    expect(needs).toEqual([{ itemId: 'RM-C45-16', requiredMilli: 250_000, issuedMilli: 0 }]);
    expect(remainingPieces(10, 12)).toBe(0);
  });

  it('accepts a released lot of a BOM item for what is still needed, at most what the lot holds', () => {
    const needs = materialNeeds(bom, '10', 5000, new Map([['RM-C45-16', 100_000]]));
    expect(judgeLot('L26-10214', lot(), needs)).toEqual({ ok: true, lotId: 'L26-10214', itemId: 'RM-C45-16', qtyMilli: 150_000 });
    expect(judgeLot('L26-10214', lot({ qty: 20 }), needs)).toMatchObject({ ok: true, qtyMilli: 20_000 });
    // What this terminal already took from the lot (not yet in central's row) is not offered again.
    expect(judgeLot('L26-10214', lot({ qty: 20 }), needs, 15_000)).toMatchObject({ ok: true, qtyMilli: 5_000 });
  });

  it('refuses unknown, wrong-item, quarantined, held, consumed, empty lots and lots nobody needs any more', () => {
    const needs = materialNeeds(bom, '10', 100, new Map());
    expect(judgeLot('X-1', null, needs)).toMatchObject({ ok: false, reason: 'unknown-lot' });
    expect(judgeLot('L2', lot({ itemId: 'PK-CAJA-S' }), needs)).toMatchObject({ ok: false, reason: 'wrong-item', itemId: 'PK-CAJA-S' });
    expect(judgeLot('L3', lot({ status: 'quarantine' }), needs)).toMatchObject({ ok: false, reason: 'quarantine' });
    expect(judgeLot('L4', lot({ status: 'hold' }), needs)).toMatchObject({ ok: false, reason: 'hold' });
    expect(judgeLot('L5', lot({ status: 'consumed' }), needs)).toMatchObject({ ok: false, reason: 'consumed' });
    expect(judgeLot('L6', lot({ qty: 3 }), needs, 3_000)).toMatchObject({ ok: false, reason: 'insufficient', availableMilli: 0 });
    const covered = materialNeeds(bom, '10', 100, new Map([['RM-C45-16', 5_000]]));
    expect(judgeLot('L7', lot(), covered)).toMatchObject({ ok: false, reason: 'already-covered' });
  });

  it('materials pass once every line is covered; an operation without BOM lines passes', () => {
    expect(checkMaterials(materialNeeds(bom, '10', 100, new Map())).ok).toBe(false);
    expect(checkMaterials(materialNeeds(bom, '10', 100, new Map([['RM-C45-16', 5_000]]))).ok).toBe(true);
    expect(checkMaterials(materialNeeds(bom, '20', 100, new Map())).ok).toBe(true);
  });
});

describe('equipment, operator and gauge checks', () => {
  const eq = [
    { id: 'EQ-1', name: 'Torno', status: 'available' as const },
    { id: 'EQ-2', name: 'Prensa', status: 'maintenance' as const },
  ];
  it('equipment must be available and without open downtime', () => {
    expect(checkEquipment(['EQ-1'], eq, new Set()).ok).toBe(true);
    expect(checkEquipment(['EQ-1'], eq, new Set(['EQ-1']))).toMatchObject({ ok: false, problem: 'down', down: [{ id: 'EQ-1', status: 'down' }] });
    expect(checkEquipment(['EQ-1', 'EQ-2'], eq, new Set())).toMatchObject({ ok: false, down: [{ id: 'EQ-2', status: 'maintenance' }] });
    expect(checkEquipment(null, eq, new Set())).toMatchObject({ ok: false, problem: 'unknown-workstation' });
  });

  it('the operator needs the process, valid through the production day', () => {
    const q = [{ process: 'TORNEADO', validUntil: '2026-11-26' }, { process: 'FRESADO', validUntil: '2026-03-31' }];
    expect(checkOperator(q, 'TORNEADO', '2026-11-26').ok).toBe(true);
    expect(checkOperator(q, 'TORNEADO', '2026-11-27')).toMatchObject({ ok: false, problem: 'expired', validUntil: '2026-11-26' });
    expect(checkOperator(q, 'FRESADO', '2026-11-26')).toMatchObject({ ok: false, problem: 'expired' });
    expect(checkOperator(q, 'MONTAJE', '2026-11-26')).toMatchObject({ ok: false, problem: 'not-qualified' });
  });

  it('each gauge type needs one active gauge not overdue', () => {
    const g = (id: string, gaugeType: string, calibrationDueOn: string, status: 'active' | 'blocked' = 'active') => ({ id, gaugeType, calibrationDueOn, status });
    const gauges = [g('C1', 'caliper', '2026-11-25'), g('C2', 'caliper', '2026-11-26'), g('M1', 'micrometer', '2026-01-01'), g('B1', 'balance', '2030-01-01', 'blocked')];
    expect(checkGauges(['caliper'], gauges, '2026-11-26').ok).toBe(true);
    expect(checkGauges(['caliper'], gauges, '2026-11-27')).toMatchObject({ ok: false, missing: [{ gaugeType: 'caliper', problem: 'overdue' }] });
    expect(checkGauges(['micrometer', 'balance', 'torque'], gauges, '2026-11-26')).toMatchObject({
      missing: [
        { gaugeType: 'micrometer', problem: 'overdue' },
        { gaugeType: 'balance', problem: 'blocked' },
        { gaugeType: 'torque', problem: 'none' },
      ],
    });
    expect(checkGauges([], [], '2026-11-26').ok).toBe(true);
  });

  it('the recorded payload marks failed checks, or overridden ones under a supervisor override', () => {
    const r = readinessOf([checkMaterials([]), checkOperator([], 'X', '2026-11-26')]);
    expect(r.allOk).toBe(false);
    expect(checksPayload(r, false)).toEqual({ materials: 'ok', equipment: 'ok', operator: 'failed', gauges: 'ok' });
    expect(checksPayload(r, true)).toMatchObject({ operator: 'overridden' });
  });
});

describe('lot ids from scans', () => {
  const gtin = '0841234500001';
  const gtin14 = gtin + String(gs1CheckDigit(gtin));
  it('reads AI 10 from a GS1 label and plain internal lot labels as they are', () => {
    expect(lotIdFromScan(`01${gtin14}10L26-10214`, ']C1')).toEqual({ ok: true, lotId: 'L26-10214' });
    expect(lotIdFromScan(`\u001d01${gtin14}10L26-10214\u001d17281231`, null)).toEqual({ ok: true, lotId: 'L26-10214' });
    expect(lotIdFromScan(' L26-11305 ', null)).toEqual({ ok: true, lotId: 'L26-11305' });
  });
  it('refuses a GS1 label without a lot and a damaged GS1 label', () => {
    expect(lotIdFromScan(`01${gtin14}`, ']C1')).toEqual({ ok: false, reason: 'no-lot-in-label' });
    expect(lotIdFromScan(`01${gtin.slice(0, 12)}99`, ']C1')).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});

describe('disruption notice titles', () => {
  it('name the cause in both languages and give it back', async () => {
    const { causeFromTitle, disruptionTitle } = await import('./disruption');
    const title = disruptionTitle('labor', 'Línea M1');
    expect(title).toBe('Interrupción: Falta de personal / Disruption: Labour shortage — Línea M1');
    expect(causeFromTitle(title)).toBe('labor');
    expect(causeFromTitle('Something else')).toBe('other');
  });
});
