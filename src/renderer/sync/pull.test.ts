import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaktDb } from '../data/db';
import { streamNames } from '../../shared/sync/streams';
import type { PullChange } from '../../shared/sync/protocol';
import { createSyncEngine, type SyncEngine } from './engine';
import { pullStream } from './pull';
import { FakeCentral } from './testing/fake-central';
import { ManualTimers, noticeRow, recordEvents, uniqueDbName, workOrderRow } from './testing/helpers';
import { getSyncStatus, resetSyncStatus } from './status-store';

let db: TaktDb;
let timers: ManualTimers;
let central: FakeCentral;
let engine: SyncEngine | undefined;

const put = (row: Record<string, unknown>): PullChange => ({ op: 'put', key: `${String(row['type'])}:${String(row['id'])}`, row });
const workOrders = (n: number) => Array.from({ length: n }, (_, i) => put(workOrderRow(`PO-1/${i}`)));
const pull = (stream: (typeof streamNames)[number]) => pullStream(central.api, db, stream, { now: timers.now });

beforeEach(() => {
  resetSyncStatus();
  db = new TaktDb(uniqueDbName());
  timers = new ManualTimers();
  central = new FakeCentral(timers.now);
});

afterEach(async () => {
  engine?.stop();
  engine = undefined;
  central.offline = true;
  db.close();
  await db.delete();
});

describe('pull', { timeout: 20_000 }, () => {
  it('pulls page after page and stores each row under its key with the cursor', async () => {
    central.streams.set('work-orders', workOrders(2500));
    const outcome = await pull('work-orders');
    expect(outcome).toMatchObject({ ok: true, pages: 3, rows: 2500 });
    expect(central.pulls.map((p) => p.cursor)).toEqual(['0', '1000', '2000']);
    expect(await db.workOrders.count()).toBe(2500);
    expect(await db.workOrders.get('work-order:PO-1/2499')).toMatchObject({ id: 'PO-1/2499', status: 'released' });
    expect((await db.cursors.get('work-orders'))?.cursor).toBe('2500');
  });

  it('continues from its cursor and applies deletions', async () => {
    central.streams.set('work-orders', workOrders(3));
    await pull('work-orders');
    central.streams.get('work-orders')!.push({ op: 'del', key: 'work-order:PO-1/1', row: null }, put(workOrderRow('PO-1/0', { status: 'started' })));
    await pull('work-orders');
    expect(central.pulls.map((p) => p.cursor)).toEqual(['0', '3']);
    expect((await db.workOrders.toArray()).map((w) => [w.key, w.status])).toEqual([
      ['work-order:PO-1/0', 'started'],
      ['work-order:PO-1/2', 'released'],
    ]);
  });

  it('rolls back a page with one bad row and keeps the cursor before it', async () => {
    const log = workOrders(2500);
    log[2100] = put(workOrderRow('PO-1/2100', { qty: -1 }));
    central.streams.set('work-orders', log);
    const outcome = await pull('work-orders');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain('work-order:PO-1/2100');
    expect(await db.workOrders.count()).toBe(2000); // pages 1 and 2 stay
    expect(await db.workOrders.get('work-order:PO-1/2000')).toBeUndefined(); // nothing of page 3
    expect((await db.cursors.get('work-orders'))?.cursor).toBe('2000');
    // Fixed at central: the next pull resumes from the kept cursor.
    log[2100] = put(workOrderRow('PO-1/2100'));
    await pull('work-orders');
    expect(central.pulls.at(-1)?.cursor).toBe('2000');
    expect(await db.workOrders.count()).toBe(2500);
  });

  it('refuses a row of another stream', async () => {
    central.streams.set('work-orders', [put(workOrderRow('PO-1/1')), put(noticeRow('N-1'))]);
    const outcome = await pull('work-orders');
    expect(outcome.ok).toBe(false);
    expect(await db.workOrders.count()).toBe(0);
    expect(await db.notices.count()).toBe(0);
    expect(await db.cursors.get('work-orders')).toBeUndefined();
  });

  it('on reset clears exactly that stream and pulls it again from 0', async () => {
    central.streams.set('work-orders', workOrders(3));
    central.streams.set('notices', [put(noticeRow('N-1'))]);
    await pull('work-orders');
    await pull('notices');
    central.streams.set('work-orders', [put(workOrderRow('PO-9/10'))]);
    central.resetNext.add('work-orders');
    const outcome = await pull('work-orders');
    expect(outcome).toMatchObject({ ok: true, resets: 1 });
    expect(central.pulls.filter((p) => p.stream === 'work-orders').map((p) => p.cursor)).toEqual(['0', '3', '0']);
    expect((await db.workOrders.toArray()).map((w) => w.key)).toEqual(['work-order:PO-9/10']);
    expect((await db.cursors.get('work-orders'))?.cursor).toBe('1');
    expect(await db.notices.count()).toBe(1);
    expect((await db.cursors.get('notices'))?.cursor).toBe('1');
  });
});

describe('pull in the engine', { timeout: 20_000 }, () => {
  const waitFor = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 5000, interval: 5 });
  const make = () =>
    createSyncEngine({
      api: central.api,
      db,
      appVersion: '0.1.0',
      now: timers.now,
      random: () => 0.5,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });

  it('pulls every stream on start and again every 30 s', async () => {
    engine = make();
    engine.start();
    await waitFor(() => expect(new Set(central.pulls.map((p) => p.stream))).toEqual(new Set(streamNames)));
    await waitFor(() => expect(getSyncStatus().syncing).toBe(false));
    expect(central.pulls).toHaveLength(streamNames.length);
    timers.advance(30_000);
    await waitFor(() => expect(central.pulls).toHaveLength(2 * streamNames.length));
  });

  it('after a push pulls work orders, notices and plans only', async () => {
    engine = make();
    engine.start();
    await waitFor(() => expect(central.pulls).toHaveLength(streamNames.length));
    await waitFor(() => expect(getSyncStatus().syncing).toBe(false));
    central.pulls.length = 0;
    await recordEvents(db, 1);
    engine.nudge();
    timers.advance(100);
    await waitFor(() => expect(central.pushes.flatMap((p) => p.seqs)).toEqual([1]));
    await waitFor(() => expect(central.pulls.map((p) => p.stream).sort()).toEqual(['notices', 'plans', 'work-orders']));
  });

  it('a bad page is reported in the status and does not stop the other streams or the push', async () => {
    central.streams.set('work-orders', [put(workOrderRow('PO-1/1', { status: 'exploded' }))]);
    central.streams.set('notices', [put(noticeRow('N-1'))]);
    await recordEvents(db, 2);
    engine = make();
    await engine.syncNow();
    expect(central.stored.size).toBe(2);
    expect(await db.notices.count()).toBe(1);
    expect(await db.cursors.get('work-orders')).toBeUndefined();
    expect(getSyncStatus()).toMatchObject({ online: true, pending: 0 });
    expect(getSyncStatus().lastError).toContain('work-orders');
  });
});
