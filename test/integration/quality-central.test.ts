/**
 * Quality at central (server/quality): inspections are kept and published on the `quality`
 * stream with the inspector role re-checked; NC dispositions are versioned transitions whose
 * conflicts are kept and shown; the first-article report (AS9102 Form 3) comes as JSON, PDF and
 * XLSX; marking a gauge out of tolerance lists what it measured since its last calibration.
 * A rework disposition creates a rework work order (left out of the daily report); output that
 * arrives while the first-article gate was closed is stored and flagged for QC.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../src/server/db/schema';
import type { StreamName } from '../../src/shared/sync/streams';
import { event, fixture, Harness, variants, type Terminal } from './support/central-harness';

type PullPage = { rows: { op: string; key: string; row: Record<string, unknown> }[]; cursor: string; hasMore: boolean };

/** The fixture plant with an inspection plan on P-100/10 and a calibration date for G-1. */
function plantWithPlan(): unknown {
  const plant = structuredClone(fixture('plant.json')) as { products: { id: string; inspectionPlans?: unknown[] }[]; gauges: Record<string, unknown>[] };
  plant.products[0]!.inspectionPlans = [
    {
      operation: '10',
      characteristics: [
        { kind: 'variable', id: 'P-100-C01', name: 'Longitud 45', nominal: '45.00', lower: '44.95', upper: '45.05', unit: 'mm', resolution: '0.01', gaugeType: 'caliper' },
        { kind: 'attribute', id: 'P-100-C02', name: 'Rebabas', defectCodes: ['DF05'] },
      ],
    },
  ];
  plant.gauges[0] = { ...plant.gauges[0], lastCalibratedOn: '2026-06-30', certificate: 'CC-1' };
  return plant;
}

const results = [
  { characteristicId: 'P-100-C01', value: '45.02', unit: 'mm', gaugeId: 'G-1', source: 'instrument', raw: '+45.02\r', verdict: 'pass', gaugeCalibrationDueOn: '2027-06-30', gaugeCertificate: 'CC-1' },
  { characteristicId: 'P-100-C02', attribute: 'pass', source: 'manual', manualReason: 'visual', verdict: 'pass' },
];

