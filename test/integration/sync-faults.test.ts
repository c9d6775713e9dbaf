/**
 * Fault injection between a real terminal (renderer sync engine + TaktDb on fake-indexeddb, main
 * process central client and journal) and a real central over HTTP, through the fault proxy.
 * After every scenario the oracle must hold: nothing lost, nothing duplicated, seq contiguous,
 * daily report totals equal to what was recorded. Runs on PGlite and PostgreSQL.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forwardAll, randomPlan, startFaultProxy, type Fault, type FaultKind, type FaultPlan } from './support/fault-proxy';
import { checkOracle, FIXTURE_PLANT, startScenarioCentral, type ScenarioCentral } from './support/oracle';
import { startTerminalSim, type TerminalSim } from './support/terminal-sim';
import { pgUnavailableReason } from './support/pg-cluster';
import { migratedPgliteTemplate, runPgCluster } from './support/run-resources';

type Variant = 'pglite' | 'postgres';
const variants: Variant[] = pgUnavailableReason() ? ['pglite'] : ['pglite', 'postgres'];

async function centralFor(variant: Variant): Promise<ScenarioCentral> {
  if (variant === 'pglite') return startScenarioCentral({ loadDataDir: migratedPgliteTemplate() });
  const url = await runPgCluster().createDatabase(`takt_f_${randomUUID().replace(/-/g, '').slice(0, 16)}`);
  return startScenarioCentral({ databaseUrl: url });
}

interface ScenarioResult {
  problems: string[];
  applied: Record<FaultKind, number>;
  stored: number;
  saved: number;
}

/**
 * One scenario: `terminals` terminals record `rounds` rounds of `perRound` outputs each and sync
 * after every round through the proxy with `plan`; then the faults stop, every terminal drains,
 * and the oracle runs.
 */
async function runScenario(variant: Variant, plan: FaultPlan, opts: { terminals?: number; rounds?: number; perRound?: number } = {}): Promise<ScenarioResult> {
  const central = await centralFor(variant);
  const proxy = await startFaultProxy(central.url, plan);
  const sims: TerminalSim[] = [];
  try {
    await central.seedPlant();
    for (let i = 0; i < (opts.terminals ?? 1); i++) {
      const enrolled = await central.enrol(i % 2 === 0 ? 'WS-L1-01' : 'WS-L2-01');
      sims.push(await startTerminalSim({ centralUrl: proxy.url, token: enrolled.token, terminalId: enrolled.terminalId, workstationId: enrolled.workstationId, timeoutMs: 5_000 }));
    }
    for (let round = 0; round < (opts.rounds ?? 3); round++) {
      await Promise.all(sims.map((s, i) => s.recordOutputs(opts.perRound ?? 200, i % 2 === 0 ? 'PO-1/10' : 'PO-2/10')));
      // Under faults a sync may fail: that is the point. A few cycles each, concurrently.
      await Promise.all(sims.map(async (s) => {
        for (let k = 0; k < 3; k++) await s.engine.syncNow();
      }));
    }
    proxy.setPlan(forwardAll);
    await Promise.all(sims.map((s) => s.drain(50)));
    const problems = await checkOracle({
      central: await central.snapshot(),
      terminals: await Promise.all(sims.map(async (s) => ({ terminalId: s.terminalId, saved: s.saved, pending: await s.pending() }))),
      dailyTotals: (d) => central.dailyTotals(d),
      plant: FIXTURE_PLANT,
    });
    return { problems, applied: { ...proxy.applied }, stored: (await central.snapshot()).events.length, saved: sims.reduce((n, s) => n + s.saved.length, 0) };
  } finally {
    await Promise.all(sims.map((s) => s.close()));
    await proxy.close();
    await central.close();
  }
}

const single: [FaultKind, Fault][] = [
  ['reset', { kind: 'reset' }],
  ['drop-response', { kind: 'drop-response' }],
  ['duplicate', { kind: 'duplicate' }],
  ['delay', { kind: 'delay', ms: 150 }],
  ['reorder', { kind: 'reorder', holdMs: 200 }],
  ['cut-mid-body', { kind: 'cut-mid-body' }],
];

