import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalApi } from '../../shared/api';
import type { PullChange } from '../../shared/sync/protocol';
import { TaktDb } from '../data/db';
import { progressOf, type Progress } from '../data/progress';
import { pendingOutput } from '../data/repositories/outbox';
import type { SyncedOutboxEvent } from './counted';
import { createSyncEngine, type SyncEngine } from './engine';
import { applyPushResult, toEnvelope } from './outbox';
import { pullStream } from './pull';
import { FakeCentral } from './testing/fake-central';
import { ManualTimers, recordEvents, uniqueDbName, workOrderRow } from './testing/helpers';
import { resetSyncStatus } from './status-store';

const WO = 'PO-1/10';
let db: TaktDb;
let timers: ManualTimers;
let central: FakeCentral;
let engine: SyncEngine | undefined;

/** Central's work-order row with these totals, appended to the stream as central does on commit. */
function publishTotals(goodQty: number, scrapQty = 0): void {
  const row = workOrderRow(WO, { goodQty, scrapQty, version: central.streams.get('work-orders')!.length });
  const change: PullChange = { op: 'put', key: `work-order:${WO}`, row };
  central.streams.get('work-orders')!.push(change);
}

/** What the terminal shows for the work order. */
async function progress(): Promise<Progress> {
  const wo = await db.workOrders.get(`work-order:${WO}`);
  if (!wo) throw new Error('work order not pulled');
  return progressOf(wo, (await pendingOutput(db)).get(WO));
}

const pull = (api: Pick<TerminalApi, 'central'> = central.api) => pullStream(api, db, 'work-orders', { now: timers.now });

/** Pushes every pending event to the fake central and writes the acknowledgement back, like the engine. */
async function pushAndAck(): Promise<void> {
  const pending = await db.events.where('state').equals('pending').sortBy('seq');
  if (pending.length === 0) return;
  const epoch = pending[0]!.epoch;
  const r = await central.api.central.push({ protocol: 1, epoch, events: pending.map(toEnvelope) });
  if (!r.ok) throw new Error(r.error.message);
  await applyPushResult(
    db,
    epoch,
    pending.map((e) => e.id),
    r.value,
    new Date(timers.now()).toISOString(),
  );
}

async function flags(): Promise<(boolean | undefined)[]> {
  return (await db.events.orderBy('seq').toArray()).map((e) => (e as SyncedOutboxEvent).countedInPull);
}

beforeEach(async () => {
  resetSyncStatus();
  db = new TaktDb(uniqueDbName());
  timers = new ManualTimers();
  central = new FakeCentral(timers.now);
  publishTotals(0);
  expect(await pull()).toMatchObject({ ok: true });
});

afterEach(async () => {
  engine?.stop();
  engine = undefined;
  central.offline = true;
  db.close();
  await db.delete();
});

