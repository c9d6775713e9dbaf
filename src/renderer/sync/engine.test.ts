import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaktDb } from '../data/db';
import { BACKOFF_CAP_MS, backoffDelay, createSyncEngine, type SyncEngine } from './engine';
import { FakeCentral } from './testing/fake-central';
import { ManualTimers, recordEvents, uniqueDbName } from './testing/helpers';
import { getSyncStatus, resetSyncStatus } from './status-store';
import { MAX_PUSH_BYTES } from '../../shared/sync/protocol';
import { toEnvelope } from './outbox';

let db: TaktDb;
let timers: ManualTimers;
let central: FakeCentral;
let engine: SyncEngine;
const engines: SyncEngine[] = [];

function makeEngine(random: () => number = () => 0.75): SyncEngine {
  const e = createSyncEngine({
    api: central.api,
    db,
    appVersion: '0.1.0',
    now: timers.now,
    random,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  engines.push(e);
  return e;
}

const waitFor = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 5000, interval: 5 });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const states = async () => (await db.events.orderBy('seq').toArray()).map((e) => e.state);

beforeEach(() => {
  resetSyncStatus();
  db = new TaktDb(uniqueDbName());
  timers = new ManualTimers();
  central = new FakeCentral(timers.now);
  engine = makeEngine();
});

afterEach(async () => {
  for (const e of engines.splice(0)) e.stop();
  central.offline = true; // anything still running fails fast
  db.close();
  await db.delete();
});

