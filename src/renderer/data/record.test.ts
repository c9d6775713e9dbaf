import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaktDb, type OutboxEvent } from './db';
import { RecordError, recordAndShip, recordEvent, type RecordContext } from './record';
import { uniqueDbName } from '../test-utils/fixtures';

const ctx: RecordContext = { terminalId: 'T-1', workstationId: 'WS-M1-01', operatorId: 'OP-0007' };
const output = (good: number, scrap = 0, scrapReason?: string) => ({
  workOrderId: 'PO-1001/20',
  goodQty: good,
  scrapQty: scrap,
  ...(scrapReason ? { scrapReason } : {}),
});

let db: TaktDb;
beforeEach(async () => {
  db = new TaktDb(uniqueDbName('record'));
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('recordEvent', () => {
  it('stores a pending event with the full envelope', async () => {
    await db.meta.put({ key: 'clockOffsetMs', value: -120.4 });
    const e = await recordEvent(db, ctx, 'output.recorded', output(10, 2, 'S01'));
    const stored = await db.events.get(e.id);
    expect(stored).toEqual(e);
    expect(e).toMatchObject({
      terminalId: 'T-1',
      workstationId: 'WS-M1-01',
      operatorId: 'OP-0007',
      type: 'output.recorded',
      v: 1,
      seq: 1,
      clockOffsetMs: -120,
      state: 'pending',
      payload: { workOrderId: 'PO-1001/20', goodQty: 10, scrapQty: 2, scrapReason: 'S01' },
    });
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
  });

  it('numbers events gaplessly and monotonically, also when records race, under one stable epoch', async () => {
    const first = await recordEvent(db, ctx, 'shift.login', {});
    const raced = await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordEvent(db, ctx, 'output.recorded', output(i + 1))),
    );
    const last = await recordEvent(db, ctx, 'shift.logout', {});
    const all: OutboxEvent[] = [first, ...raced, last];
    const seqs = all.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(last.seq).toBe(22);
    expect(new Set(all.map((e) => e.epoch)).size).toBe(1);
    expect((await db.meta.get('epoch'))?.value).toBe(first.epoch);
    expect((await db.meta.get('nextSeq'))?.value).toBe(23);
    expect(await db.events.count()).toBe(22);
  });

  it('keeps the epoch of the database across instances and continues the sequence', async () => {
    const a = await recordEvent(db, ctx, 'shift.login', {});
    const reopened = new TaktDb(db.name);
    const b = await recordEvent(reopened, ctx, 'shift.logout', {});
    reopened.close();
    expect(b.epoch).toBe(a.epoch);
    expect(b.seq).toBe(a.seq + 1);
  });

  it('rejects an invalid payload with a typed error and writes nothing', async () => {
    await recordEvent(db, ctx, 'shift.login', {});
    const before = await db.meta.toArray();
    const err = await recordEvent(db, ctx, 'output.recorded', output(0, 3)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordError);
    expect((err as RecordError).code).toBe('invalid-payload');
    expect((err as RecordError).fields).toContain('scrapReason');
    const zero = await recordEvent(db, ctx, 'output.recorded', output(0, 0)).catch((e: unknown) => e);
    expect((zero as RecordError).code).toBe('invalid-payload');
    expect(await db.events.count()).toBe(1);
    expect(await db.meta.toArray()).toEqual(before);
  });

  it('refuses a seq already taken in this epoch and leaves the counter as it was', async () => {
    // A stale counter pointing at a seq this epoch already used makes the unique [epoch+seq] index refuse the add.
    await db.meta.put({ key: 'epoch', value: 'EP-1' });
    await db.events.add({
      id: '01900000-0000-7000-8000-000000000001',
      terminalId: 'T-1',
      epoch: 'EP-1',
      seq: 5,
      type: 'shift.login',
      v: 1,
      occurredAt: '2026-11-26T08:00:00.000Z',
      clockOffsetMs: 0,
      operatorId: null,
      workstationId: 'WS-M1-01',
      payload: {},
      state: 'acked',
    });
    await db.meta.put({ key: 'nextSeq', value: 5 });
    const err = await recordEvent(db, ctx, 'shift.login', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordError);
    expect((err as RecordError).code).toBe('storage-failed');
    expect((await db.meta.get('nextSeq'))?.value).toBe(5);
    expect(await db.events.count()).toBe(1);
  });

  it('rolls back a new epoch and the counter when the write fails inside the transaction', async () => {
    const add = vi.spyOn(db.events, 'add').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const err = await recordEvent(db, ctx, 'shift.login', {}).catch((e: unknown) => e);
    add.mockRestore();
    expect(err).toBeInstanceOf(RecordError);
    expect(await db.meta.get('epoch')).toBeUndefined();
    expect(await db.meta.get('nextSeq')).toBeUndefined();
    expect(await db.events.count()).toBe(0);
  });

  it('continues after the highest stored seq when the counter row is missing', async () => {
    const a = await recordEvent(db, ctx, 'shift.login', {});
    await db.meta.delete('nextSeq');
    const b = await recordEvent(db, ctx, 'shift.logout', {});
    expect(b.seq).toBe(a.seq + 1);
  });
});

describe('recordAndShip', () => {
  it('resolves once committed without waiting for the journal, then mirrors the envelope and nudges sync', async () => {
    let releaseJournal: () => void = () => {};
    const appended: unknown[][] = [];
    const appendJournal = vi.fn((events: unknown[]) => {
      appended.push(events);
      return new Promise<unknown>((resolve) => {
        releaseJournal = () => resolve({ ok: true, value: { appended: 1 } });
      });
    });
    const nudge = vi.fn();
    const e = await recordAndShip(db, ctx, { appendJournal, nudge }, 'output.recorded', output(4));
    expect(await db.events.get(e.id)).toBeDefined();
    expect(nudge).toHaveBeenCalledTimes(1);
    expect(appended).toHaveLength(1);
    const [sent] = appended[0] as Record<string, unknown>[];
    expect(sent).toMatchObject({ id: e.id, seq: e.seq, type: 'output.recorded' });
    expect(sent).not.toHaveProperty('state');
    releaseJournal();
  });

  it('keeps the record when the journal fails', async () => {
    const log = vi.fn();
    const e = await recordAndShip(
      db,
      ctx,
      { appendJournal: () => Promise.reject(new Error('disk full')), nudge: () => {}, log },
      'shift.login',
      {},
    );
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('journal append failed', expect.any(Error)));
    expect((await db.events.get(e.id))?.state).toBe('pending');
  });

  it('does not ship an invalid record', async () => {
    const appendJournal = vi.fn(() => Promise.resolve());
    const nudge = vi.fn();
    await expect(recordAndShip(db, ctx, { appendJournal, nudge }, 'output.recorded', output(0))).rejects.toBeInstanceOf(
      RecordError,
    );
    expect(appendJournal).not.toHaveBeenCalled();
    expect(nudge).not.toHaveBeenCalled();
  });
});
