import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { TaktDb, type OutboxEvent } from '../data/db';
import { listNeedingAttention } from '../data/repositories/outbox';
import { recordEvent } from '../data/record';
import { PRUNE_BATCH, ensureEpoch, fillBatch, nextPushBatch, pruneAcked, restoreFromJournal, toEnvelope } from './outbox';
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

  it('prunes a large retention in index-driven batches, oldest first, never touching pending ones', async () => {
    const total = PRUNE_BATCH * 2 + 10;
    const epoch = await ensureEpoch(db);
    const base = toEnvelope((await recordEvents(db, 1))[0]!);
    await db.events.clear();
    await db.events.bulkAdd(
      Array.from({ length: total }, (_, i) => ({
        ...base,
        id: `e-${String(i).padStart(6, '0')}`,
        epoch,
        seq: i + 1,
        state: i % 10 === 9 ? ('pending' as const) : ('acked' as const),
        // the first half acknowledged 30 days ago, the rest 1 day ago
        ...(i % 10 === 9 ? {} : { ackedAt: new Date(NOW - (i < total / 2 ? 30 : 1) * DAY).toISOString() }),
      })),
    );
    const old = await db.events.filter((e) => e.state === 'acked' && e.ackedAt! < new Date(NOW - 14 * DAY).toISOString()).count();
    expect(await pruneAcked(db, NOW)).toBe(old);
    expect(await db.events.where('state').equals('pending').count()).toBe(Math.floor(total / 10));
    expect(await db.events.filter((e) => e.state === 'acked' && e.ackedAt! < new Date(NOW - 14 * DAY).toISOString()).count()).toBe(0);
    expect(await pruneAcked(db, NOW)).toBe(0);
  });

  it('keeps seq unique per epoch: a wiped database restores its old epoch next to its new one', async () => {
    const mine = await recordEvents(db, 2);
    const old = [1, 2, 3].map((seq) => ({ ...toEnvelope(mine[0]!), id: crypto.randomUUID(), epoch: 'E-old', seq }));
    const restored = await restoreFromJournal(db, old);
    expect(restored).toMatchObject({ inserted: 3, journalOnly: [] });
    expect((await db.meta.get('nextSeq'))?.value).toBe(3); // this epoch's counter is untouched
    await expect(db.events.add({ ...old[0]!, id: crypto.randomUUID(), state: 'pending' })).rejects.toThrow();
    const next = await recordEvent(db, { terminalId: 'T-01', workstationId: 'WS-1', operatorId: null }, 'output.recorded', {
      workOrderId: 'PO-1/10',
      goodQty: 1,
      scrapQty: 0,
    });
    expect(next).toMatchObject({ epoch: mine[0]!.epoch, seq: 3 });
  });

  it('upgrades a version-1 database to [epoch+seq] without losing an event', async () => {
    const name = `${db.name}-v1`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ events: 'id, &seq, state, [state+seq], type, occurredAt, payload.workOrderId', meta: 'key' });
    const base = toEnvelope((await recordEvents(db, 1))[0]!);
    await v1.table('events').bulkAdd([1, 2, 3].map((seq) => ({ ...base, id: `v1-${seq}`, seq, state: 'pending' })));
    await v1.table('meta').bulkPut([{ key: 'epoch', value: base.epoch }, { key: 'nextSeq', value: 4 }]);
    v1.close();
    const upgraded = new TaktDb(name);
    try {
      expect((await upgraded.events.orderBy('seq').toArray()).map((e) => e.id)).toEqual(['v1-1', 'v1-2', 'v1-3']);
      expect(await upgraded.events.where('[epoch+seq]').equals([base.epoch, 2]).count()).toBe(1);
      await upgraded.events.add({ ...base, id: 'other-epoch-1', epoch: 'E-new', seq: 1, state: 'pending' });
      expect(await upgraded.events.count()).toBe(4);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });

  it('lists records needing attention with what they were and why', async () => {
    const events = await recordEvents(db, 3);
    await db.events.update(events[1]!.id, { state: 'rejected', rejectReason: 'invalid-payload: payload.goodQty: Expected number' });
    await db.events.update(events[2]!.id, { state: 'rejected', rejectReason: 'Something odd' });
    const items = await listNeedingAttention(db);
    expect(items.map((i) => [i.seq, i.reason, i.details, i.workOrderId])).toEqual([
      [3, 'unknown', 'Something odd', 'PO-1/10'],
      [2, 'invalid-payload', 'payload.goodQty: Expected number', 'PO-1/10'],
    ]);
  });
});