describe('push', { timeout: 20_000 }, () => {
  it('sends 1200 events in seq order, in 3 batches of at most 500, one request in flight', { timeout: 30_000 }, async () => {
    const recorded = await recordEvents(db, 1200);
    await engine.syncNow();
    expect(central.pushes.map((p) => p.seqs.length)).toEqual([500, 500, 200]);
    expect(central.pushes.flatMap((p) => p.seqs)).toEqual(range(1, 1200));
    expect(central.maxInFlight).toBe(1);
    const local = await db.events.toArray();
    expect(local.every((e) => e.state === 'acked' && e.ackedAt === new Date(timers.nowMs).toISOString())).toBe(true);
    expect(central.acknowledgements.at(-1)).toEqual({ epoch: recorded[0]!.epoch, ackedSeq: 1200 });
    expect(getSyncStatus()).toMatchObject({ pending: 0, online: true, syncing: false, lastError: null });
  });

  it('keeps every batch within the byte limit', async () => {
    const big = 'x'.repeat(300_000);
    await recordEvents(db, 7, { payload: () => ({ workOrderId: 'PO-1/10', goodQty: 1, scrapQty: 0, note: big }) });
    await engine.syncNow();
    expect(central.pushes.length).toBeGreaterThanOrEqual(3);
    for (const p of central.pushes) expect(p.bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    expect(central.pushes.flatMap((p) => p.seqs)).toEqual(range(1, 7));
    expect(central.stored.size).toBe(7);
  });

  it('never has two pushes in flight when syncNow and nudge pile up', { timeout: 30_000 }, async () => {
    await recordEvents(db, 700);
    engine.start();
    engine.nudge();
    engine.nudge();
    await Promise.all([engine.syncNow(), engine.syncNow()]);
    timers.advance(100);
    await recordEvents(db, 300);
    engine.nudge();
    timers.advance(100);
    await waitFor(async () => expect(new Set(await states())).toEqual(new Set(['acked'])));
    expect(central.maxInFlight).toBe(1);
    expect(central.stored.size).toBe(1000);
  });

  it('learns from hello what central committed when a response was lost', async () => {
    central.journal = (await recordEvents(db, 30)).map(toEnvelope);
    central.dropNextPushes = 1;
    await engine.syncNow();
    expect(central.stored.size).toBe(30);
    expect(await states()).toEqual(Array(30).fill('pending'));
    await engine.syncNow();
    expect(await states()).toEqual(Array(30).fill('acked'));
    expect([...central.deliveries.values()].every((n) => n === 1)).toBe(true); // hello's acked seq spared the re-send
    expect(central.journal).toEqual([]); // and let the main-process journal drop them
  });

  it('delivers exactly once when responses are lost after central committed', async () => {
    central.forgetfulHello = true;
    await recordEvents(db, 30);
    central.dropNextPushes = 1;
    await engine.syncNow();
    expect(central.stored.size).toBe(30); // committed at central...
    expect(await states()).toEqual(Array(30).fill('pending')); // ...but the terminal did not hear it
    expect(getSyncStatus().online).toBe(false);
    central.duplicateNextPushes = 1;
    await engine.syncNow();
    expect(central.stored.size).toBe(30);
    expect([...central.deliveries.values()].every((n) => n >= 2)).toBe(true);
    expect(await states()).toEqual(Array(30).fill('acked'));
    expect(getSyncStatus()).toMatchObject({ pending: 0, online: true });
  });

  it('marks events central rejects as rejected and keeps pushing the rest', async () => {
    central.rejectIf = (e) => (e.payload['bad'] ? 'invalid-payload' : null);
    await recordEvents(db, 5, { payload: (i) => ({ workOrderId: 'PO-1/10', goodQty: 1, scrapQty: 0, bad: i === 1 }) });
    await engine.syncNow();
    await recordEvents(db, 2);
    await engine.syncNow();
    const events = await db.events.orderBy('seq').toArray();
    expect(events.map((e) => e.state)).toEqual(['acked', 'rejected', 'acked', 'acked', 'acked', 'acked', 'acked']);
    expect(events[1]!.rejectReason).toContain('invalid-payload');
    expect(central.stored.size).toBe(6);
    expect(getSyncStatus()).toMatchObject({ pending: 0, rejected: 1 });
  });

  it('rejects locally an event whose envelope is invalid, without sending it', async () => {
    const [bad] = await recordEvents(db, 1, { workstationId: '' });
    await recordEvents(db, 2);
    await engine.syncNow();
    const stored = await db.events.get(bad!.id);
    expect(stored?.state).toBe('rejected');
    expect(stored?.rejectReason).toContain('workstationId');
    expect(central.deliveries.has(bad!.id)).toBe(false);
    expect(central.stored.size).toBe(2);
  });

  it('isolates the one event that makes central refuse a whole request', async () => {
    central.refuseRequestIf = (events) => (events.some((e) => e.payload['poison']) ? 'malformed event' : null);
    await recordEvents(db, 5, {
      payload: (i) => ({ workOrderId: 'PO-1/10', goodQty: 1, scrapQty: 0, poison: i === 2 }),
    });
    await engine.syncNow();
    expect(await states()).toEqual(['acked', 'acked', 'rejected', 'acked', 'acked']);
    expect(central.stored.size).toBe(4);
  });

  it('marks events central already holds (hello) as acked without re-sending them', async () => {
    const recorded = await recordEvents(db, 10);
    const epoch = recorded[0]!.epoch;
    await central.api.central.push({ protocol: 1, epoch, events: recorded.slice(0, 6).map(toEnvelope) });
    await engine.syncNow();
    expect(central.pushes.map((p) => p.seqs)).toEqual([range(1, 6), range(7, 10)]);
    expect(await states()).toEqual(Array(10).fill('acked'));
  });

  it('raises nextSeq past what central holds when the local counter rolled back', async () => {
    const recorded = await recordEvents(db, 3);
    const epoch = recorded[0]!.epoch;
    const lost = range(4, 20).map((seq) => ({ ...toEnvelope(recorded[0]!), id: crypto.randomUUID(), seq }));
    await central.api.central.push({ protocol: 1, epoch, events: lost });
    await engine.syncNow();
    expect((await db.meta.get('nextSeq'))?.value).toBe(21);
  });
});

describe('backoff and retries', { timeout: 20_000 }, () => {
  it('computes full-jitter delays that grow from 1 s and cap at 60 s', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(1, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.1)).toBe(800);
    expect(backoffDelay(10, () => 0.999)).toBe(59_940);
    expect(backoffDelay(200, () => 0.999)).toBe(59_940);
    expect(backoffDelay(4, () => 0)).toBe(0);
  });

  it('backs off exponentially with jitter, capped, and resets after a success', async () => {
    await recordEvents(db, 3);
    central.offline = true;
    engine.start();
    const expected = [750, 1500, 3000, 6000, 12_000, 24_000, 45_000, 45_000];
    for (const [i, delay] of expected.entries()) {
      await waitFor(() => expect(timers.pendingDelays()).toContain(delay));
      expect(Math.max(...timers.pendingDelays())).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      expect(central.hellos).toHaveLength(0);
      if (i === expected.length - 1) central.offline = false;
      timers.advance(delay);
    }
    await waitFor(async () => expect(await states()).toEqual(['acked', 'acked', 'acked']));
    await waitFor(() => expect(getSyncStatus()).toMatchObject({ syncing: false, online: true, lastError: null }));
    central.offline = true;
    await engine.syncNow();
    await waitFor(() => expect(timers.pendingDelays()).toContain(750)); // back to the first step
  });

  it("waits at least central's Retry-After after a 429, then delivers", async () => {
    await recordEvents(db, 3);
    central.rateLimitNextPushes = 1;
    central.retryAfterMs = 30_000;
    engine.start();
    // Backoff alone would retry after 750 ms (attempt 0 x jitter 0.75); central asked for 30 s.
    await waitFor(() => expect(timers.pendingDelays()).toContain(30_000));
    expect(timers.pendingDelays()).not.toContain(750);
    await waitFor(() => expect(getSyncStatus()).toMatchObject({ online: true, pending: 3, syncing: false }));
    timers.advance(29_000);
    expect(central.pushes).toHaveLength(0);
    timers.advance(1000);
    await waitFor(async () => expect(await states()).toEqual(Array(3).fill('acked')));
    expect(central.stored.size).toBe(3);
  });

  it.each([
    ['the window comes back online', () => window.dispatchEvent(new Event('online'))],
    ['central notices it is reachable again', () => central.notice({ reconnected: true, streams: [] })],
  ])('retries at once, not at the end of the backoff, when %s', async (_when, signal) => {
    await recordEvents(db, 4);
    central.offline = true;
    engine.start();
    for (const delay of [750, 1500, 3000]) {
      await waitFor(() => expect(timers.pendingDelays()).toContain(delay));
      timers.advance(delay);
    }
    await waitFor(() => expect(timers.pendingDelays()).toContain(6000));
    central.offline = false;
    signal();
    await waitFor(async () => expect(await states()).toEqual(Array(4).fill('acked')));
    expect(timers.pendingDelays()).not.toContain(6000);
    expect(central.stored.size).toBe(4);
    await waitFor(() => expect(getSyncStatus()).toMatchObject({ online: true, syncing: false }));
  });

  it("a central notice does not cut short central's own Retry-After", async () => {
    await recordEvents(db, 2);
    central.rateLimitNextPushes = 1;
    central.retryAfterMs = 30_000;
    engine.start();
    await waitFor(() => expect(timers.pendingDelays()).toContain(30_000));
    central.notice({ reconnected: false, streams: ['notices'] });
    await new Promise((r) => setTimeout(r, 50));
    expect(central.pushes).toHaveLength(0);
    timers.advance(30_000);
    await waitFor(async () => expect(await states()).toEqual(['acked', 'acked']));
    // What the notice named is pulled once the pause is over.
    await waitFor(() => expect(central.pulls.some((p) => p.stream === 'notices')).toBe(true));
  });

  it('pulls the streams a central notice names at once, and only those', async () => {
    engine.start();
    await waitFor(() => expect(getSyncStatus().lastSuccessAt).not.toBeNull());
    await waitFor(() => expect(getSyncStatus().syncing).toBe(false));
    const before = central.pulls.length;
    central.notice({ reconnected: false, streams: ['plans', 'notices'] });
    await waitFor(() => expect(central.pulls.length).toBe(before + 2));
    expect(central.pulls.slice(before).map((p) => p.stream).sort()).toEqual(['notices', 'plans']);
    expect(central.pushes).toHaveLength(0);
  });

  it('keeps the streams a notice named when that cycle fails, and pulls them on the retry', async () => {
    engine.start();
    await waitFor(() => expect(getSyncStatus().lastSuccessAt).not.toBeNull());
    await waitFor(() => expect(getSyncStatus().syncing).toBe(false));
    central.offline = true;
    const before = central.pulls.length;
    central.notice({ reconnected: false, streams: ['work-orders'] });
    await waitFor(() => expect(timers.pendingDelays()).toContain(750));
    central.offline = false;
    timers.advance(750);
    await waitFor(() => expect(central.pulls.slice(before).map((p) => p.stream)).toContain('work-orders'));
  });

  it('debounces pushes 100 ms after nudge', async () => {
    engine.start();
    await waitFor(() => expect(getSyncStatus().lastSuccessAt).not.toBeNull());
    await recordEvents(db, 3);
    engine.nudge();
    engine.nudge();
    engine.nudge();
    await waitFor(() => expect(getSyncStatus().pending).toBe(3));
    expect(central.pushes).toHaveLength(0);
    timers.advance(100);
    await waitFor(() => expect(central.pushes).toHaveLength(1));
    expect(central.pushes[0]!.seqs).toEqual([1, 2, 3]);
  });

  it('recreates a wedged loop when nothing is acknowledged for 2 x the max backoff', async () => {
    await recordEvents(db, 5);
    central.hangNextPush = true;
    engine.start();
    await waitFor(() => expect(central.inFlight).toBe(1));
    await waitFor(() => expect(getSyncStatus()).toMatchObject({ online: true, pending: 5 }));
    for (let i = 0; i < 3; i++) {
      timers.advance(30_000);
      expect(central.stored.size).toBe(0);
    }
    timers.advance(30_000); // 120 s without progress
    await waitFor(async () => expect(await states()).toEqual(Array(5).fill('acked')));
    expect(central.stored.size).toBe(5);
  });
});