describe('acked output keeps counting until central totals are pulled', { timeout: 20_000 }, () => {
  it('does not drop at the ack, and does not double count after the next pull', async () => {
    await recordEvents(db, 7);
    expect(await progress()).toMatchObject({ good: 7, pendingGood: 7 });

    await pushAndAck();
    expect(await db.events.where('state').equals('acked').count()).toBe(7);
    expect(await flags()).toEqual(Array(7).fill(false));
    // Acked, but the work-order row on the terminal still has central's old totals.
    expect(await progress()).toMatchObject({ good: 7, pendingGood: 7 });

    publishTotals(7);
    expect(await pull()).toMatchObject({ ok: true });
    expect(await progress()).toMatchObject({ good: 7, pendingGood: 0 });
    expect(await flags()).toEqual(Array(7).fill(true));

    // A further pull changes nothing.
    expect(await pull()).toMatchObject({ ok: true });
    expect(await progress()).toMatchObject({ good: 7, pendingGood: 0 });
  });

  it('a pull that started before the ack does not clear it; the next one does', async () => {
    await recordEvents(db, 3);
    let ackedDuringPull = false;
    // The ack lands after this pull took its snapshot (its first request is on the way).
    const racing: Pick<TerminalApi, 'central' | 'journal'> = {
      ...central.api,
      central: {
        ...central.api.central,
        pull: async (p) => {
          if (!ackedDuringPull) {
            ackedDuringPull = true;
            await pushAndAck();
          }
          return central.api.central.pull(p);
        },
      },
    };
    publishTotals(0); // something else changed, so the pull brings a page
    expect(await pull(racing)).toMatchObject({ ok: true });
    expect(ackedDuringPull).toBe(true);
    expect(await db.events.where('state').equals('acked').count()).toBe(3);
    expect(await flags()).toEqual([false, false, false]);
    expect(await progress()).toMatchObject({ good: 3, pendingGood: 3 });

    publishTotals(3);
    expect(await pull()).toMatchObject({ ok: true });
    expect(await flags()).toEqual([true, true, true]);
    expect(await progress()).toMatchObject({ good: 3, pendingGood: 0 });
  });

  it('a failed pull clears nothing', async () => {
    await recordEvents(db, 2);
    await pushAndAck();
    publishTotals(2);
    central.failNext = 1;
    expect(await pull()).toMatchObject({ ok: false, kind: 'network' });
    expect(await flags()).toEqual([false, false]);
    expect(await progress()).toMatchObject({ good: 2, pendingGood: 2 });
  });

  it('an acked reversal keeps subtracting until central totals without the reversed record are pulled', async () => {
    const [original] = await recordEvents(db, 1, { payload: () => ({ workOrderId: WO, goodQty: 5, scrapQty: 1 }) });
    await pushAndAck();
    publishTotals(5, 1);
    await pull();
    expect(await progress()).toMatchObject({ good: 5, scrap: 1, pendingGood: 0 });

    await recordEvents(db, 1, {
      payload: () => ({ reversesEventId: original!.id, reason: 'counted twice' }),
    }).then(async ([r]) => db.events.update(r!.id, { type: 'output.reversed' }));
    expect(await progress()).toMatchObject({ good: 0, scrap: 0 });
    await pushAndAck();
    expect(await progress()).toMatchObject({ good: 0, scrap: 0, pendingGood: -5, pendingScrap: -1 });

    publishTotals(0, 0);
    await pull();
    expect(await progress()).toMatchObject({ good: 0, scrap: 0, pendingGood: 0, pendingScrap: 0 });
  });

  it('acked events from before this flag existed count as included (no double count on upgrade)', async () => {
    const [e] = await recordEvents(db, 1);
    await db.events.update(e!.id, { state: 'acked', ackedAt: new Date(timers.now()).toISOString() });
    publishTotals(1);
    await pull();
    expect(await progress()).toMatchObject({ good: 1, pendingGood: 0 });
  });

  it('the local flag never goes on the wire', async () => {
    const [e] = await recordEvents(db, 1);
    await pushAndAck();
    const stored = (await db.events.get(e!.id)) as SyncedOutboxEvent;
    expect(stored.countedInPull).toBe(false);
    expect(Object.keys(toEnvelope(stored))).not.toContain('countedInPull');
  });

  it('through the engine: push, ack, pull of work orders, progress never drops or doubles', async () => {
    // Central commits output into the work order's totals before it answers the push.
    const committing: Pick<TerminalApi, 'central' | 'journal'> = {
      ...central.api,
      central: {
        ...central.api.central,
        push: async (p) => {
          const r = await central.api.central.push(p);
          let good = 0;
          for (const ev of central.stored.values())
            if (ev.type === 'output.recorded' && typeof ev.payload.goodQty === 'number') good += ev.payload.goodQty;
          publishTotals(good);
          return r;
        },
      },
    };
    engine = createSyncEngine({
      api: committing,
      db,
      appVersion: '0.1.0',
      now: timers.now,
      random: () => 0.5,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await recordEvents(db, 7);
    await engine.syncNow();
    expect(await db.events.where('state').equals('acked').count()).toBe(7);
    expect(await flags()).toEqual(Array(7).fill(true));
    expect(await progress()).toMatchObject({ good: 7, pendingGood: 0 });
  });
});
