import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/shared/production-day';
import { Harness, variants, type Terminal } from './support/central-harness';
import { disruption, downtime, output, pushOk, seedPlant, t2Row } from './central-reports.helpers';

// Europe/Madrid, days start 06:00 local = 05:00Z in November; a production day lasts 86 400 000 ms.
const D = '2026-11-20';
interface Cause {
  cause: string;
  lostQty: number;
  events: number;
}
interface Shortfall {
  from: string;
  to: string;
  shortfall: number;
  causes: Cause[];
}
const byCause = (r: Shortfall) => Object.fromEntries(r.causes.map((c) => [c.cause, [c.lostQty, c.events]]));
const sum = (r: Shortfall) => r.causes.reduce((n, c) => n + c.lostQty, 0);

describe.each(variants)('shortfall analysis on %s', (variant) => {
  let h: Harness;
  let a: Terminal;
  let b: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await seedPlant(h);
    a = await h.enrol('WS-L1-01');
    b = await h.enrol('WS-L2-01');
    await h.importOk('t2-plan', [
      t2Row(D, 'W1', 'L1', 'PO-1', '10', 100), // P-100/10: 1 standard minute per piece
      t2Row(D, 'W1', 'L1', 'PO-2', '10', 60), // P-200/10: no standard time -> proportional
      t2Row(D, 'W2', 'L2', 'PO-1', '20', 40),
    ]);
    await pushOk(h, a, [
      output(a, 'PO-1/10', '2026-11-20T07:00:00.000Z', 30, 5),
      output(a, 'PO-1/10', '2026-11-20T09:30:00.000Z', 20, 3),
      output(a, 'PO-2/10', '2026-11-20T23:00:00.000Z', 20),
      output(a, 'PO-4/10', '2026-11-20T12:00:00.000Z', 9), // unplanned: no shortfall
      disruption(a, '2026-11-20T07:30:00.000Z', { disruptionId: 'DIS-1', cause: 'supply', lineId: 'L1', workOrderId: 'PO-1/10', estimatedLossQty: 12 }),
      disruption(a, '2026-11-20T08:00:00.000Z', { disruptionId: 'DIS-2', cause: 'other', lineId: 'L1', workOrderId: 'PO-1/10', estimatedMinutes: 20 }),
      disruption(a, '2026-11-21T08:00:00.000Z', { disruptionId: 'DIS-9', cause: 'supply', lineId: 'L1', estimatedLossQty: 50 }), // next day
      // Downtime on EQ-1 (line L1): 30 min inside the day (started the day before), then
      // 08:00-09:00 and 08:30-09:10 overlapping (70 min together), then 10:00-22:00 (720 min).
      ...downtime(a, 'DT-0', 'EQ-1', '2026-11-20T04:00:00.000Z', '2026-11-20T05:30:00.000Z'),
      ...downtime(a, 'DT-1', 'EQ-1', '2026-11-20T08:00:00.000Z', '2026-11-20T09:00:00.000Z'),
      ...downtime(a, 'DT-2', 'EQ-1', '2026-11-20T08:30:00.000Z', '2026-11-20T09:10:00.000Z'),
      ...downtime(a, 'DT-3', 'EQ-1', '2026-11-20T10:00:00.000Z', '2026-11-20T22:00:00.000Z'),
    ]);
    await pushOk(h, b, [
      output(b, 'PO-1/20', '2026-11-20T15:00:00.000Z', 10, 2),
      disruption(b, '2026-11-20T14:00:00.000Z', { disruptionId: 'DIS-3', cause: 'labor', lineId: 'L2', estimatedLossQty: 100 }),
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('attributes every missing unit as computed by hand', async () => {
    // PO-1/10: shortfall 50 = quality 8 + supply 12 + other 20 (20 min at 1 min/pc) + equipment 10 (10 of 820 min).
    // PO-2/10: shortfall 40 = equipment floor(60 * 810 min / 1440 min) = 33, unexplained 7.
    // PO-1/20: shortfall 30 = quality 2 + labour 28 (of 100 reported).
    const r = await h.get<Shortfall>(`/api/v1/reports/shortfall?from=${D}&to=${D}`, a.token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      from: D,
      to: D,
      shortfall: 120,
      causes: [
        { cause: 'supply', lostQty: 12, events: 1 },
        { cause: 'labour', lostQty: 28, events: 1 },
        { cause: 'equipment', lostQty: 43, events: 4 },
        { cause: 'quality', lostQty: 10, events: 3 },
        { cause: 'other', lostQty: 20, events: 1 },
        { cause: 'unexplained', lostQty: 7, events: 0 },
      ],
    });
    expect(sum(r.body)).toBe(r.body.shortfall);
    const daily = await h.get<{ totals: { shortfall: number } }>(`/api/v1/reports/daily?date=${D}`);
    expect(daily.body.totals.shortfall).toBe(120);
  });

  it('ignores days without a shortfall and filters by workshop', async () => {
    const wide = await h.get<Shortfall>(`/api/v1/reports/shortfall?from=2026-11-19&to=2026-11-21`);
    expect(wide.body.shortfall).toBe(120);
    expect(byCause(wide.body)).toEqual(byCause((await h.get<Shortfall>(`/api/v1/reports/shortfall?from=${D}&to=${D}`)).body));
    const w2 = await h.get<Shortfall>(`/api/v1/reports/shortfall?from=${D}&to=${D}&workshop=W2`);
    expect(byCause(w2.body)).toEqual({
      supply: [0, 0], labour: [28, 1], equipment: [0, 0], quality: [2, 1], other: [0, 0], unexplained: [0, 0],
    });
    expect(w2.body.shortfall).toBe(30);
  });

  it('rejects bad queries with the error shape', async () => {
    for (const q of ['from=2026-11-21&to=2026-11-20', 'from=2026-02-31&to=2026-03-01', 'from=2026-11-20', `from=2025-01-01&to=2026-11-20`, `from=${D}&to=${D}&format=docx`]) {
      const r = await h.get(`/api/v1/reports/shortfall?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body, q).toMatchObject({ status: 'error', reason: 'invalid-request' });
      expect(typeof r.body.details, q).toBe('string');
    }
    expect((await h.get(`/api/v1/reports/shortfall?from=${D}&to=${D}`, null)).status).toBe(401);
    expect((await h.get(`/api/v1/reports/shortfall?from=${D}&to=${D}`, 'not-a-token')).status).toBe(401);
  });

  it('always adds up to the shortfall over random days (property, fixed seed)', async () => {
    const wos = [
      { line: 'L1', workshop: 'W1', po: 'PO-1', op: '10' },
      { line: 'L1', workshop: 'W1', po: 'PO-2', op: '10' },
      { line: 'L2', workshop: 'W2', po: 'PO-1', op: '20' },
    ];
    const woIdx = fc.integer({ min: 0, max: wos.length - 1 });
    const minute = fc.integer({ min: -120, max: 1560 }); // minutes after the day's start, spilling over both ends
    const scenario = fc.record({
      planned: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 3, maxLength: 3 }),
      outputs: fc.array(fc.record({ wo: woIdx, at: minute, good: fc.integer({ min: 0, max: 80 }), scrap: fc.integer({ min: 0, max: 20 }) }), { maxLength: 8 }),
      disruptions: fc.array(
        fc.record({
          wo: fc.option(woIdx, { nil: undefined }),
          line: fc.constantFrom('L1', 'L2'),
          cause: fc.constantFrom('supply', 'labor', 'equipment', 'quality', 'other'),
          loss: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
          minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
          at: minute,
        }),
        { maxLength: 4 },
      ),
      downtimes: fc.array(fc.record({ from: minute, length: fc.integer({ min: 0, max: 900 }), open: fc.boolean() }), { maxLength: 3 }),
    });
    let run = 0;
    let explained = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run++;
        // A fresh day per run (shrinking included), across the 25-hour day of 2026-10-25.
        const day = addDays('2026-10-01', run);
        const start = Date.parse(`${day}T04:00:00Z`);
        const at = (min: number) => new Date(start + min * 60_000).toISOString();
        await h.importOk('t2-plan', wos.map((w, i) => t2Row(day, w.workshop, w.line, w.po, w.op, s.planned[i] ?? 0)));
        const evs: unknown[] = [];
        for (const o of s.outputs) if (o.good + o.scrap > 0) evs.push(output(a, `${wos[o.wo]?.po}/${wos[o.wo]?.op}`, at(o.at), o.good, o.scrap));
        s.disruptions.forEach((d, i) =>
          evs.push(
            disruption(a, at(d.at), {
              disruptionId: `P-${run}-${i}`,
              cause: d.cause,
              lineId: d.wo === undefined ? d.line : wos[d.wo]?.line,
              ...(d.wo === undefined ? {} : { workOrderId: `${wos[d.wo]?.po}/${wos[d.wo]?.op}` }),
              ...(d.loss === undefined ? {} : { estimatedLossQty: d.loss }),
              ...(d.minutes === undefined ? {} : { estimatedMinutes: d.minutes }),
            }),
          ),
        );
        s.downtimes.forEach((d, i) => evs.push(...downtime(a, `PDT-${run}-${i}`, 'EQ-1', at(d.from), d.open ? null : at(d.from + d.length))));
        await pushOk(h, a, evs);
        const daily = await h.get<{ totals: { shortfall: number } }>(`/api/v1/reports/daily?date=${day}`);
        const r = await h.get<Shortfall>(`/api/v1/reports/shortfall?from=${day}&to=${day}`);
        expect(r.status).toBe(200);
        expect(r.body.shortfall).toBe(daily.body.totals.shortfall);
        expect(sum(r.body)).toBe(r.body.shortfall);
        explained += r.body.shortfall - (byCause(r.body).unexplained?.[0] ?? 0);
        for (const c of r.body.causes) {
          expect(Number.isInteger(c.lostQty) && c.lostQty >= 0).toBe(true);
          expect(c.events === 0 || c.lostQty > 0).toBe(true);
        }
      }),
      { seed: 20261126, numRuns: 25 },
    );
    expect(explained).toBeGreaterThan(0); // the generated days did exercise the attribution
  });
});
