/**
 * Central restored from an older backup: the terminal's reconcile (src/renderer/sync/reconcile.ts)
 * finds the ranges central lost and re-pushes them from retention; afterwards the oracle holds.
 * PGlite: the data directory is copied before and put back after. PostgreSQL: the database is
 * copied with CREATE DATABASE ... TEMPLATE and central restarts on the copy.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/renderer/sync/reconcile';
import { startFaultProxy } from './support/fault-proxy';
import { checkOracle, FIXTURE_PLANT, startScenarioCentral, type ScenarioCentral } from './support/oracle';
import { pgUnavailableReason } from './support/pg-cluster';
import { runPgCluster } from './support/run-resources';
import { startTerminalSim, type TerminalSim } from './support/terminal-sim';

const variants: ('pglite' | 'postgres')[] = pgUnavailableReason() ? ['pglite'] : ['pglite', 'postgres'];

/** Where central keeps its data, and how to take and restore a backup of it. */
interface Store {
  open(): Promise<ScenarioCentral>;
  backup(): Promise<void>;
  restore(): Promise<void>;
  dispose(): Promise<void>;
}

async function pgliteStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'takt-rec-'));
  const data = join(dir, 'central');
  const saved = join(dir, 'backup');
  return {
    open: () => startScenarioCentral({ dataDir: data }),
    backup: () => cp(data, saved, { recursive: true }),
    async restore() {
      await rm(data, { recursive: true, force: true });
      await cp(saved, data, { recursive: true });
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

async function pgStore(): Promise<Store> {
  const c = runPgCluster();
  const name = `takt_r_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const live = await c.createDatabase(name);
  let url = live;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${c.port}/postgres` });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    open: () => startScenarioCentral({ databaseUrl: url }),
    backup: () => admin(`CREATE DATABASE "${name}_bak" TEMPLATE "${name}"`),
    async restore() {
      url = live.replace(new RegExp(`/${name}$`), `/${name}_bak`);
    },
    dispose: async () => undefined,
  };
}

describe.each(variants)('reconcile after central is restored from a backup on %s', (variant) => {
  it('re-pushes what the backup lacks, and the oracle holds again', async () => {
    const store = variant === 'pglite' ? await pgliteStore() : await pgStore();
    let central = await store.open();
    const proxy = await startFaultProxy(central.url);
    let sim: TerminalSim | null = null;
    try {
      await central.seedPlant();
      const enrolled = await central.enrol();
      sim = await startTerminalSim({ centralUrl: proxy.url, token: enrolled.token, terminalId: enrolled.terminalId, workstationId: enrolled.workstationId });
      await sim.recordOutputs(700, 'PO-1/10');
      await sim.drain(10);

      await central.close();
      await store.backup();
      central = await store.open();
      proxy.setTarget(central.url);
      await sim.recordOutputs(1300, 'PO-1/10');
      await sim.drain(10);
      await central.close();

      await store.restore();
      central = await store.open();
      proxy.setTarget(central.url);
      const c = central;
      const check = async () =>
        checkOracle({
          central: await c.snapshot(),
          terminals: [{ terminalId: sim!.terminalId, saved: sim!.saved, pending: await sim!.pending() }],
          dailyTotals: (d) => c.dailyTotals(d),
          plant: FIXTURE_PLANT,
        });
      // The restored central has lost the last 1300 events: the oracle sees it.
      const before = await check();
      expect(before.some((p) => /1300 saved event\(s\) missing at central/.test(p))).toBe(true);

      const r = await reconcile(sim.api, sim.db);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      // Seqs 701-2000 were lost: both ranges of 1000 differ; what central still had counts as duplicates.
      expect(r.value.missing).toEqual([
        { fromSeq: 1, toSeq: 1000 },
        { fromSeq: 1001, toSeq: 2000 },
      ]);
      expect(r.value).toMatchObject({ ranges: 2, repushed: 2000, accepted: 1300, duplicates: 700 });
      expect(await check()).toEqual([]);
      // A second pass finds nothing to do.
      const again = await reconcile(sim.api, sim.db);
      expect(again.ok && again.value).toMatchObject({ missing: [], repushed: 0 });
    } finally {
      await sim?.close();
      await proxy.close();
      await central.close();
      await store.dispose();
    }
  }, 180_000);
});