describe('status', { timeout: 20_000 }, () => {
  it('reports pending, oldest pending, rejected, reachability and the last error', async () => {
    const recorded = await recordEvents(db, 4);
    engine.nudge();
    await waitFor(() =>
      expect(getSyncStatus()).toMatchObject({ pending: 4, rejected: 0, oldestPendingAt: recorded[0]!.occurredAt }),
    );
    central.offline = true;
    await engine.syncNow();
    expect(getSyncStatus()).toMatchObject({ online: false, syncing: false, pending: 4, lastSuccessAt: null });
    expect(getSyncStatus().lastError).toMatch(/unreachable/);
    central.offline = false;
    central.serverClockOffsetMs = 5000;
    await engine.syncNow();
    expect(getSyncStatus()).toMatchObject({
      online: true,
      pending: 0,
      oldestPendingAt: null,
      lastError: null,
      lastSuccessAt: new Date(timers.nowMs).toISOString(),
      clockSkewMs: 5000,
    });
    expect((await db.meta.get('clockOffsetMs'))?.value).toBe(5000);
  });

  it('a local database that fails after a cycle (closed under it) is reported, never an unhandled rejection', async () => {
    // The bookkeeping after a successful cycle reads the last reconcile time: fail it, as a
    // database closed under the engine does (the window closing, a test ending).
    const get = db.meta.get.bind(db.meta);
    vi.spyOn(db.meta, 'get').mockImplementation(((key: string) =>
      key === 'lastReconcileAt' ? Promise.reject(new Error('DatabaseClosedError: Database has been closed')) : get(key)) as typeof db.meta.get);
    await expect(engine.syncNow()).resolves.toBeUndefined();
    expect(getSyncStatus().lastError).toMatch(/Reconcile with central failed: .*Database has been closed/);
  });

  it('smooths small clock changes and follows a stepped clock at once', async () => {
    central.serverClockOffsetMs = 5000;
    await engine.syncNow();
    central.serverClockOffsetMs = 5500;
    await engine.syncNow();
    const smoothed = getSyncStatus().clockSkewMs!;
    expect(smoothed).toBeGreaterThan(5000);
    expect(smoothed).toBeLessThan(5500);
    central.serverClockOffsetMs = 3_600_000;
    await engine.syncNow();
    expect(getSyncStatus().clockSkewMs).toBe(3_600_000);
  });
});

