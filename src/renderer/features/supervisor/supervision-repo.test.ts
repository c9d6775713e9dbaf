import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaktDb } from '../../data/db';
import { recordEvent } from '../../data/record';
import { pendingOutput } from '../../data/repositories/outbox';
import { ackChanges } from '../../sync/counted';
import { DAYS, t2Line, uniqueDbName, workOrder } from '../../test-utils/fixtures';
import { readPlanLines, readTotals } from './supervision-repo';

let db: TaktDb;
beforeEach(() => {
  db = new TaktDb(uniqueDbName('supervision'));
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const pad = (i: number) => String(i).padStart(4, '0');

describe('supervision reads', () => {
  it('plan lines: only T..T+2, only the version in force of each day', async () => {
    await db.t2Lines.bulkPut([
      t2Line('2026-11-25', 'A', 'PO-0/10', 5),
      t2Line(DAYS[0], 'A', 'PO-1/10', 100, 1),
      t2Line(DAYS[0], 'B', 'PO-1/10', 90, 2),
      t2Line(DAYS[1], 'A', 'PO-2/10', 80),
      t2Line(DAYS[2], 'A', 'PO-3/10', 70),
      t2Line('2026-11-29', 'A', 'PO-4/10', 60),
    ]);
    const lines = await readPlanLines(db, DAYS);
    expect(lines.map((l) => [l.date, l.workOrderId, l.plannedQty]).sort()).toEqual([
      [DAYS[0], 'PO-1/10', 90],
      [DAYS[1], 'PO-2/10', 80],
      [DAYS[2], 'PO-3/10', 70],
    ]);
  });

  it('day figures of a few work orders, and of thousands (read as one range), never of others in between', async () => {
    // Every third work order is not asked for; two asked for are not on this terminal. Running totals are not read.
    const day = (i: number) => ({ dayDate: DAYS[0], dayGoodQty: i, dayScrapQty: i % 7 });
    await db.workOrders.bulkPut(Array.from({ length: 900 }, (_, i) => workOrder(`PO-${pad(i)}/10`, { goodQty: 10_000 + i, scrapQty: 99, ...day(i) })));
    const wanted = Array.from({ length: 900 }, (_, i) => i).filter((i) => i % 3 !== 0);
    const ids = [...wanted.map((i) => `PO-${pad(i)}/10`), 'PO-9998/10', 'PO-9999/10'];

    const many = await readTotals(db, ids);
    expect(many.size).toBe(wanted.length);
    expect(many.has('PO-0000/10')).toBe(false);
    expect(many.has('PO-0003/10')).toBe(false);
    expect(many.get('PO-0004/10')).toEqual(day(4));
    expect(many.get('PO-0899/10')).toEqual(day(899));

    const few = await readTotals(db, ['PO-0010/10', 'PO-0002/10', 'PO-9999/10']);
    expect([...few].sort()).toEqual([
      ['PO-0002/10', day(2)],
      ['PO-0010/10', day(10)],
    ]);
    expect((await readTotals(db, [])).size).toBe(0);
  });

  it("this terminal's output of today only: yesterday's records and their reversals leave today alone", async () => {
    const ctx = { terminalId: 'T-1', workstationId: 'WS-M1-01', operatorId: 'OP-1' };
    const at = async (iso: string, payload: { workOrderId: string; goodQty: number; scrapQty: number }) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
      return recordEvent(db, ctx, 'output.recorded', { ...payload, ...(payload.scrapQty > 0 ? { scrapReason: 'S1' } : {}) });
    };
    // Madrid, days from 06:00: 04:30Z on the 26th is 05:30 local, the 25th's production day.
    const yesterday = await at('2026-11-26T04:30:00.000Z', { workOrderId: 'PO-1/10', goodQty: 40, scrapQty: 4 });
    const early = await at('2026-11-26T05:30:00.000Z', { workOrderId: 'PO-1/10', goodQty: 12, scrapQty: 1 });
    await at('2026-11-26T09:00:00.000Z', { workOrderId: 'PO-2/10', goodQty: 8, scrapQty: 0 });
    // Yesterday's record was already synced (acked, not yet pulled): its reversal today must not touch today.
    await db.events.update(yesterday.id, ackChanges('2026-11-26T04:31:00.000Z'));
    await recordEvent(db, ctx, 'output.reversed', { reversesEventId: yesterday.id, reason: 'x' });
    const today = { date: DAYS[0], timezone: 'Europe/Madrid', dayStartsAt: '06:00' };
    expect([...(await pendingOutput(db, today))].sort()).toEqual([
      ['PO-1/10', { good: 12, scrap: 1 }],
      ['PO-2/10', { good: 8, scrap: 0 }],
    ]);
    // A reversal of today's record does come off today; without a day every record counts.
    await recordEvent(db, ctx, 'output.reversed', { reversesEventId: early.id, reason: 'y' });
    expect((await pendingOutput(db, today)).get('PO-1/10')).toEqual({ good: 0, scrap: 0 });
    expect((await pendingOutput(db)).get('PO-1/10')).toEqual({ good: 0, scrap: 0 });
    expect((await pendingOutput(db, { ...today, date: '2026-11-25' })).get('PO-1/10')).toEqual({ good: 0, scrap: 0 });
    expect((await pendingOutput(db, { ...today, date: '2026-11-25' })).get('PO-2/10')).toBeUndefined();
  });
});
