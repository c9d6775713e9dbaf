import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, Harness, variants, type Terminal } from './support/central-harness';

// Plant: Europe/Madrid (UTC+1 in November), production day starts 06:00 local = 05:00Z.
// Production day 2026-11-20 runs from 2026-11-20T05:00Z to 2026-11-21T05:00Z.
const DAY = '2026-11-20';
const t2 = (shift: string, line: string, workshop: string, po: string, op: string, qty: number) => ({
  fecha: DAY, taller: workshop, linea: line, turno: shift, orden_produccion: po, operacion: op, cantidad_planificada: qty,
});

describe.each(variants)('daily report on %s', (variant) => {
  let h: Harness;
  let a: Terminal;
  let b: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
    a = await h.enrol('WS-L1-01');
    b = await h.enrol('WS-L1-01');
    // Version 1, superseded: the report must use version 2 only.
    await h.importOk('t2-plan', [t2('A', 'L1', 'W1', 'PO-1', '10', 999)]);
    await h.importOk('t2-plan', [
      t2('A', 'L1', 'W1', 'PO-1', '10', 100),
      t2('B', 'L1', 'W1', 'PO-1', '10', 80),
      t2('A', 'L1', 'W1', 'PO-2', '10', 50),
      t2('A', 'L2', 'W2', 'PO-1', '20', 40),
    ]);
    const out = (wo: string, at: string, good: number, scrap = 0, clockOffsetMs = 0) =>
      event(a, 'output.recorded', { workOrderId: wo, goodQty: good, scrapQty: scrap, ...(scrap ? { scrapReason: 'S1' } : {}) }, { occurredAt: at, clockOffsetMs });
    const wrong = out('PO-2/10', '2026-11-20T10:00:00.000Z', 20, 2);
    const r = await h.push(a, [
      out('PO-1/10', '2026-11-20T05:00:00.000Z', 60), // the first minute of the day
      out('PO-1/10', '2026-11-20T12:00:00.000Z', 50, 5),
      out('PO-1/10', '2026-11-21T04:59:00.000Z', 30), // 05:59 local: still the 20th
      out('PO-1/10', '2026-11-20T04:59:00.000Z', 1000), // 05:59 local on the 20th: the 19th
      out('PO-1/10', '2026-11-21T04:58:00.000Z', 7, 0, 120_000), // clock 2 min slow: corrected 06:00 on the 21st
      out('PO-1/10', '2026-11-20T04:58:00.000Z', 3, 0, 120_000), // corrected 06:00 on the 20th
      wrong,
      out('PO-2/10', '2026-11-20T11:00:00.000Z', 45),
      out('PO-4/10', '2026-11-20T13:00:00.000Z', 12, 1), // not in the plan
    ]);
    expect(r.body).toMatchObject({ accepted: 9, rejected: [] });
    // The reversal comes from another terminal, the next day: it corrects the 20th.
    await h.push(b, [event(b, 'output.reversed', { reversesEventId: wrong.id, reason: 'contado dos veces' }, { occurredAt: '2026-11-21T09:00:00.000Z' })]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('matches the hand-computed table', async () => {
    const r = await h.get(`/api/v1/reports/daily?date=${DAY}`, a.token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      date: DAY,
      planVersion: 2,
      rows: [
        { workshop: 'W1', line: 'L1', productionOrder: 'PO-1', operation: '10', product: 'P-100', planned: 180, good: 143, scrap: 5, attainment: 0.7944, shortfall: 37 },
        { workshop: 'W1', line: 'L1', productionOrder: 'PO-2', operation: '10', product: 'P-200', planned: 50, good: 45, scrap: 0, attainment: 0.9, shortfall: 5 },
        { workshop: 'W1', line: 'L1', productionOrder: 'PO-4', operation: '10', product: 'P-100', planned: 0, good: 12, scrap: 1, attainment: null, shortfall: 0 },
        { workshop: 'W2', line: 'L2', productionOrder: 'PO-1', operation: '20', product: 'P-100', planned: 40, good: 0, scrap: 0, attainment: 0, shortfall: 40 },
      ],
      totals: { planned: 270, good: 200, scrap: 6, attainment: 0.7407, shortfall: 82 },
    });
  });

  it('filters by workshop and puts early-morning output on the previous day', async () => {
    const w2 = await h.get<{ rows: { line: string }[]; totals: Record<string, unknown> }>(`/api/v1/reports/daily?date=${DAY}&workshop=W2`);
    expect(w2.body.rows.map((r) => r.line)).toEqual(['L2']);
    expect(w2.body.totals).toEqual({ planned: 40, good: 0, scrap: 0, attainment: 0, shortfall: 40 });
    const before = await h.get(`/api/v1/reports/daily?date=2026-11-19`);
    expect(before.body.rows).toEqual([
      { workshop: 'W1', line: 'L1', productionOrder: 'PO-1', operation: '10', product: 'P-100', planned: 0, good: 1000, scrap: 0, attainment: null, shortfall: 0 },
    ]);
    const after = await h.get(`/api/v1/reports/daily?date=2026-11-21`);
    expect(after.body.rows).toEqual([expect.objectContaining({ productionOrder: 'PO-1', good: 7 })]);
  });

  it('validates the query', async () => {
    const r = await h.get('/api/v1/reports/daily?date=20-11-2026');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 'error', reason: 'invalid-request' });
    expect((await h.get(`/api/v1/reports/daily?date=${DAY}`, null)).status).toBe(401);
  });
});
