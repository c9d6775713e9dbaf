import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TaktDb } from '../data/db';
import { createSyncEngine, type SyncEngine } from './engine';
import { toEnvelope } from './outbox';
import { FakeCentral } from './testing/fake-central';
import { ManualTimers, recordEvents, uniqueDbName } from './testing/helpers';
import { resetSyncStatus } from './status-store';

type Op =
  | { kind: 'record'; n: number }
  | { kind: 'fail'; n: number }
  | { kind: 'drop' }
  | { kind: 'duplicate' }
  | { kind: 'sync' }
  | { kind: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), n: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('record' as const), n: fc.integer({ min: 480, max: 620 }) }),
  fc.record({ kind: fc.constant('fail' as const), n: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ kind: 'drop' as const }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'sync' as const }),
  fc.constant({ kind: 'restart' as const }),
);

describe('sync engine property', () => {
  it(
    'after any mix of records, failed requests, lost responses, replays and restarts, central holds exactly the local events',
    { timeout: 240_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), fc.boolean(), async (ops, forgetfulHello) => {
          resetSyncStatus();
          const db = new TaktDb(uniqueDbName());
          const timers = new ManualTimers();
          const central = new FakeCentral(timers.now);
          central.forgetfulHello = forgetfulHello;
          const make = (): SyncEngine =>
            createSyncEngine({ api: central.api, db, appVersion: 'p', now: timers.now, random: () => 0.5, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
          let engine = make();
          try {
            for (const op of ops) {
              switch (op.kind) {
                case 'record': {
                  const events = await recordEvents(db, op.n);
                  central.journal.push(...events.map(toEnvelope)); // what recordEvent mirrors to main
                  engine.nudge();
                  break;
                }
                case 'fail':
                  central.failNext += op.n;
                  break;
                case 'drop':
                  central.dropNextPushes++;
                  break;
                case 'duplicate':
                  central.duplicateNextPushes++;
                  break;
                case 'sync':
                  await engine.syncNow();
                  break;
                case 'restart':
                  engine.stop();
                  engine = make();
                  break;
              }
            }
            // The network heals.
            central.failNext = 0;
            central.dropNextPushes = 0;
            for (let i = 0; i < 5; i++) {
              await engine.syncNow();
              if ((await db.events.where('state').equals('pending').count()) === 0) break;
            }
            const local = await db.events.orderBy('seq').toArray();
            expect(local.every((e) => e.state === 'acked')).toBe(true);
            expect(new Set(central.stored.keys())).toEqual(new Set(local.map((e) => e.id)));
            const stored = [...central.stored.values()];
            expect(new Set(stored.map((e) => `${e.epoch}/${e.seq}`)).size).toBe(stored.length);
            const byEpoch = new Map<string, number[]>();
            for (const e of stored) byEpoch.set(e.epoch, [...(byEpoch.get(e.epoch) ?? []), e.seq]);
            for (const [epoch, seqs] of byEpoch) {
              seqs.sort((a, b) => a - b);
              expect(seqs).toEqual(seqs.map((_, i) => i + 1));
              expect(central.ackedSeq(epoch)).toBe(seqs.length);
            }
            expect(central.journal).toEqual([]);
          } finally {
            engine.stop();
            db.close();
            await db.delete();
          }
        }),
        { numRuns: 30 },
      );
    },
  );
});
