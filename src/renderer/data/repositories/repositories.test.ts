import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaktDb } from '../db';
import { recordEvent, type RecordContext } from '../record';
import { DAYS, LINE, SHIFTS, WS, seedPlant, t2Line, uniqueDbName, workOrder } from '../../test-utils/fixtures';
import { findOperatorByBadge } from './operators';
import { getWorkstationInfo, listReasons } from './plant';
import { listLineTargets } from './plans';
import { listRecentOutput } from './outbox';
import { getWorkOrderDetail, listQueue, type PlanCalendar } from './work-orders';

const cal: PlanCalendar = { days: DAYS, shifts: SHIFTS, dayStartsAt: '06:00' };
const ctx: RecordContext = { terminalId: 'T-1', workstationId: WS, operatorId: 'OP-0007' };
const [today, tomorrow, dayAfter] = DAYS;

let db: TaktDb;
beforeEach(async () => {
  db = new TaktDb(uniqueDbName('repo'));
  await seedPlant(db);
});
afterEach(async () => {
  await db.delete();
});

describe('operators and plant', () => {
  it('finds an operator by badge, ignoring whitespace a scanner adds', async () => {
    expect((await findOperatorByBadge(db, ' B0007\r\n'))?.id).toBe('OP-0007');
    expect(await findOperatorByBadge(db, 'B9999')).toBeNull();
    expect(await findOperatorByBadge(db, '   ')).toBeNull();
  });

  it("knows this workstation's line and lists reasons of one kind", async () => {
    const info = await getWorkstationInfo(db, WS);
    expect(info.workstation?.name).toBe('Torno 1');
    expect(info.line?.name).toBe('Línea M1');
    expect((await getWorkstationInfo(db, 'WS-NOPE')).workstation).toBeNull();
    expect((await listReasons(db, 'scrap-reason')).map((r) => r.code)).toEqual(['S01', 'S02']);
  });
});

describe('listQueue', () => {
  it("orders today's planned work by shift, then tomorrow's, the day after's, then unplanned; skips completed and other workstations'", async () => {
    await db.workOrders.bulkPut([
      workOrder('PO-1/10'), // unplanned
      workOrder('PO-2/10'), // today shift C
      workOrder('PO-3/10'), // today shift A
      workOrder('PO-4/10'), // tomorrow A
      workOrder('PO-5/10'), // day after B
      workOrder('PO-6/10', { status: 'completed' }),
      workOrder('PO-7/10', { workstationIds: ['WS-M1-02'] }),
      workOrder('PO-8/10', { status: 'started' }), // today shift B
    ]);
    await db.t2Lines.bulkPut([
      t2Line(today, 'C', 'PO-2/10', 40),
      t2Line(today, 'A', 'PO-3/10', 100),
      t2Line(today, 'B', 'PO-8/10', 60),
      t2Line(today, 'C', 'PO-8/10', 20),
      t2Line(tomorrow, 'A', 'PO-4/10', 80),
      t2Line(dayAfter, 'B', 'PO-5/10', 70),
      t2Line(today, 'A', 'PO-6/10', 10),
      t2Line(today, 'A', 'PO-7/10', 10),
    ]);
    const queue = await listQueue(db, WS, cal);
    expect(queue.map((q) => q.workOrder.id)).toEqual([
      'PO-3/10',
      'PO-8/10',
      'PO-2/10',
      'PO-4/10',
      'PO-5/10',
      'PO-1/10',
    ]);
    const byId = new Map(queue.map((q) => [q.workOrder.id, q]));
    expect(byId.get('PO-8/10')).toMatchObject({ todayTarget: 80, todayShifts: ['B', 'C'], firstPlannedDay: 0 });
    expect(byId.get('PO-4/10')).toMatchObject({ todayTarget: 0, firstPlannedDay: 1 });
    expect(byId.get('PO-1/10')).toMatchObject({ todayTarget: 0, firstPlannedDay: null });
    expect(byId.get('PO-3/10')).toMatchObject({
      productName: 'Eje 100',
      operationName: { es: 'Torneado', en: 'Turning' },
    });
  });

  it('uses only the latest plan version of each day', async () => {
    await db.workOrders.bulkPut([workOrder('PO-1/10'), workOrder('PO-2/10')]);
    await db.t2Lines.bulkPut([
      t2Line(today, 'A', 'PO-1/10', 100, 1),
      t2Line(today, 'A', 'PO-2/10', 50, 1),
      // Version 2 of today drops PO-1 and plans PO-2 for 90 in shift B.
      t2Line(today, 'B', 'PO-2/10', 90, 2),
    ]);
    const queue = await listQueue(db, WS, cal);
    expect(queue.map((q) => [q.workOrder.id, q.todayTarget])).toEqual([
      ['PO-2/10', 90],
      ['PO-1/10', 0],
    ]);
  });

  it("shows progress as central's totals plus this terminal's pending records, minus pending reversals", async () => {
    await db.workOrders.bulkPut([workOrder('PO-1/10', { goodQty: 100, scrapQty: 3 }), workOrder('PO-2/10')]);
    const a = await recordEvent(db, ctx, 'output.recorded', {
      workOrderId: 'PO-1/10',
      goodQty: 10,
      scrapQty: 1,
      scrapReason: 'S01',
    });
    await recordEvent(db, ctx, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 5, scrapQty: 0 });
    // Acknowledged: already inside central's totals, not added again.
    const acked = await recordEvent(db, ctx, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 7, scrapQty: 0 });
    await db.events.update(acked.id, { state: 'acked' });
    // Rejected: never counted.
    const rejected = await recordEvent(db, ctx, 'output.recorded', {
      workOrderId: 'PO-1/10',
      goodQty: 1000,
      scrapQty: 0,
    });
    await db.events.update(rejected.id, { state: 'rejected' });
    // Pending reversal of the acknowledged record takes it back out of central's totals.
    await recordEvent(db, ctx, 'output.reversed', { reversesEventId: acked.id, reason: 'counted twice' });
    // A reversal of a rejected record changes nothing.
    await recordEvent(db, ctx, 'output.reversed', { reversesEventId: rejected.id, reason: 'typo' });
    await recordEvent(db, ctx, 'output.recorded', { workOrderId: 'PO-2/10', goodQty: 4, scrapQty: 0 });

    const queue = await listQueue(db, WS, cal);
    const p1 = queue.find((q) => q.workOrder.id === 'PO-1/10')?.progress;
    expect(p1).toEqual({ good: 100 + 10 + 5 - 7, scrap: 3 + 1, pendingGood: 8, pendingScrap: 1, qty: 500 });
    expect(queue.find((q) => q.workOrder.id === 'PO-2/10')?.progress.good).toBe(4);

    // Once central acknowledges a record and the pull brings the new totals, nothing is counted twice.
    await db.events.update(a.id, { state: 'acked' });
    await db.workOrders.update('work-order:PO-1/10', { goodQty: 110, scrapQty: 4 });
    const detail = await getWorkOrderDetail(db, 'PO-1/10', WS, DAYS);
    expect(detail?.progress).toMatchObject({ good: 110 + 5 - 7, scrap: 4 });
  });

  it('is empty when nothing is assigned to the workstation', async () => {
    await db.workOrders.put(workOrder('PO-9/10', { workstationIds: ['WS-OTHER'] }));
    expect(await listQueue(db, WS, cal)).toEqual([]);
  });
});

