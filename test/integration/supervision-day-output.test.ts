/**
 * Today's output per work order at central (issue 5, the supervisors' T+2 board): output pushed
 * through the sync path on two production days moves the work-orders stream row's `dayDate`,
 * `dayGoodQty`, `dayScrapQty` as the daily report counts that day: a new day starts afresh, a
 * late record or a reversal of an earlier day leaves today alone, the terminal's clock offset
 * decides the day as it does for the report. The fixture plant is Europe/Madrid with days from
 * 06:00 (winter: 05:00Z), so 2026-11-21T04:30Z is still production day 2026-11-20. The days come
 * from each event's occurredAt (corrected), never from central's clock. PGlite and PostgreSQL.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workOrders } from '../../src/server/db/schema';
import { event, Harness, variants, type Terminal } from './support/central-harness';

type PullPage = { rows: { op: string; key: string; row: Record<string, unknown> | null }[]; cursor: string; hasMore: boolean };

const DAY1 = '2026-11-20T09:00:00.000Z';
const DAY1_LATE_NIGHT = '2026-11-21T04:30:00.000Z'; // 05:30 in Madrid: still the 20th's production day
const DAY2 = '2026-11-21T08:00:00.000Z';

describe.each(variants)('day output at central on %s', (variant) => {
  let h: Harness;
  let t: Terminal;
  let other: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
    t = await h.enrol();
    other = await h.enrol('WS-L1-01');
    const start = (wo: string) => event(t, 'wo.transition.requested', { workOrderId: wo, to: 'started', basedOnVersion: 0 });
    expect((await h.push(t, [start('PO-1/10'), start('PO-2/10')])).body.accepted).toBe(2);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The latest work-orders stream row of a work order, as a terminal pulls it. */
  async function pulledRow(workOrderId: string): Promise<Record<string, unknown>> {
    let cursor = '0';
    let found: Record<string, unknown> | null = null;
    for (let i = 0; i < 100; i++) {
      const page = await h.get<PullPage>(`/sync/v1/pull?stream=work-orders&cursor=${cursor}`, t.token);
      for (const r of page.body.rows) if (r.key === `work-order:${workOrderId}`) found = r.row;
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    if (!found) throw new Error(`no row for ${workOrderId}`);
    return found;
  }
  const day = (row: Record<string, unknown>) => [row.dayDate, row.dayGoodQty, row.dayScrapQty, row.goodQty, row.scrapQty];
  const output = (from: Terminal, wo: string, goodQty: number, scrapQty: number, occurredAt: string, over: Record<string, unknown> = {}) =>
    event(from, 'output.recorded', { workOrderId: wo, goodQty, scrapQty, ...(scrapQty > 0 ? { scrapReason: 'S1' } : {}) }, { occurredAt, ...over });
  async function pushOk(from: Terminal, events: Record<string, unknown>[]) {
    const r = await h.push(from, events);
    expect(r.body).toMatchObject({ accepted: events.length, rejected: [] });
  }

  it('a work order without output carries no day figures (the terminal reads 0)', async () => {
    const row = await pulledRow('PO-2/10');
    expect(row.dayDate).toBeUndefined();
    expect(row.dayGoodQty).toBeUndefined();
  });

  it('keeps the output of the latest production day: yesterday late or reversed never changes today', async () => {
    const a = output(t, 'PO-1/10', 30, 2, DAY1);
    await pushOk(t, [a, output(t, 'PO-1/10', 10, 0, DAY1_LATE_NIGHT)]);
    expect(day(await pulledRow('PO-1/10'))).toEqual(['2026-11-20', 40, 2, 40, 2]);

    // The next production day starts afresh; the running totals keep counting.
    const today = output(t, 'PO-1/10', 7, 1, DAY2);
    await pushOk(t, [today]);
    expect(day(await pulledRow('PO-1/10'))).toEqual(['2026-11-21', 7, 1, 47, 3]);

    // Another terminal syncs yesterday's output late, then yesterday's first record is reversed.
    await pushOk(other, [output(other, 'PO-1/10', 5, 0, DAY1)]);
    await pushOk(t, [event(t, 'output.reversed', { reversesEventId: a.id, reason: 'counted twice' }, { occurredAt: DAY2 })]);
    expect(day(await pulledRow('PO-1/10'))).toEqual(['2026-11-21', 7, 1, 22, 1]);

    // 04:30Z with the terminal's clock an hour slow is 06:30 in Madrid: today, as the report files it.
    await pushOk(t, [output(t, 'PO-1/10', 3, 0, DAY1_LATE_NIGHT, { clockOffsetMs: 3_600_000 })]);
    // A reversal of today's record corrects today.
    await pushOk(t, [event(t, 'output.reversed', { reversesEventId: today.id, reason: 'wrong order' }, { occurredAt: DAY2 })]);
    const row = await pulledRow('PO-1/10');
    expect(day(row)).toEqual(['2026-11-21', 3, 0, 18, 0]);

    // The same figures as the daily report of both days.
    const report = async (date: string) => {
      const r = await h.get<{ rows: { productionOrder: string; operation: string; good: number; scrap: number }[] }>(`/api/v1/reports/daily?date=${date}`, t.token);
      const rr = r.body.rows.find((x) => x.productionOrder === 'PO-1' && x.operation === '10');
      return [rr?.good, rr?.scrap];
    };
    expect(await report('2026-11-21')).toEqual([row.dayGoodQty, row.dayScrapQty]);
    expect(await report('2026-11-20')).toEqual([15, 0]);
  });

  it('one push spanning both days, with a reversal that arrived before its record', async () => {
    // The other terminal reverses a record central has not seen yet (it applies when the record arrives).
    const late = output(t, 'PO-2/10', 4, 0, DAY2);
    await pushOk(other, [event(other, 'output.reversed', { reversesEventId: late.id, reason: 'test piece' }, { occurredAt: DAY2 })]);
    await pushOk(t, [output(t, 'PO-2/10', 9, 0, DAY2), output(t, 'PO-2/10', 6, 1, DAY1), late, output(t, 'PO-2/10', 2, 0, DAY2)]);
    expect(day(await pulledRow('PO-2/10'))).toEqual(['2026-11-21', 11, 0, 17, 1]);
  });

  it('a work order with output from before central kept day figures reads its day from the ledger at its next output', async () => {
    // As after migration 0008: totals with output, no day yet.
    await h.database.db.update(workOrders).set({ dayDate: null, dayGood: 0, dayScrap: 0 }).where(eq(workOrders.id, 'PO-1/10'));
    const [before] = await h.database.db.select({ day: workOrders.dayDate, good: sql<number>`${workOrders.goodQty}`.mapWith(Number) }).from(workOrders).where(eq(workOrders.id, 'PO-1/10'));
    expect(before).toEqual({ day: null, good: 18 });
    await pushOk(t, [output(t, 'PO-1/10', 4, 0, DAY2)]);
    expect(day(await pulledRow('PO-1/10'))).toEqual(['2026-11-21', 7, 0, 22, 0]);
  });
});
