import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaktDb, type OutboxEvent } from '../data/db';
import { ensureEpoch, fillBatch, nextPushBatch, pruneAcked, toEnvelope } from './outbox';
import { recordEvents, uniqueDbName } from './testing/helpers';

let db: TaktDb;
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 26, 12);

beforeEach(() => {
  db = new TaktDb(uniqueDbName());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('outbox', { timeout: 20_000 }, () => {
  it('creates one epoch even when asked concurrently', async () => {
    const epochs = await Promise.all([ensureEpoch(db), ensureEpoch(db), ensureEpoch(db)]);
    expect(new Set(epochs).size).toBe(1);
    expect((await db.meta.get('epoch'))?.value).toBe(epochs[0]);
  });

  it('prunes only acked events acknowledged more than 14 days ago', async () => {
    const events = await recordEvents(db, 5);
    const set = (i: number, change: Partial<OutboxEvent>) => db.events.update(events[i]!.id, change);
    await set(0, { state: 'acked', ackedAt: new Date(NOW - 20 * DAY).toISOString() });
    await set(1, { state: 'acked', ackedAt: new Date(NOW - 10 * DAY).toISOString() });
    await set(2, { state: 'rejected', rejectReason: 'x' });
    // 3 and 4 stay pending (recorded long ago does not matter)
    expect(await pruneAcked(db, NOW)).toBe(1);
    expect((await db.events.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(await pruneAcked(db, NOW, 7)).toBe(1);
    expect((await db.events.orderBy('seq').toArray()).map((e) => e.state)).toEqual(['rejected', 'pending', 'pending']);
  });

  it('batches one epoch at a time, in seq order', async () => {
    const mine = await recordEvents(db, 3);
    const other = { ...toEnvelope(mine[0]!), epoch: 'E-other' };
    await db.events.bulkAdd([
      { ...other, id: crypto.randomUUID(), seq: 10, state: 'pending' },
      { ...other, id: crypto.randomUUID(), seq: 11, state: 'pending' },
    ]);
    const { batch } = await nextPushBatch(db);
    expect(batch?.epoch).toBe(mine[0]!.epoch);
    expect(batch?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(batch?.events[0]).not.toHaveProperty('state');
  });

  it('fills a batch up to the event and byte limits and sets unsendable events apart', async () => {
    const events = (await recordEvents(db, 6)).map(toEnvelope);
    events[1] = { ...events[1]!, workstationId: '' };
    const byCount = fillBatch(events, { maxEvents: 3, maxBytes: 1024 * 1024 });
    expect(byCount.events.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(byCount.unsendable.map((u) => u.id)).toEqual([events[1].id]);
    const oneSize = JSON.stringify(events[0]).length;
    const byBytes = fillBatch(events, { maxEvents: 500, maxBytes: 512 + 2 * (oneSize + 1) });
    expect(byBytes.events).toHaveLength(2);
  });
});