describe('journal restore', { timeout: 20_000 }, () => {
  it('inserts only the events missing from IndexedDB and pushes them', async () => {
    const recorded = await recordEvents(db, 3);
    const base = toEnvelope(recorded[0]!);
    const missing = [4, 5].map((seq) => ({ ...base, id: crypto.randomUUID(), seq }));
    central.journal = [toEnvelope(recorded[0]!), ...missing];
    await engine.syncNow();
    expect(await db.events.count()).toBe(5);
    expect((await db.meta.get('nextSeq'))?.value).toBe(6);
    expect(await states()).toEqual(Array(5).fill('acked'));
    expect(central.stored.size).toBe(5);
    expect(central.journal).toEqual([]);
  });

  it('a wiped database takes over the journal epoch and continues its numbering', async () => {
    const oldEpoch = '01900000-0000-7000-8000-000000000001';
    const mk = (seq: number) => ({
      id: crypto.randomUUID(),
      terminalId: 'T-01',
      epoch: oldEpoch,
      seq,
      type: 'output.recorded',
      v: 1,
      occurredAt: '2026-11-25T10:00:00.000Z',
      clockOffsetMs: 0,
      operatorId: null,
      workstationId: 'WS-1',
      payload: { workOrderId: 'PO-1/10', goodQty: 1, scrapQty: 0 },
    });
    await central.api.central.push({ protocol: 1, epoch: oldEpoch, events: range(1, 6).map(mk) });
    central.journal = range(7, 10).map(mk);
    await engine.syncNow();
    expect((await db.meta.get('epoch'))?.value).toBe(oldEpoch);
    expect((await db.meta.get('nextSeq'))?.value).toBe(11);
    expect(await states()).toEqual(Array(4).fill('acked'));
    expect(central.stored.size).toBe(10);
    expect(central.journal).toEqual([]);
    const [next] = await recordEvents(db, 1);
    expect(next).toMatchObject({ epoch: oldEpoch, seq: 11 });
  });

  it('pushes events of another epoch under their own epoch and seq', async () => {
    const recorded = await recordEvents(db, 2);
    const oldEpoch = '01900000-0000-7000-8000-000000000002';
    const foreign = [1, 2, 3].map((seq) => ({
      ...toEnvelope(recorded[0]!),
      id: crypto.randomUUID(),
      epoch: oldEpoch,
      seq,
    }));
    central.journal = foreign;
    engine.nudge();
    await waitFor(() => expect(getSyncStatus().pending).toBe(2));
    await engine.syncNow();
    // Unique per [epoch+seq]: the old epoch's 1..3 sit next to this epoch's 1..2 in IndexedDB.
    expect(await db.events.count()).toBe(5);
    expect(await db.events.where('epoch').equals(oldEpoch).count()).toBe(3);
    expect(await states()).toEqual(Array(5).fill('acked'));
    expect(central.pushes.find((p) => p.epoch === oldEpoch)?.seqs).toEqual([1, 2, 3]);
    expect(central.stored.size).toBe(5);
    expect(central.journal).toEqual([]);
    expect(getSyncStatus().pending).toBe(0);
  });
});

describe('leadership', { timeout: 20_000 }, () => {
  it('only the window holding the sync lock syncs; the next one takes over when it stops', async () => {
    const held = new Map<string, Promise<unknown>>();
    const locks = {
      request: async (name: string, options: { signal?: AbortSignal }, cb: () => Promise<unknown>) => {
        for (let guard = 0; guard < 100 && held.has(name); guard++) {
          await held.get(name);
          if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        }
        const p = cb();
        held.set(name, p);
        try {
          return await p;
        } finally {
          held.delete(name);
        }
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      await recordEvents(db, 2);
      const second = makeEngine();
      engine.start();
      await waitFor(() => expect(central.hellos).toHaveLength(1));
      second.start();
      await second.syncNow();
      await waitFor(async () => expect(await states()).toEqual(['acked', 'acked']));
      expect(central.hellos).toHaveLength(1);
      await recordEvents(db, 1);
      engine.stop();
      await waitFor(() => expect(central.hellos).toHaveLength(2));
      await second.syncNow();
      expect(await states()).toEqual(['acked', 'acked', 'acked']);
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });
});
