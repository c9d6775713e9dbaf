/**
 * Real central processes (`takt central`, spawned with node): two processes serving one
 * PostgreSQL at once must store every event exactly once and never let a pull cursor skip a row;
 * a central killed with SIGKILL in the middle of a push and restarted on the same data (PGlite
 * directory or PostgreSQL) must leave nothing lost and nothing duplicated.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { enrolOverHttp, runningCentrals, seedOverHttp, spawnCentral, stopCentral } from './support/central-process';
import { startFaultProxy, type FaultPlan } from './support/fault-proxy';
import { checkOracle, FIXTURE_PLANT, SCENARIO_ADMIN, startScenarioCentral } from './support/oracle';
import { pgUnavailableReason } from './support/pg-cluster';
import { runPgCluster } from './support/run-resources';
import { startTerminalSim } from './support/terminal-sim';

const pgSkip = pgUnavailableReason();

afterEach(async () => {
  for (const child of [...runningCentrals]) child.kill('SIGKILL');
});

async function pgDatabase(): Promise<string> {
  return runPgCluster().createDatabase(`takt_p_${randomUUID().replace(/-/g, '').slice(0, 16)}`);
}

async function call<T>(base: string, method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe.skipIf(pgSkip !== null)('two central processes on one PostgreSQL', () => {
  it('store every event exactly once under interleaved, duplicated, concurrent pushes, and pulls never skip a row', async () => {
    const databaseUrl = await pgDatabase();
    // Start both at once: their migrations race on the same empty database.
    const [a, b] = await Promise.all([spawnCentral({ databaseUrl }), spawnCentral({ databaseUrl })]);
    const seed = await startScenarioCentral({ databaseUrl });
    try {
      await seed.seedPlant();
      const t = await seed.enrol('WS-L1-01');
      const epoch = randomUUID();
      const total = 1200;
      const events = Array.from({ length: total }, (_, i) => {
        const seq = i + 1;
        const disruption = seq % 50 === 0;
        return {
          id: uuidv7(),
          terminalId: t.terminalId,
          epoch,
          seq,
          type: disruption ? 'disruption.reported' : 'output.recorded',
          v: 1,
          occurredAt: new Date().toISOString(),
          clockOffsetMs: 0,
          operatorId: 'OP-1',
          workstationId: t.workstationId,
          payload: disruption
            ? { disruptionId: `D-${seq}`, cause: 'supply', lineId: 'L1', description: `falta material ${seq}` }
            : { workOrderId: 'PO-1/10', goodQty: 1 + (seq % 3), scrapQty: 0 },
        };
      });
      const batches: (typeof events)[] = [];
      for (let i = 0; i < total; i += 100) batches.push(events.slice(i, i + 100));
      const push = (base: string, batch: typeof events) =>
        call<{ accepted: number; duplicates: number; ackedSeq: number; rejected: unknown[] }>(base, 'POST', '/sync/v1/push', t.token, {
          protocol: 1,
          terminalId: t.terminalId,
          epoch,
          events: batch,
        });

      // Pullers on both processes follow the notices stream while the pushes run.
      const seenNotices = new Set<string>();
      let stopPulling = false;
      const puller = async (base: string) => {
        let cursor = '0';
        let pulls = 0;
        for (let guard = 0; guard < 10_000; guard++) {
          const r = await call<{ rows: { key: string }[]; cursor: string; hasMore: boolean }>(base, 'GET', `/sync/v1/pull?stream=notices&cursor=${cursor}&limit=7`, t.token);
          expect(r.status).toBe(200);
          for (const row of r.body.rows) seenNotices.add(`${base}|${row.key}`);
          cursor = r.body.cursor;
          pulls++;
          if (!r.body.hasMore && stopPulling) break;
          if (!r.body.hasMore) await new Promise((res) => setTimeout(res, 5));
        }
        return pulls;
      };
      const pullers = [puller(a.url), puller(b.url)];

      // Every batch goes to both processes at once; every other batch is also re-sent later, reversed.
      const answers = await Promise.all(
        batches.map(async (batch, i) => {
          const first = await Promise.all([push(a.url, batch), push(b.url, batch)]);
          const replay = i % 2 === 0 ? [await push(i % 4 === 0 ? b.url : a.url, [...batch].reverse())] : [];
          return [...first, ...replay];
        }),
      );
      stopPulling = true;
      await Promise.all(pullers);

      const flat = answers.flat();
      for (const r of flat) expect(r.status).toBe(200);
      // Exactly once: across every push, each event was accepted by exactly one request.
      expect(flat.reduce((n, r) => n + r.body.accepted, 0)).toBe(total);
      // Every copy sent was counted once, as stored or as a duplicate (all batches hold 100 events).
      expect(flat.reduce((n, r) => n + r.body.accepted + r.body.duplicates, 0)).toBe(flat.length * 100);

      const snap = await seed.snapshot();
      expect(snap.events).toHaveLength(total);
      expect(snap.duplicateIds).toBe(0);
      expect(snap.seqCollisions).toEqual([]);
      const hello = await call<{ acked: { contiguousSeq: number; maxSeq: number; count: number } }>(a.url, 'POST', '/sync/v1/hello', t.token, {
        protocol: 1,
        terminalId: t.terminalId,
        epoch,
        appVersion: 'x',
      });
      expect(hello.body.acked).toEqual({ contiguousSeq: total, maxSeq: total, count: total });

      // No cursor skipped a row: each puller saw every disruption notice the pushes created.
      const expectedKeys = events.filter((e) => e.type === 'disruption.reported').map((e) => `notice:disruption:D-${e.seq}`);
      for (const base of [a.url, b.url]) {
        const missed = expectedKeys.filter((k) => !seenNotices.has(`${base}|${k}`));
        expect(missed).toEqual([]);
      }
      const good = events.filter((e) => e.type === 'output.recorded').reduce((n, e) => n + (e.payload as { goodQty: number }).goodQty, 0);
      const wo = await call<{ totals: { good: number } }>(b.url, 'GET', '/api/v1/work-orders/PO-1%2F10', SCENARIO_ADMIN);
      expect(wo.body.totals.good).toBe(good);

      // One structured log line per push, with its outcome and duration.
      await stopCentral(a);
      await stopCentral(b);
      const logs = [...a.lines, ...b.lines].filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      const pushLogs = logs.filter((l) => l.push === true);
      expect(pushLogs).toHaveLength(flat.length);
      for (const l of pushLogs) {
        expect(l).toMatchObject({ terminalId: t.terminalId, epoch, status: 200 });
        expect(typeof l.accepted).toBe('number');
        expect(typeof l.duplicates).toBe('number');
        expect(typeof l.rejected).toBe('number');
        expect(typeof l.ms).toBe('number');
      }
      expect(pushLogs.reduce((n, l) => n + (l.accepted as number), 0)).toBe(total);
    } finally {
      await seed.close();
      await stopCentral(a, 'SIGKILL');
      await stopCentral(b, 'SIGKILL');
    }
  }, 180_000);
});

const killVariants: ('pglite' | 'postgres')[] = pgSkip ? ['pglite'] : ['pglite', 'postgres'];

describe.each(killVariants)('central killed with SIGKILL mid-push on %s', (variant) => {
  it('restarts on the same data and the terminal ends with nothing lost or duplicated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'takt-kill-'));
    const data = variant === 'pglite' ? { dataDir: join(dir, 'central') } : { databaseUrl: await pgDatabase() };
    let central = await spawnCentral(data);
    let pushes = 0;
    const kill: { done: Promise<void> | null } = { done: null };
    // Kill central a moment after the second push has been handed to it.
    const plan: FaultPlan = (req) => {
      if (req.path.startsWith('/sync/v1/push') && ++pushes === 2) {
        const victim = central;
        kill.done = new Promise((resolve) => setTimeout(() => void stopCentral(victim, 'SIGKILL').then(resolve), 30));
      }
      return { kind: 'forward' };
    };
    const proxy = await startFaultProxy(central.url, plan);
    let sim: Awaited<ReturnType<typeof startTerminalSim>> | null = null;
    try {
      // Seed through the process itself (PGlite allows one process per directory).
      const seedRes = await fetch(`${central.url}/api/v1/health`);
      expect(seedRes.status).toBe(200);
      await seedOverHttp(central.url);
      const enrolled = { body: await enrolOverHttp(central.url) };
      sim = await startTerminalSim({ centralUrl: proxy.url, token: enrolled.body.token, terminalId: enrolled.body.terminalId, workstationId: 'WS-L1-01', timeoutMs: 10_000 });
      await sim.recordOutputs(1600, 'PO-1/10');
      await sim.engine.syncNow(); // pushes until central dies under it
      expect(kill.done).not.toBeNull();
      await kill.done;
      expect(await sim.pending()).toBeGreaterThan(0);

      central = await spawnCentral(data);
      proxy.setTarget(central.url);
      await sim.recordOutputs(100, 'PO-1/10');
      await sim.drain(20);
      await stopCentral(central);

      // The oracle reads the data central left behind.
      const after = await startScenarioCentral(data);
      try {
        const problems = await checkOracle({
          central: await after.snapshot(),
          terminals: [{ terminalId: sim.terminalId, saved: sim.saved, pending: await sim.pending() }],
          dailyTotals: (d) => after.dailyTotals(d),
          plant: FIXTURE_PLANT,
        });
        expect(problems).toEqual([]);
        expect((await after.snapshot()).events).toHaveLength(1700);
      } finally {
        await after.close();
      }
    } finally {
      await sim?.close();
      await proxy.close();
      await stopCentral(central, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
