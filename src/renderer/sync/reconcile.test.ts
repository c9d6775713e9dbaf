import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalApi } from '../../shared/api';
import { err, ok } from '../../shared/result';
import type { EventEnvelope } from '../../shared/sync/events';
import { TaktDb } from '../data/db';
import { cutRanges, rangeHash, reconcile, RECONCILE_RANGE_SEQS } from './reconcile';
import { recordEvents, uniqueDbName } from './testing/helpers';


/** Central as reconcile sees it: the ids it holds per seq, and what it was asked and sent. */
class StubCentral {
  held = new Map<number, string>();
  asked: { fromSeq: number; toSeq: number }[] = [];
  pushedBatches: number[] = [];
  offline = false;
  api(): TerminalApi {
    return {
      central: {
        reconcile: async (p: { epoch: string; ranges: { fromSeq: number; toSeq: number; count: number; hash: string }[] }) => {
          if (this.offline) return err('offline', 'unreachable');
          const missing = [];
          for (const r of p.ranges) {
            this.asked.push({ fromSeq: r.fromSeq, toSeq: r.toSeq });
            const ids = [...this.held].filter(([s]) => s >= r.fromSeq && s <= r.toSeq).map(([, id]) => id);
            if (ids.length !== r.count || (await rangeHash(ids)) !== r.hash) missing.push({ fromSeq: r.fromSeq, toSeq: r.toSeq });
          }
          return ok({ serverTime: new Date().toISOString(), missing });
        },
        push: async (p: { events: EventEnvelope[] }) => {
          this.pushedBatches.push(p.events.length);
          let accepted = 0;
          for (const e of p.events) {
            if (!this.held.has(e.seq)) accepted++;
            this.held.set(e.seq, e.id);
          }
          return ok({ serverTime: new Date().toISOString(), accepted, duplicates: p.events.length - accepted, ackedSeq: 0, rejected: [] });
        },
      },
    } as unknown as TerminalApi;
  }
}

let db: TaktDb;
beforeEach(() => {
  db = new TaktDb(uniqueDbName());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function ackAll(): Promise<EventEnvelope[]> {
  await db.events.toCollection().modify({ state: 'acked', ackedAt: '2026-11-26T08:00:00.000Z' });
  return db.events.orderBy('seq').toArray();
}

describe('reconcile', { timeout: 30_000 }, () => {
  it('hashes sorted ids joined by newlines with SHA-256, as central does', async () => {
    const ids = ['0193-b', '0193-a', '0193-c'];
    // Reference values: sha256("0193-a\n0193-b\n0193-c") and sha256("").
    expect(await rangeHash(ids)).toBe('a1152c6255797debd59e10bf18273834a081249ac2fac5db4319cf0e906de25c');
    expect(await rangeHash([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('cuts ranges of at most 1000 seqs and never across a seq it does not hold', () => {
    const ev = (seq: number) => ({ seq, id: `id-${seq}` }) as EventEnvelope;
    const seqs = [...Array.from({ length: 2500 }, (_, i) => i + 1), 2600, 2601];
    const runs = cutRanges(seqs.map(ev));
    expect(runs.map((r) => [r[0]!.seq, r[r.length - 1]!.seq])).toEqual([
      [1, 1000],
      [1001, 2000],
      [2001, 2500],
      [2600, 2601],
    ]);
    expect(RECONCILE_RANGE_SEQS).toBe(1000);
  });

  it('re-pushes exactly the ranges central lost, and nothing when central holds everything', async () => {
    await recordEvents(db, 2300);
    const events = await ackAll();
    const central = new StubCentral();
    for (const e of events) central.held.set(e.seq, e.id);
    const clean = await reconcile(central.api(), db);
    expect(clean).toEqual({ ok: true, value: { ranges: 3, missing: [], repushed: 0, accepted: 0, duplicates: 0 } });

    // Central restored from a backup that lacks seqs 1200-1500.
    for (let s = 1200; s <= 1500; s++) central.held.delete(s);
    const r = await reconcile(central.api(), db);
    expect(r.ok && r.value).toEqual({ ranges: 3, missing: [{ fromSeq: 1001, toSeq: 2000 }], repushed: 1000, accepted: 301, duplicates: 699 });
    expect(central.pushedBatches).toEqual([500, 500]);
    expect(central.held.size).toBe(2300);
    // Local state is untouched.
    expect(await db.events.where('state').equals('acked').count()).toBe(2300);
  });

  it('leaves pending events to the push loop and reports an unreachable central as a failure', async () => {
    await recordEvents(db, 10);
    await db.events.where('seq').belowOrEqual(6).modify({ state: 'acked', ackedAt: '2026-11-26T08:00:00.000Z' });
    const central = new StubCentral();
    const r = await reconcile(central.api(), db);
    expect(r.ok && r.value.missing).toEqual([{ fromSeq: 1, toSeq: 6 }]);
    expect(central.pushedBatches).toEqual([6]);
    central.offline = true;
    const down = await reconcile(central.api(), db);
    expect(down).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
