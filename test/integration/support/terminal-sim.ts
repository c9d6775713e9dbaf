/**
 * A real terminal running under Node: the renderer's sync engine (createSyncEngine) over a real
 * TaktDb, with a TerminalApi whose central calls go through the main-process central client
 * (src/main/central-client.ts) and whose journal is the main-process journal (src/main/journal.ts)
 * in a temp directory. IndexedDB comes from fake-indexeddb: the test file that uses this module
 * must `import 'fake-indexeddb/auto'` first.
 *
 * The engine is driven with syncNow() (no background timers), so a scenario decides when it
 * syncs and every loop is bounded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TerminalApi } from '../../../src/shared/api';
import { ok } from '../../../src/shared/result';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import type { EventPayload, EventType } from '../../../src/shared/sync/events';
import { createCentralClient, type CentralClient } from '../../../src/main/central-client';
import { openJournal, type Journal } from '../../../src/main/journal';
import { TaktDb, type OutboxEvent } from '../../../src/renderer/data/db';
import { recordAndShip } from '../../../src/renderer/data/record';
import { createSyncEngine, type SyncEngine } from '../../../src/renderer/sync/engine';
import { readQueueCounts } from '../../../src/renderer/sync/outbox';

export interface TerminalSimOptions {
  /** Where central is reached (usually the fault proxy). */
  centralUrl: string;
  token: string;
  terminalId: string;
  workstationId: string;
  operatorId?: string;
  /** Client timeout per request (default 10 s). */
  timeoutMs?: number;
  /** Reuse a journal directory (a restarted terminal); default a fresh temp dir. */
  journalDir?: string;
  /** Reuse a database name (a restarted terminal); default a fresh one. */
  dbName?: string;
}

export interface TerminalSim {
  readonly terminalId: string;
  readonly db: TaktDb;
  readonly engine: SyncEngine;
  readonly client: CentralClient;
  readonly api: Pick<TerminalApi, 'central' | 'journal'>;
  readonly journal: Journal;
  readonly journalDir: string;
  /** Every event recordEvent resolved with (the operator saw "saved"), in order. */
  readonly saved: OutboxEvent[];
  record<T extends EventType>(type: T, payload: EventPayload<T>): Promise<OutboxEvent>;
  /** Records `n` output events (good 1..5, sometimes scrap) on `workOrderId`. */
  recordOutputs(n: number, workOrderId: string): Promise<void>;
  pending(): Promise<number>;
  /**
   * Runs sync cycles until nothing is pending (and the journal holds nothing unsent), at most
   * `maxCycles` times. Returns the number of cycles run; throws when the outbox did not drain.
   */
  drain(maxCycles?: number): Promise<number>;
  close(opts?: { keepFiles?: boolean }): Promise<void>;
}

let dbCounter = 0;

export async function startTerminalSim(opts: TerminalSimOptions): Promise<TerminalSim> {
  const journalDir = opts.journalDir ?? (await mkdtemp(join(tmpdir(), 'takt-term-')));
  const journal = await openJournal({ dataDir: journalDir });
  const client = createCentralClient({ baseUrl: opts.centralUrl, token: opts.token, timeoutMs: opts.timeoutMs ?? 10_000 });
  const db = new TaktDb(opts.dbName ?? `takt-sim-${process.pid}-${++dbCounter}-${Date.now()}`);
  await db.open();

  const api: Pick<TerminalApi, 'central' | 'journal'> = {
    // The same mapping the main-process host does: it adds the protocol and this terminal's id.
    central: {
      hello: (p) => client.hello({ protocol: PROTOCOL_VERSION, terminalId: opts.terminalId, epoch: p.epoch, appVersion: p.appVersion }),
      push: (p) => client.push({ ...p, protocol: PROTOCOL_VERSION, terminalId: opts.terminalId }),
      pull: (p) => client.pull({ stream: p.stream, ...(p.cursor !== undefined ? { cursor: p.cursor } : {}), ...(p.limit !== undefined ? { limit: Number(p.limit) } : {}) }),
      reconcile: (p) => client.reconcile({ ...p, terminalId: opts.terminalId }),
      fetch: (p) => client.fetchPath(p.path),
      // The sim drives its engine by hand (drain); it does not keep a long poll open.
      onNotice: () => () => undefined,
    },
    journal: {
      append: async (events) => ok(await journal.append(events)),
      acknowledge: async (p) => ok(await journal.acknowledge(p)),
      pending: async () => ok(await journal.pending()),
    },
  };

  const engine = createSyncEngine({ api, db, appVersion: 'sim' });
  const saved: OutboxEvent[] = [];
  const journalWrites: Promise<unknown>[] = [];
  const ctx = { terminalId: opts.terminalId, workstationId: opts.workstationId, operatorId: opts.operatorId ?? 'OP-1' };
  const after = {
    appendJournal: (events: Parameters<TerminalApi['journal']['append']>[0]) => {
      const p = api.journal.append(events);
      journalWrites.push(p);
      return p;
    },
    nudge: () => undefined,
    log: (m: string, e?: unknown) => {
      throw new Error(`terminal-sim: ${m} ${String(e)}`);
    },
  };

  let counter = 0;
  const sim: TerminalSim = {
    terminalId: opts.terminalId,
    db,
    engine,
    client,
    api,
    journal,
    journalDir,
    saved,
    async record(type, payload) {
      const e = await recordAndShip(db, ctx, after, type, payload);
      saved.push(e);
      return e;
    },
    async recordOutputs(n, workOrderId) {
      for (let i = 0; i < n; i++) {
        counter++;
        const scrap = counter % 7 === 0 ? 1 : 0;
        await sim.record('output.recorded', {
          workOrderId,
          goodQty: 1 + (counter % 5),
          scrapQty: scrap,
          ...(scrap ? { scrapReason: 'S1' } : {}),
        });
      }
      await Promise.all(journalWrites.splice(0));
    },
    async pending() {
      return (await readQueueCounts(db)).pending;
    },
    async drain(maxCycles = 200) {
      for (let cycle = 1; cycle <= maxCycles; cycle++) {
        await engine.syncNow();
        const left = await sim.pending();
        const unsent = (await journal.pending()).length;
        if (left === 0 && unsent === 0) return cycle;
      }
      throw new Error(`terminal ${opts.terminalId}: outbox not drained after ${maxCycles} sync cycles (${await sim.pending()} pending)`);
    },
    async close(closeOpts = {}) {
      engine.stop();
      await Promise.all(journalWrites.splice(0));
      await journal.close();
      db.close();
      if (!closeOpts.keepFiles) {
        await rm(journalDir, { recursive: true, force: true });
        await db.delete().catch(() => undefined);
      }
    },
  };
  return sim;
}
