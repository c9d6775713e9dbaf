import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/result';
import type { ReconcileRequest } from '../../shared/sync/protocol';
import { TaktDb } from '../data/db';
import { createSyncEngine, RECONCILE_EVERY_MS, type SyncEngine } from './engine';
import { rangeHash } from './reconcile';
import { resetSyncStatus } from './status-store';
import { FakeCentral } from './testing/fake-central';
import { ManualTimers, recordEvents, uniqueDbName } from './testing/helpers';

let db: TaktDb;
let timers: ManualTimers;
let central: FakeCentral;
let engine: SyncEngine;
let reconcileCalls: number;

/** Central answers reconcile from what it really stores, as the real one does. */
function auditingReconcile(): void {
  central.api.central.reconcile = async (p: Omit<ReconcileRequest, 'terminalId'>) => {
    reconcileCalls++;
    const missing: { fromSeq: number; toSeq: number }[] = [];
    for (const r of p.ranges) {
      const ids = [...central.stored.values()]
        .filter((e) => e.epoch === p.epoch && e.seq >= r.fromSeq && e.seq <= r.toSeq)
        .map((e) => e.id);
      if (ids.length !== r.count || (await rangeHash(ids)) !== r.hash) missing.push({ fromSeq: r.fromSeq, toSeq: r.toSeq });
    }
    return ok({ serverTime: new Date(timers.now()).toISOString(), missing });
  };
}

beforeEach(() => {
  resetSyncStatus();
  db = new TaktDb(uniqueDbName());
  timers = new ManualTimers();
  central = new FakeCentral(timers.now);
  reconcileCalls = 0;
  auditingReconcile();
  engine = createSyncEngine({
    api: central.api,
    db,
    appVersion: '0.1.0',
    now: timers.now,
    random: () => 0.5,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
});

afterEach(async () => {
  engine.stop();
  await db.delete();
});

describe('reconcile in the sync engine', () => {
  it('"sync now" re-sends what central lost after its acknowledgement (restored from a backup)', async () => {
    await recordEvents(db, 6);
    await engine.syncNow();
    expect(central.stored.size).toBe(6);
    expect((await db.events.toArray()).every((e) => e.state === 'acked')).toBe(true);

    // Central is restored from an older copy: three acknowledged events are gone.
    const lost = [...central.stored.values()].filter((e) => e.seq >= 2 && e.seq <= 4);
    for (const e of lost) central.stored.delete(e.id);
    expect(central.stored.size).toBe(3);

    await engine.syncNow();
    await vi.waitFor(() => expect(central.stored.size).toBe(6), { timeout: 5000 });
    expect([...central.stored.keys()].sort()).toEqual((await db.events.toArray()).map((e) => e.id).sort());
  });

  it('runs by itself once a day, not on every cycle', { timeout: 20_000 }, async () => {
    engine.start();
    await recordEvents(db, 2);
    engine.nudge();
    timers.advance(100);
    await vi.waitFor(() => expect(central.stored.size).toBe(2), { timeout: 5000 });
    // The first successful cycle of a terminal that never reconciled does.
    await vi.waitFor(() => expect(reconcileCalls).toBeGreaterThan(0), { timeout: 5000 });
    const afterFirst = reconcileCalls;

    // A push an hour later: no reconcile.
    timers.nowMs += 60 * 60_000;
    await recordEvents(db, 1);
    engine.nudge();
    timers.advance(100);
    await vi.waitFor(() => expect(central.stored.size).toBe(3), { timeout: 5000 });
    expect(reconcileCalls).toBe(afterFirst);

    // A day later the next cycle reconciles by itself.
    timers.nowMs += RECONCILE_EVERY_MS;
    await recordEvents(db, 1);
    engine.nudge();
    timers.advance(100);
    await vi.waitFor(() => expect(central.stored.size).toBe(4), { timeout: 5000 });
    await vi.waitFor(() => expect(reconcileCalls).toBeGreaterThan(afterFirst), { timeout: 5000 });
  });
});
