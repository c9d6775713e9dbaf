/**
 * The demo plant (resources/demo) is what a newcomer sees after `npm start`, so its files must parse,
 * fit together and keep telling the story its README tells (one overdue gauge, one expired
 * qualification, one quarantined lot, work on every line for today and the next two days).
 *
 * The files are loaded with a dynamic import: src/shared stays free of node:* even in tests, and a
 * static JSON import from resources/ is outside the TypeScript projects' file lists.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plantBundleSchema, type PlantBundle, type Role } from './plant';
import { checkPlantIntegrity, compareDecimalStrings } from './plant-integrity';

async function loadDemo(file: string): Promise<unknown> {
  const url = new URL(`../../../resources/demo/${file}`, import.meta.url).href;
  const mod = (await import(/* @vite-ignore */ url)) as { default: unknown };
  return mod.default;
}

const orderRow = z.strictObject({
  production_order: z.string().regex(/^PO-\d{4}$/),
  customer_order: z.string().min(1),
  product: z.string().min(1),
  qty: z.number().int().positive(),
  due_in_days: z.number().int(),
  review_status: z.enum(['approved', 'pending', 'rejected']),
  reviewed_by: z.string(),
});
const monthlyRow = z.strictObject({
  day_offset: z.number().int().min(-10).max(20),
  workshop: z.string().min(1),
  product: z.string().min(1),
  production_order: z.string().min(1),
  planned_qty: z.number().int().positive(),
});
const t2Row = z.strictObject({
  day_offset: z.number().int().min(0).max(2),
  workshop: z.string().min(1),
  line: z.string().min(1),
  shift: z.string().min(1),
  production_order: z.string().min(1),
  operation: z.string().min(1),
  planned_qty: z.number().int().positive(),
});

const plant: PlantBundle = plantBundleSchema.parse(await loadDemo('plant.json'));
const orders = z.array(orderRow).parse(await loadDemo('orders.json'));
const monthly = z.array(monthlyRow).parse(await loadDemo('monthly-plan.json'));
const t2 = z.array(t2Row).parse(await loadDemo('t2-plan.json'));

const productById = new Map(plant.products.map((p) => [p.id, p]));
const lineById = new Map(plant.lines.map((l) => [l.id, l]));
const orderById = new Map(orders.map((o) => [o.production_order, o]));
/** The plant's "now" when the demo was written, and the last day its valid dates must still hold. */
const referenceDays = ['2026-11-26', '2028-08-30'];

describe('demo plant schema (resources/demo/plant.schema.json)', () => {
  it('equals the JSON Schema generated from plantBundleSchema (run `npx tsx scripts/gen-plant-schema.ts` when it differs)', async () => {
    const committed = await loadDemo('plant.schema.json');
    const generated: unknown = JSON.parse(JSON.stringify(z.toJSONSchema(plantBundleSchema, { io: 'input' })));
    expect(committed).toEqual(generated);
  });
});