describe('listLineTargets', () => {
  it('gives three days of targets for the line with rows in shift order and day totals', async () => {
    await db.workOrders.bulkPut([workOrder('PO-1/10'), workOrder('PO-2/10', { productId: 'P-200' })]);
    await db.productionOrders.put({
      key: 'production-order:PO-3',
      type: 'production-order',
      id: 'PO-3',
      customerOrder: 'C-1',
      productId: 'P-200',
      qty: 10,
      dueDate: '2026-12-01',
      reviewStatus: 'approved',
      reviewedBy: 'x',
    });
    await db.t2Lines.bulkPut([
      t2Line(today, 'B', 'PO-2/10', 40),
      t2Line(today, 'A', 'PO-1/10', 100),
      t2Line(tomorrow, 'A', 'PO-3/10', 25), // work order not pulled yet: name via the production order
      t2Line(today, 'A', 'PO-1/10', 999, 1, 'L-OTHER'),
      t2Line('2026-11-29', 'A', 'PO-1/10', 5), // outside T+2
    ]);
    const days = await listLineTargets(db, LINE, cal);
    expect(days.map((d) => [d.date, d.total])).toEqual([
      [today, 140],
      [tomorrow, 25],
      [dayAfter, 0],
    ]);
    expect(days[0]?.rows.map((r) => [r.workOrderId, r.shift, r.plannedQty, r.productName])).toEqual([
      ['PO-1/10', 'A', 100, 'Eje 100'],
      ['PO-2/10', 'B', 40, 'Brida 200'],
    ]);
    expect(days[1]?.rows[0]).toMatchObject({
      workOrderId: 'PO-3/10',
      productName: 'Brida 200',
      operationName: { es: 'Taladrado', en: 'Drilling' },
    });
    expect(days[2]?.rows).toEqual([]);
  });

  it('ignores superseded plan versions, even when the new version plans nothing on this line', async () => {
    await db.t2Lines.bulkPut([t2Line(today, 'A', 'PO-1/10', 100, 1), t2Line(today, 'A', 'PO-9/10', 10, 2, 'L-OTHER')]);
    const days = await listLineTargets(db, LINE, cal);
    expect(days[0]).toMatchObject({ total: 0, rows: [] });
  });
});

describe('listRecentOutput', () => {
  it("lists this work order's output records newest first with state and reversal", async () => {
    const a = await recordEvent(db, ctx, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 3, scrapQty: 0 });
    const b = await recordEvent(db, ctx, 'output.recorded', {
      workOrderId: 'PO-1/10',
      goodQty: 2,
      scrapQty: 1,
      scrapReason: 'S02',
    });
    await recordEvent(db, ctx, 'output.recorded', { workOrderId: 'PO-2/10', goodQty: 9, scrapQty: 0 });
    await db.events.update(a.id, { state: 'rejected', rejectReason: 'unknown work order' });
    await recordEvent(db, ctx, 'output.reversed', { reversesEventId: b.id, reason: 'wrong order' });
    const records = await listRecentOutput(db, 'PO-1/10');
    expect(records.map((r) => [r.goodQty, r.scrapQty, r.scrapReason, r.state, r.isReversed, r.rejectReason])).toEqual([
      [2, 1, 'S02', 'pending', true, null],
      [3, 0, null, 'rejected', false, 'unknown work order'],
    ]);
  });
});