/** Every other sync request gets `fault` (deterministic), the rest pass. */
function everyOther(fault: Fault): FaultPlan {
  let n = 0;
  return (req) => (/^\/sync\//.test(req.path) && n++ % 2 === 0 ? fault : { kind: 'forward' });
}

const FIXED_SEED = 20261126;
const runs = Number(process.env.SYNC_FAULT_RUNS) > 0 ? Number(process.env.SYNC_FAULT_RUNS) : 3;

describe('the oracle', () => {
  const saved = [1, 2, 3].map((seq) => ({
    id: `id-${seq}`,
    terminalId: 'T-1',
    epoch: 'E',
    seq,
    type: 'output.recorded',
    v: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    clockOffsetMs: 0,
    operatorId: 'OP-1',
    workstationId: 'WS-L1-01',
    payload: { workOrderId: 'PO-1/10', goodQty: 2, scrapQty: 0 },
    state: 'acked' as const,
  }));
  const row = (seq: number, id = `id-${seq}`) => ({ id, terminalId: 'T-1', epoch: 'E', seq });

  it('passes a faithful central and names every kind of violation', async () => {
    const totals = async () => ({ good: 6, scrap: 0 });
    const faithful = await checkOracle({
      central: { events: [row(1), row(2), row(3)], duplicateIds: 0, seqCollisions: [], rejected: 0 },
      terminals: [{ terminalId: 'T-1', saved, pending: 0 }],
      dailyTotals: totals,
      plant: FIXTURE_PLANT,
    });
    expect(faithful).toEqual([]);
    const broken = await checkOracle({
      central: { events: [row(1), row(3), row(4, 'ghost')], duplicateIds: 1, seqCollisions: [{ terminalId: 'T-1', epoch: 'E', seq: 3, n: 2 }], rejected: 0 },
      terminals: [{ terminalId: 'T-1', saved, pending: 1 }],
      dailyTotals: async () => ({ good: 4, scrap: 0 }),
      plant: FIXTURE_PLANT,
    });
    expect(broken).toEqual([
      '1 event id(s) stored more than once',
      'seq 3 of T-1/E stored 2 times',
      'T-1: 1 event(s) still pending',
      'T-1: 1 saved event(s) missing at central, e.g. id-2',
      'T-1: 1 event(s) at central the terminal never saved',
      'T-1/E: seq not contiguous at position 2 (found 3)',
      'daily report 2026-11-26: good 4/scrap 0, recorded good 6/scrap 0',
    ]);
  });
});

describe.each(variants)('sync under faults on %s', (variant) => {
  it.each(single)('nothing lost or duplicated with %s', async (kind, fault) => {
    // Reorder needs two pushes in flight: two terminals sync at once through the same proxy.
    const r = await runScenario(variant, everyOther(fault), { terminals: kind === 'reorder' || kind === 'duplicate' ? 2 : 1, rounds: 2, perRound: 300 });
    expect(r.problems).toEqual([]);
    expect(r.applied[kind]).toBeGreaterThan(0);
    expect(r.stored).toBe(r.saved);
  }, 120_000);

  it(`holds for a randomized mix of faults (fast-check, seed ${FIXED_SEED}, ${runs} runs)`, async () => {
    const kinds: FaultKind[] = ['reset', 'drop-response', 'duplicate', 'delay', 'reorder', 'cut-mid-body'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.2, max: 0.7, noNaN: true }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 50, max: 400 }),
        async (planSeed, rate, terminals, perRound) => {
          const r = await runScenario(variant, randomPlan(planSeed, kinds, rate), { terminals, rounds: 2, perRound });
          expect(r.problems).toEqual([]);
        },
      ),
      { seed: FIXED_SEED, numRuns: runs, endOnFailure: true },
    );
  }, 60_000 * Math.max(3, runs));
});