describe('demo plant bundle (resources/demo/plant.json)', () => {
  it('passes every integrity check without errors or warnings', () => {
    expect(checkPlantIntegrity(plant)).toEqual([]);
  });

  it('has the advertised size', () => {
    expect(plant.schemaVersion).toBe(1);
    expect(plant.plant).toMatchObject({
      timezone: 'Europe/Madrid',
      dayStartsAt: '06:00',
      calibrationWarningDays: 14,
      requirePin: false,
    });
    expect(plant.plant.shifts.map((s) => [s.id, s.startsAt])).toEqual([
      ['A', '06:00'],
      ['B', '14:00'],
      ['C', '22:00'],
    ]);
    expect(plant.workshops).toHaveLength(2);
    expect(plant.lines).toHaveLength(4);
    expect(plant.workstations).toHaveLength(8);
    expect(plant.products).toHaveLength(10);
    expect(plant.operators).toHaveLength(15);
    expect(plant.gauges).toHaveLength(12);
    for (const w of plant.workshops) expect(plant.lines.filter((l) => l.workshopId === w.id)).toHaveLength(2);
    for (const l of plant.lines) expect(plant.workstations.filter((ws) => ws.lineId === l.id)).toHaveLength(2);
    for (const p of plant.products) {
      expect(p.routing.length, p.id).toBeGreaterThanOrEqual(2);
      expect(p.routing.length, p.id).toBeLessThanOrEqual(4);
      expect(p.gtin?.slice(1, 8), p.id).toBe(plant.plant.gs1CompanyPrefix);
    }
  });

  it('has one admin, one planner, two supervisors, two inspectors and operators with badges', () => {
    const withRole = (role: Role) => plant.operators.filter((o) => o.roles.includes(role)).map((o) => o.id);
    expect(withRole('admin')).toHaveLength(1);
    expect(withRole('planner')).toHaveLength(1);
    expect(withRole('supervisor')).toHaveLength(2);
    expect(withRole('inspector')).toHaveLength(2);
    expect(withRole('operator')).toHaveLength(9);
    expect(plant.operators.map((o) => o.id)).toEqual(
      Array.from({ length: 15 }, (_, i) => `OP-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it.each(referenceDays)('on %s exactly one gauge is overdue (G-CAL-003) and one is blocked (G-MIC-003)', (day) => {
    expect(plant.gauges.filter((g) => g.calibrationDueOn < day).map((g) => g.id)).toEqual(['G-CAL-003']);
    expect(plant.gauges.filter((g) => g.status !== 'active').map((g) => [g.id, g.status])).toEqual([
      ['G-MIC-003', 'blocked'],
    ]);
  });

  it.each(referenceDays)('on %s exactly one qualification is expired (OP-0008, FRESADO)', (day) => {
    const expired = plant.operators.flatMap((o) =>
      o.qualifications.filter((q) => q.validUntil < day).map((q) => [o.id, q.process]),
    );
    expect(expired).toEqual([['OP-0008', 'FRESADO']]);
  });

  it.each(referenceDays)(
    'on %s every variable characteristic has an active, calibrated gauge that can read it',
    (day) => {
      const warningDays = plant.plant.calibrationWarningDays;
      const lastUsableDay = new Date(Date.parse(`${day}T00:00:00Z`) + warningDays * 86_400_000)
        .toISOString()
        .slice(0, 10);
      for (const p of plant.products) {
        for (const c of p.inspectionPlans.flatMap((ip) => ip.characteristics)) {
          if (c.kind !== 'variable') continue;
          const usable = plant.gauges.filter(
            (g) =>
              g.gaugeType === c.gaugeType &&
              g.unit === c.unit &&
              g.status === 'active' &&
              g.calibrationDueOn >= lastUsableDay &&
              compareDecimalStrings(g.resolution, c.resolution) !== 1,
          );
          expect(usable.length, `${p.id} ${c.id}`).toBeGreaterThan(0);
        }
      }
    },
  );

  it.each(referenceDays)('on %s every process in a routing has at least one qualified operator', (day) => {
    for (const process of new Set(plant.products.flatMap((p) => p.routing.map((s) => s.process)))) {
      const qualified = plant.operators.filter(
        (o) =>
          o.roles.includes('operator') && o.qualifications.some((q) => q.process === process && q.validUntil >= day),
      );
      expect(qualified.length, process).toBeGreaterThan(0);
    }
  });

  it('has released lots, one lot in quarantine and one on hold', () => {
    expect(plant.lots.filter((l) => l.status === 'quarantine').map((l) => l.id)).toEqual(['L26-11305']);
    expect(plant.lots.filter((l) => l.status === 'hold').map((l) => l.id)).toEqual(['L26-10640']);
    expect(plant.lots.filter((l) => l.status === 'released').length).toBeGreaterThan(10);
  });

  it('holds enough released stock for every approved order', () => {
    const need = new Map<string, number>();
    for (const o of orders.filter((row) => row.review_status === 'approved')) {
      for (const b of productById.get(o.product)?.bom ?? [])
        need.set(b.itemId, (need.get(b.itemId) ?? 0) + b.qtyPer * o.qty);
    }
    for (const [itemId, qty] of need) {
      const released = plant.lots
        .filter((l) => l.itemId === itemId && l.status === 'released')
        .reduce((sum, l) => sum + l.qty, 0);
      expect(released, itemId).toBeGreaterThanOrEqual(qty);
    }
  });
});

describe('demo orders (resources/demo/orders.json)', () => {
  it('are unique, refer to existing products, and are mostly approved with 2 pending and 1 rejected', () => {
    expect(orderById.size).toBe(orders.length);
    for (const o of orders) expect(productById.has(o.product), o.production_order).toBe(true);
    const count = (status: string) => orders.filter((o) => o.review_status === status).length;
    expect(count('pending')).toBe(2);
    expect(count('rejected')).toBe(1);
    expect(count('approved')).toBe(orders.length - 3);
    for (const o of orders.filter((row) => row.review_status !== 'pending'))
      expect(o.reviewed_by, o.production_order).not.toBe('');
  });
});

describe('demo monthly plan (resources/demo/monthly-plan.json)', () => {
  it('covers the rolling month -10..+20 with approved orders in the workshops their routing visits', () => {
    const days = new Set(monthly.map((r) => r.day_offset));
    expect(days).toEqual(new Set(Array.from({ length: 31 }, (_, i) => i - 10)));
    const keys = new Set<string>();
    for (const r of monthly) {
      const where = `${r.day_offset} ${r.workshop} ${r.production_order}`;
      const order = orderById.get(r.production_order);
      expect(order?.review_status, where).toBe('approved');
      expect(order?.product, where).toBe(r.product);
      const workshops = new Set(productById.get(r.product)?.routing.map((s) => lineById.get(s.lineId)?.workshopId));
      expect(workshops.has(r.workshop), where).toBe(true);
      const key = `${r.day_offset}|${r.workshop}|${r.production_order}`;
      expect(keys.has(key), `duplicate ${key}`).toBe(false);
      keys.add(key);
    }
  });

  it('plans no approved order beyond its quantity or after its due day', () => {
    for (const o of orders.filter((row) => row.review_status === 'approved')) {
      const rows = monthly.filter((r) => r.production_order === o.production_order);
      const perWorkshop = new Map<string, number>();
      for (const r of rows) perWorkshop.set(r.workshop, (perWorkshop.get(r.workshop) ?? 0) + r.planned_qty);
      for (const total of perWorkshop.values()) expect(total, o.production_order).toBeLessThanOrEqual(o.qty);
      for (const r of rows) expect(r.day_offset, o.production_order).toBeLessThanOrEqual(o.due_in_days);
    }
  });
});

describe('demo T+2 plan (resources/demo/t2-plan.json)', () => {
  it('plans only approved orders, on the line of each routing step, in the plant shifts', () => {
    const shifts = new Set(plant.plant.shifts.map((s) => s.id));
    const keys = new Set<string>();
    for (const r of t2) {
      const where = `${r.day_offset} ${r.line} ${r.shift} ${r.production_order}/${r.operation}`;
      const order = orderById.get(r.production_order);
      expect(order?.review_status, where).toBe('approved');
      const step = productById.get(order?.product ?? '')?.routing.find((s) => s.operation === r.operation);
      expect(step, where).toBeDefined();
      expect(step?.lineId, where).toBe(r.line);
      expect(lineById.get(r.line)?.workshopId, where).toBe(r.workshop);
      expect(shifts.has(r.shift), where).toBe(true);
      const key = `${r.day_offset}|${r.line}|${r.shift}|${r.production_order}/${r.operation}`;
      expect(keys.has(key), `duplicate ${key}`).toBe(false);
      keys.add(key);
    }
  });

  it.each([0, 1, 2])('gives every line and every workstation work on day +%i', (day) => {
    const rows = t2.filter((r) => r.day_offset === day);
    for (const line of plant.lines)
      expect(
        rows.some((r) => r.line === line.id),
        line.id,
      ).toBe(true);
    const busy = new Set(
      rows.flatMap(
        (r) =>
          productById
            .get(orderById.get(r.production_order)?.product ?? '')
            ?.routing.find((s) => s.operation === r.operation)?.workstationIds ?? [],
      ),
    );
    for (const ws of plant.workstations) expect(busy.has(ws.id), ws.id).toBe(true);
  });

  it('splits each day of the monthly plan across shifts for every operation', () => {
    for (const day of [0, 1, 2]) {
      for (const m of monthly.filter((r) => r.day_offset === day)) {
        const steps =
          productById.get(m.product)?.routing.filter((s) => lineById.get(s.lineId)?.workshopId === m.workshop) ?? [];
        for (const step of steps) {
          const planned = t2
            .filter(
              (r) =>
                r.day_offset === day && r.production_order === m.production_order && r.operation === step.operation,
            )
            .reduce((sum, r) => sum + r.planned_qty, 0);
          expect(planned, `${day} ${m.production_order}/${step.operation}`).toBe(m.planned_qty);
        }
      }
    }
  });
});