describe.each(variants)('quality at central on %s', (variant) => {
  let h: Harness;
  let t: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.importOk('plant', plantWithPlan());
    await h.importOk('orders', fixture('orders-fixed.json'));
    t = await h.enrol('WS-L1-01');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function latest(stream: StreamName, key: string) {
    let cursor = '0';
    let found: Record<string, unknown> | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await h.get<PullPage>(`/sync/v1/pull?stream=${stream}&cursor=${cursor}&limit=1000`, t.token);
      for (const r of page.body.rows) if (r.key === key) found = r.op === 'put' ? r.row : undefined;
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    return found;
  }
  const issueOf = async (id: string) => (await h.database.db.select({ issue: events.issue }).from(events).where(eq(events.id, id)))[0]?.issue ?? null;

  it("publishes an inspector's first article as accepted on the quality stream", async () => {
    const e = event(t, 'inspection.recorded', { inspectionId: 'FA-1', kind: 'first-article', workOrderId: 'PO-1/10', results, verdict: 'pass', inspectorId: 'OP-2' }, { operatorId: 'OP-2' });
    expect((await h.push(t, [e])).body).toMatchObject({ accepted: 1, rejected: [] });
    expect(await issueOf(e.id)).toBeNull();
    expect(await latest('quality', 'inspection:FA-1')).toMatchObject({ kind: 'first-article', workOrderId: 'PO-1/10', verdict: 'pass', accepted: true, inspectorId: 'OP-2' });
  });

  it('stores a first article signed by a non-inspector with an issue and does not accept it', async () => {
    const e = event(t, 'inspection.recorded', { inspectionId: 'FA-2', kind: 'first-article', workOrderId: 'PO-1/10', results, verdict: 'pass', inspectorId: 'OP-1' });
    expect((await h.push(t, [e])).body).toMatchObject({ accepted: 1, rejected: [] });
    expect(await issueOf(e.id)).toContain('not an inspector');
    expect(await latest('quality', 'inspection:FA-2')).toMatchObject({ accepted: false });
  });

  it('serves the first-article report as JSON, PDF and XLSX with requirement, gauge and certificate', async () => {
    const json = await h.get<{ rows: Record<string, unknown>[]; verdict: string }>('/api/v1/quality/first-article/FA-1', t.token);
    expect(json.status).toBe(200);
    expect(json.body.rows[0]).toMatchObject({ charNo: 1, requirement: '45.00 [44.95 … 45.05] mm', result: '45.02 mm', gaugeId: 'G-1', gaugeCertificate: 'CC-1', verdict: 'pass' });
    expect(json.body.rows[1]).toMatchObject({ source: 'manual', manualReason: 'visual' });

    const pdf = await h.app.inject({ method: 'GET', url: '/api/v1/quality/first-article/FA-1?format=pdf', headers: { authorization: `Bearer ${t.token}` } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const xlsx = await h.app.inject({ method: 'GET', url: '/api/v1/quality/first-article/FA-1?format=xlsx&lang=en', headers: { authorization: `Bearer ${t.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = book.worksheets.map((ws) => ws.getSheetValues().flat().map(String).join('|')).join('\n');
    expect(text).toContain('Requirement');
    expect(text).toContain('45.00 [44.95 … 45.05] mm');
    expect(text).toContain('CC-1');

    const missing = await h.get('/api/v1/quality/first-article/NOPE', t.token);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 'error', reason: 'not-found' });
  });

  it('dispositions an NC once; a second disposition on the old version is a visible conflict', async () => {
    await h.push(t, [event(t, 'nc.raised', { ncId: 'NC-1', workOrderId: 'PO-1/10', qty: 3, defectCode: 'DF01', description: 'Longitud 45.07', inspectionId: 'FA-1', quarantineLocation: 'Q-01' }, { operatorId: 'OP-2' })]);
    expect(await latest('quality', 'nc:NC-1')).toMatchObject({ status: 'open', version: 1, qty: 3, quarantineLocation: 'Q-01' });

    const byOperator = event(t, 'nc.disposition.requested', { ncId: 'NC-1', disposition: 'scrap', basedOnVersion: 1 });
    await h.push(t, [byOperator]);
    expect(await issueOf(byOperator.id)).toContain('not an inspector');

    const concessionAlone = event(t, 'nc.disposition.requested', { ncId: 'NC-1', disposition: 'use-as-is', basedOnVersion: 1 }, { operatorId: 'OP-2' });
    await h.push(t, [concessionAlone]);
    expect(await issueOf(concessionAlone.id)).toContain('second signature');

    await h.push(t, [event(t, 'nc.disposition.requested', { ncId: 'NC-1', disposition: 'rework', basedOnVersion: 1 }, { operatorId: 'OP-2' })]);
    const late = event(t, 'nc.disposition.requested', { ncId: 'NC-1', disposition: 'scrap', basedOnVersion: 1 }, { operatorId: 'OP-2' });
    await h.push(t, [late]);
    expect(await issueOf(late.id)).toContain('conflict');
    const nc = await latest('quality', 'nc:NC-1');
    expect(nc).toMatchObject({ status: 'dispositioned', disposition: 'rework', version: 2, decidedBy: 'OP-2' });
    expect(nc?.conflicts).toMatchObject([{ requested: 'scrap', basedOnVersion: 1, currentVersion: 2 }]);
    expect(await latest('notices', `notice:nc-conflict:${late.id}`)).toMatchObject({ kind: 'conflict', refId: 'NC-1' });
  });

  it('marks a gauge out of tolerance and lists the work orders it measured since its last calibration', async () => {
    const byOperator = event(t, 'gauge.status.changed', { gaugeId: 'G-1', status: 'out-of-tolerance', reason: 'caída' });
    await h.push(t, [byOperator]);
    expect(await issueOf(byOperator.id)).toContain('neither inspector nor admin');
    await h.push(t, [event(t, 'gauge.status.changed', { gaugeId: 'G-1', status: 'out-of-tolerance', reason: 'caída' }, { operatorId: 'OP-2' })]);
    expect(await latest('gauges', 'gauge:G-1')).toMatchObject({ status: 'out-of-tolerance' });
    const impact = await h.get<{ since: string; measured: { workOrderId: string; readings: number }[] }>('/api/v1/quality/gauges/G-1/impact', t.token);
    expect(impact.body.since).toBe('2026-06-30');
    expect(impact.body.measured).toEqual([expect.objectContaining({ workOrderId: 'PO-1/10', readings: 2 })]);

    await h.push(t, [event(t, 'lot.hold.requested', { lotId: 'LOT-1', gaugeId: 'G-1', reason: 'G-1 fuera de tolerancia' }, { operatorId: 'OP-2' })]);
    expect(await latest('inventory', 'lot:LOT-1')).toMatchObject({ status: 'hold' });
    expect(await latest('quality', 'hold:LOT-1')).toMatchObject({ gaugeId: 'G-1' });
  });

  it('flags a warehouse receipt of a lot without a passed final inspection', async () => {
    const e = event(t, 'warehouse.received', { lotId: 'LOT-9', location: 'W-01', qty: 10 });
    await h.push(t, [e]);
    expect(await issueOf(e.id)).toContain('without a passed final inspection');
    await h.push(t, [event(t, 'inspection.recorded', { inspectionId: 'FI-1', kind: 'final', lotId: 'LOT-10', results, verdict: 'pass', inspectorId: 'OP-2' }, { operatorId: 'OP-2' })]);
    const ok = event(t, 'warehouse.received', { lotId: 'LOT-10', location: 'W-01', qty: 10 });
    await h.push(t, [ok]);
    expect(await issueOf(ok.id)).toBeNull();
  });

  it('a rework disposition creates a rework work order on the same operation and workstations, marked with its NC', async () => {
    await h.push(t, [
      event(t, 'nc.raised', { ncId: 'NC-R1', workOrderId: 'PO-2/10', qty: 4, defectCode: 'DF01', description: 'rebaba' }, { operatorId: 'OP-2' }),
      event(t, 'nc.disposition.requested', { ncId: 'NC-R1', disposition: 'rework', basedOnVersion: 1 }, { operatorId: 'OP-2' }),
    ]);
    expect(await latest('quality', 'nc:NC-R1')).toMatchObject({ status: 'dispositioned', disposition: 'rework', reworkWorkOrderId: 'PO-2/10-RW1' });
    const rw = await latest('work-orders', 'work-order:PO-2/10-RW1');
    expect(rw).toMatchObject({ productionOrderId: 'PO-2', operation: '10', productId: 'P-200', lineId: 'L1', workstationIds: ['WS-L1-01'], qty: 4, status: 'released', version: 0, goodQty: 0, reworkNcId: 'NC-R1', reworkOf: 'PO-2/10' });
    // The original is untouched, and carries no rework marks.
    const original = await latest('work-orders', 'work-order:PO-2/10');
    expect(original).toMatchObject({ qty: 300 });
    expect(original).not.toHaveProperty('reworkNcId');

    // An NC on the rework order reworks the same original: the next number, not -RW1-RW1.
    await h.push(t, [
      event(t, 'nc.raised', { ncId: 'NC-R2', workOrderId: 'PO-2/10-RW1', qty: 1, defectCode: 'DF01', description: 'sigue' }, { operatorId: 'OP-2' }),
      event(t, 'nc.disposition.requested', { ncId: 'NC-R2', disposition: 'rework', basedOnVersion: 1 }, { operatorId: 'OP-2' }),
    ]);
    expect(await latest('work-orders', 'work-order:PO-2/10-RW2')).toMatchObject({ qty: 1, reworkNcId: 'NC-R2', reworkOf: 'PO-2/10' });
    // A scrap disposition creates nothing.
    await h.push(t, [
      event(t, 'nc.raised', { ncId: 'NC-R3', workOrderId: 'PO-2/10', qty: 2, defectCode: 'DF01', description: 'x' }, { operatorId: 'OP-2' }),
      event(t, 'nc.disposition.requested', { ncId: 'NC-R3', disposition: 'scrap', basedOnVersion: 1 }, { operatorId: 'OP-2' }),
    ]);
    expect(await latest('quality', 'nc:NC-R3')).not.toHaveProperty('reworkWorkOrderId');
    expect(await latest('work-orders', 'work-order:PO-2/10-RW3')).toBeUndefined();
  });

  it("counts rework output on the rework order only: the daily report's planned, good and attainment do not move", async () => {
    await h.importOk('t2-plan', [{ date: '2026-11-20', workshop: 'W1', line: 'L1', shift: 'A', production_order: 'PO-2', operation: '10', planned_qty: 100 }]);
    await h.push(t, [
      event(t, 'wo.transition.requested', { workOrderId: 'PO-2/10', to: 'started', basedOnVersion: 0 }),
      event(t, 'output.recorded', { workOrderId: 'PO-2/10', goodQty: 40, scrapQty: 0 }),
    ]);
    const before = await h.get<{ rows: Record<string, unknown>[]; totals: Record<string, unknown> }>('/api/v1/reports/daily?date=2026-11-20', t.token);
    const rowBefore = before.body.rows.find((r) => r.productionOrder === 'PO-2' && r.operation === '10');
    expect(rowBefore).toMatchObject({ planned: 100, good: 40, attainment: 0.4 });

    await h.push(t, [
      event(t, 'wo.transition.requested', { workOrderId: 'PO-2/10-RW1', to: 'started', basedOnVersion: 0 }),
      event(t, 'output.recorded', { workOrderId: 'PO-2/10-RW1', goodQty: 3, scrapQty: 1, scrapReason: 'SR01' }),
    ]);
    expect((await h.get('/api/v1/work-orders/PO-2%2F10-RW1', t.token)).body).toMatchObject({ status: 'started', reworkNcId: 'NC-R1', totals: { good: 3, scrap: 1 } });
    const after = await h.get<{ rows: Record<string, unknown>[]; totals: Record<string, unknown> }>('/api/v1/reports/daily?date=2026-11-20', t.token);
    expect(after.body.rows.filter((r) => r.productionOrder === 'PO-2' && r.operation === '10')).toEqual([rowBefore]);
    expect(after.body.totals).toEqual(before.body.totals);
  });

  it('sends the rework of an NC raised on a lot only to the workstation where the lot was made; with no such lot it asks for a station', async () => {
    const t2 = await h.enrol('WS-L2-01');
    await h.push(t2, [event(t2, 'lot.created', { lotId: 'LOT-RW', itemId: 'P-200', workOrderId: 'PO-2/10', qty: 20, parentLotIds: [] })]);
    await h.push(t, [
      event(t, 'nc.raised', { ncId: 'NC-L1', lotId: 'LOT-RW', qty: 5, defectCode: 'DF01', description: 'lote' }, { operatorId: 'OP-2' }),
      event(t, 'nc.disposition.requested', { ncId: 'NC-L1', disposition: 'rework', basedOnVersion: 1 }, { operatorId: 'OP-2' }),
    ]);
    const nc = await latest('quality', 'nc:NC-L1');
    expect(nc).toMatchObject({ reworkWorkOrderId: 'PO-2/10-RW3' });
    expect(await latest('work-orders', 'work-order:PO-2/10-RW3')).toMatchObject({ qty: 5, workstationIds: ['WS-L2-01'], reworkNcId: 'NC-L1', reworkOf: 'PO-2/10' });

    const unknownLot = event(t, 'nc.disposition.requested', { ncId: 'NC-L2', disposition: 'rework', basedOnVersion: 1 }, { operatorId: 'OP-2' });
    await h.push(t, [event(t, 'nc.raised', { ncId: 'NC-L2', lotId: 'LOT-1', qty: 2, defectCode: 'DF01', description: 'material' }, { operatorId: 'OP-2' }), unknownLot]);
    expect(await latest('quality', 'nc:NC-L2')).toMatchObject({ status: 'dispositioned', disposition: 'rework', reworkNeedsStation: true });
    expect(await latest('quality', 'nc:NC-L2')).not.toHaveProperty('reworkWorkOrderId');
    expect(await issueOf(unknownLot.id)).toContain('assign');
  });

  it('stores output recorded before the first article passed and flags it for QC (new order, setup change, long stop)', async () => {
    type Flags = { flags: { eventId: string; workOrderId: string; reason: string; goodQty: number; workstationId: string; operatorId: string | null }[] };
    const at = (hhmm: string) => ({ occurredAt: `2026-11-21T${hhmm}:00.000Z` });
    const early = event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 5, scrapQty: 0 }, at('08:00'));
    await h.push(t, [event(t, 'wo.transition.requested', { workOrderId: 'PO-4/10', to: 'started', basedOnVersion: 0 }, at('07:55')), early]);
    expect(await issueOf(early.id)).toContain('before the first article of PO-4/10 passed (new-work-order)');

    const fa = (id: string, hhmm: string) =>
      event(t, 'inspection.recorded', { inspectionId: id, kind: 'first-article', workOrderId: 'PO-4/10', results, verdict: 'pass', inspectorId: 'OP-2' }, { operatorId: 'OP-2', ...at(hhmm) });
    const ok = event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 7, scrapQty: 0 }, at('09:30'));
    const afterSetup = event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 2, scrapQty: 0 }, at('10:30'));
    const afterNewFa = event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 3, scrapQty: 0 }, at('10:50'));
    const afterStop = event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 4, scrapQty: 0 }, at('14:10'));
    await h.push(t, [
      fa('FA-G1', '09:00'),
      ok,
      event(t, 'setup.changed', { workOrderId: 'PO-4/10', change: 'tooling' }, at('10:00')),
      afterSetup,
      fa('FA-G2', '10:45'),
      afterNewFa,
      event(t, 'wo.transition.requested', { workOrderId: 'PO-4/10', to: 'paused', basedOnVersion: 1 }, at('11:00')),
      event(t, 'wo.transition.requested', { workOrderId: 'PO-4/10', to: 'started', basedOnVersion: 2 }, at('14:00')),
      afterStop,
    ]);
    expect(await issueOf(ok.id)).toBeNull();
    expect(await issueOf(afterNewFa.id)).toBeNull();
    expect(await issueOf(afterSetup.id)).toContain('(setup-change)');
    expect(await issueOf(afterStop.id)).toContain('(long-stop)');

    // Stored, never refused: every piece is in the work order's totals.
    expect((await h.get('/api/v1/work-orders/PO-4%2F10', t.token)).body).toMatchObject({ totals: { good: 21, scrap: 0 } });
    const flags = await h.get<Flags>('/api/v1/quality/first-article-flags?workOrderId=PO-4%2F10', t.token);
    expect(flags.status).toBe(200);
    expect(flags.body.flags.map((f) => [f.eventId, f.reason, f.goodQty])).toEqual([
      [afterStop.id, 'long-stop', 4],
      [afterSetup.id, 'setup-change', 2],
      [early.id, 'new-work-order', 5],
    ]);
    expect(flags.body.flags[0]).toMatchObject({ workstationId: 'WS-L1-01', operatorId: 'OP-1' });
    const notice = await latest('notices', 'notice:first-article-gate:PO-4/10');
    expect(notice).toMatchObject({ kind: 'info', departments: ['quality'], lineId: 'L1', refId: 'PO-4/10' });
    expect(notice?.body).toContain('3 output record(s) (11 good, 0 scrap)');
    const feed = await h.get<{ notices: { id: string }[] }>('/api/v1/notices?department=quality', t.token);
    expect(feed.body.notices.map((n) => n.id)).toContain('first-article-gate:PO-4/10');
  });

  it('closes the flag notice once an inspector reviews every flag; an operator cannot, and a newer flag opens it again', async () => {
    type Review = { decision: string; by: string; ncId: string | null } | null;
    type Flags = { flags: { eventId: string; goodQty: number; review: Review }[] };
    const key = 'notice:first-article-gate:PO-4/10';
    type GateFlags = { count: number; goodQty: number; scrapQty: number; lastFlagAt: string };
    const gateFlagsOf = async () => (await latest('notices', key)) as { gateFlags?: GateFlags; resolvedAt?: string } | undefined;
    const review = (through: string, decision: 'accepted' | 'nc', operatorId: string, ncId?: string) =>
      event(t, 'first-article.flags.reviewed', { workOrderId: 'PO-4/10', reviewedThrough: through, decision, ...(ncId ? { ncId } : {}) }, { operatorId });

    const read = await gateFlagsOf();
    expect(read?.gateFlags).toMatchObject({ count: 3, goodQty: 11, scrapQty: 0 });
    const through = read!.gateFlags!.lastFlagAt;

    const byOperator = review(through, 'accepted', 'OP-1');
    await h.push(t, [byOperator]);
    expect(await issueOf(byOperator.id)).toContain('OP-1, who is not an inspector');
    expect((await gateFlagsOf())?.resolvedAt).toBeUndefined();

    // Output flagged after the inspector read the notice is not covered by that review.
    await new Promise((r) => setTimeout(r, 5));
    const late = event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 1, scrapQty: 1, scrapReason: 'SR01' }, { occurredAt: '2026-11-21T15:00:00.000Z' });
    await h.push(t, [late]);
    const withNc = review(through, 'nc', 'OP-2', 'NC-FA1');
    await h.push(t, [withNc]);
    expect(await issueOf(withNc.id)).toBeNull();
    const flags = (await h.get<Flags>('/api/v1/quality/first-article-flags?workOrderId=PO-4%2F10', t.token)).body.flags;
    expect(flags.map((f) => [f.goodQty, f.review?.decision ?? null, f.review?.by ?? null, f.review?.ncId ?? null])).toEqual([
      [1, null, null, null],
      [4, 'nc', 'OP-2', 'NC-FA1'],
      [2, 'nc', 'OP-2', 'NC-FA1'],
      [5, 'nc', 'OP-2', 'NC-FA1'],
    ]);
    const open = await gateFlagsOf();
    expect(open?.resolvedAt).toBeUndefined();
    expect(open?.gateFlags).toMatchObject({ count: 1, goodQty: 1, scrapQty: 1 });

    const accepted = review(open!.gateFlags!.lastFlagAt, 'accepted', 'OP-2');
    await h.push(t, [accepted]);
    const closed = await gateFlagsOf();
    expect(closed?.resolvedAt).toEqual(expect.any(String));
    expect(closed?.gateFlags).toMatchObject({ count: 0 });
    // Nothing left to review: stored, with an issue saying so.
    const again = review(open!.gateFlags!.lastFlagAt, 'accepted', 'OP-2');
    await h.push(t, [again]);
    expect(await issueOf(again.id)).toContain('no unreviewed first-article flags on PO-4/10');

    await h.push(t, [event(t, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 6, scrapQty: 0 }, { occurredAt: '2026-11-21T15:30:00.000Z' })]);
    const reopened = await gateFlagsOf();
    expect(reopened?.resolvedAt).toBeUndefined();
    expect(reopened?.gateFlags).toMatchObject({ count: 1, goodQty: 6, scrapQty: 0 });
  });

  it('refuses a review that decides NC without naming the NC', async () => {
    const bad = event(t, 'first-article.flags.reviewed', { workOrderId: 'PO-4/10', reviewedThrough: '2026-11-21T15:00:00.000Z', decision: 'nc' }, { operatorId: 'OP-2' });
    const res = await h.push(t, [bad]);
    expect(res.body).toMatchObject({ accepted: 0, rejected: [{ id: bad.id }] });
  });

  it('does not flag output on an operation without a first-article plan', async () => {
    const e = event(t, 'output.recorded', { workOrderId: 'PO-4/20', goodQty: 1, scrapQty: 0 });
    await h.push(t, [e]);
    expect(await issueOf(e.id)).not.toContain('first article');
    expect((await h.get<{ flags: unknown[] }>('/api/v1/quality/first-article-flags?workOrderId=PO-4%2F20', t.token)).body.flags).toEqual([]);
  });
});
