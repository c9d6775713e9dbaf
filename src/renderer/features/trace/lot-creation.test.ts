import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaktDb } from '../../data/db';
import { recordEvent } from '../../data/record';
import { seedPlant, uniqueDbName, workOrder } from '../../test-utils/fixtures';
import { recordOutputWithLot } from './lot-creation';
import { lotLabelData } from './label-data';

const ctx = { terminalId: 'T-1', workstationId: 'WS-M1-01', operatorId: 'OP-1' };
const journal: unknown[] = [];
const after = { appendJournal: async (e: unknown[]) => journal.push(...e), nudge: () => undefined };
const at = () => new Date('2026-11-26T09:00:00.000Z');
let db: TaktDb;

beforeEach(async () => {
  db = new TaktDb(uniqueDbName('lots'));
  await seedPlant(db);
  await db.workOrders.put(workOrder('PO-1/10', { status: 'started' }));
  journal.length = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('lots created with output', () => {
  it('numbers the lot by the plant rule, with the lots consumed on the work order as parents, in one transaction', async () => {
    await recordEvent(db, ctx, 'material.consumed', { workOrderId: 'PO-1/10', lotId: 'L26-10214', itemId: 'RM-1', qty: 2 });
    await recordEvent(db, ctx, 'material.consumed', { workOrderId: 'PO-1/10', lotId: 'L26-10051', itemId: 'RM-2', qty: 1 });
    await recordEvent(db, ctx, 'material.consumed', { workOrderId: 'PO-9/10', lotId: 'OTHER', itemId: 'RM-2', qty: 1 });
    const first = await recordOutputWithLot(db, ctx, after, { workOrderId: 'PO-1/10', goodQty: 10, scrapQty: 0 }, at);
    expect(first.lot?.payload).toEqual({ lotId: '261126-M101-001', itemId: 'P-100', workOrderId: 'PO-1/10', qty: 10, parentLotIds: ['L26-10051', 'L26-10214'] });
    expect(first.output.payload).toMatchObject({ lotId: '261126-M101-001', goodQty: 10 });
    expect(first.output.seq).toBe((first.lot?.seq ?? 0) + 1);
    const second = await recordOutputWithLot(db, ctx, after, { workOrderId: 'PO-1/10', goodQty: 5, scrapQty: 0 }, at);
    expect(second.lot?.payload).toMatchObject({ lotId: '261126-M101-002' });
    expect(journal).toHaveLength(4);
  });

  it('scrap-only output makes no lot; serialized products get serials; a bad rule saves nothing', async () => {
    const scrap = await recordOutputWithLot(db, ctx, after, { workOrderId: 'PO-1/10', goodQty: 0, scrapQty: 2, scrapReason: 'S01' }, at);
    expect(scrap.lot).toBeNull();
    const product = await db.products.get('product:P-100');
    await db.products.put({ ...product!, serialized: true });
    const serialized = await recordOutputWithLot(db, ctx, after, { workOrderId: 'PO-1/10', goodQty: 3, scrapQty: 0 }, at);
    expect(serialized.output.payload).toMatchObject({ serials: ['261126-M101-001-1', '261126-M101-001-2', '261126-M101-001-3'] });
    const settings = await db.settings.get('settings:plant');
    await db.settings.put({ ...settings!, lotNumbering: '{product}-{yyyymmdd}-{ws}-{seq}-LONG' });
    const before = await db.events.count();
    await expect(recordOutputWithLot(db, ctx, after, { workOrderId: 'PO-1/10', goodQty: 1, scrapQty: 0 }, at)).rejects.toMatchObject({ code: 'invalid-payload' });
    expect(await db.events.count()).toBe(before);
  });

  it('builds the lot label from local data: product GTIN, production day, work order', async () => {
    const product = await db.products.get('product:P-100');
    await db.products.put({ ...product!, gtin: '08412345001017' });
    const r = await recordOutputWithLot(db, ctx, after, { workOrderId: 'PO-1/10', goodQty: 4, scrapQty: 0 }, at);
    const lotId = (r.output.payload as { lotId: string }).lotId;
    expect(await lotLabelData(db, lotId)).toMatchObject({ kind: 'lot', id: lotId, gtin: '08412345001017', productId: 'P-100', workOrderId: 'PO-1/10', qty: 4 });
  });
});
