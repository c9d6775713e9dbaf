/**
 * The "nothing lost, nothing duplicated" oracle, checked after each fault scenario:
 *  1. the set of event ids central stores for each terminal equals the set the terminal saved
 *     (every event recordEvent resolved with), and nothing is left pending on the terminal;
 *  2. no id is stored twice and no (terminal, epoch, seq) twice;
 *  3. seqs are contiguous (1..n) per (terminal, epoch);
 *  4. the daily report's good/scrap totals equal the sum of the output recorded, per production day.
 * It returns every violation as text, so a failing test shows all of them at once.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { buildCentralApp } from '../../../src/server/app';
import { openDatabase, rowsOf, type Db } from '../../../src/server/db/connect';
import { productionDay } from '../../../src/shared/production-day';
import type { OutboxEvent } from '../../../src/renderer/data/db';

export interface CentralEventRow {
  id: string;
  terminalId: string;
  epoch: string;
  seq: number;
}

export interface CentralSnapshot {
  events: CentralEventRow[];
  /** Rows of `events` minus distinct ids (0 unless the primary key was broken). */
  duplicateIds: number;
  /** (terminal, epoch, seq) held by more than one event. */
  seqCollisions: { terminalId: string; epoch: string; seq: number; n: number }[];
  rejected: number;
}

/** Reads what central holds (run after the scenario, on the database central used). */
export async function snapshotCentral(db: Db): Promise<CentralSnapshot> {
  const events = rowsOf<{ id: string; terminal_id: string; epoch: string; seq: string | number }>(
    await db.execute(sql`SELECT id, terminal_id, epoch, seq FROM events`),
  ).map((r) => ({ id: r.id, terminalId: r.terminal_id, epoch: r.epoch, seq: Number(r.seq) }));
  const [counts] = rowsOf<{ n: string | number; d: string | number }>(
    await db.execute(sql`SELECT count(*) AS n, count(DISTINCT id) AS d FROM events`),
  );
  const seqCollisions = rowsOf<{ terminal_id: string; epoch: string; seq: string | number; n: string | number }>(
    await db.execute(sql`SELECT terminal_id, epoch, seq, count(*) AS n FROM events GROUP BY terminal_id, epoch, seq HAVING count(*) > 1`),
  ).map((r) => ({ terminalId: r.terminal_id, epoch: r.epoch, seq: Number(r.seq), n: Number(r.n) }));
  const [rejected] = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT count(*) AS n FROM rejected_events`));
  return {
    events,
    duplicateIds: Number(counts?.n ?? 0) - Number(counts?.d ?? 0),
    seqCollisions,
    rejected: Number(rejected?.n ?? 0),
  };
}

export interface TerminalRecord {
  terminalId: string;
  saved: OutboxEvent[];
  /** Events still pending on the terminal after the final drain (must be 0). */
  pending: number;
}

export interface DailyTotals {
  good: number;
  scrap: number;
}

export interface OracleInput {
  central: CentralSnapshot;
  terminals: TerminalRecord[];
  /** GET /api/v1/reports/daily?date=... totals. */
  dailyTotals: (date: string) => Promise<DailyTotals>;
  plant: { timezone: string; dayStartsAt: string };
}

export async function checkOracle(input: OracleInput): Promise<string[]> {
  const problems: string[] = [];
  const { central } = input;
  if (central.duplicateIds !== 0) problems.push(`${central.duplicateIds} event id(s) stored more than once`);
  for (const c of central.seqCollisions) problems.push(`seq ${c.seq} of ${c.terminalId}/${c.epoch} stored ${c.n} times`);
  if (central.rejected !== 0) problems.push(`${central.rejected} event(s) rejected by central`);

  const expectedByDay = new Map<string, DailyTotals>();
  for (const t of input.terminals) {
    if (t.pending !== 0) problems.push(`${t.terminalId}: ${t.pending} event(s) still pending`);
    const savedIds = new Set(t.saved.map((e) => e.id));
    if (savedIds.size !== t.saved.length) problems.push(`${t.terminalId}: the terminal saved an id twice`);
    const atCentral = central.events.filter((e) => e.terminalId === t.terminalId);
    const centralIds = new Set(atCentral.map((e) => e.id));
    const lost = [...savedIds].filter((id) => !centralIds.has(id));
    const extra = [...centralIds].filter((id) => !savedIds.has(id));
    if (lost.length > 0) problems.push(`${t.terminalId}: ${lost.length} saved event(s) missing at central, e.g. ${lost[0]}`);
    if (extra.length > 0) problems.push(`${t.terminalId}: ${extra.length} event(s) at central the terminal never saved`);

    const byEpoch = new Map<string, number[]>();
    for (const e of atCentral) byEpoch.set(e.epoch, [...(byEpoch.get(e.epoch) ?? []), e.seq]);
    for (const [epoch, seqs] of byEpoch) {
      seqs.sort((a, b) => a - b);
      const gap = seqs.findIndex((s, i) => s !== i + 1);
      if (gap >= 0) problems.push(`${t.terminalId}/${epoch}: seq not contiguous at position ${gap + 1} (found ${seqs[gap]})`);
    }

    for (const e of t.saved) {
      if (e.type !== 'output.recorded') continue;
      const p = e.payload as { goodQty: number; scrapQty: number };
      const day = productionDay(new Date(Date.parse(e.occurredAt) + e.clockOffsetMs), input.plant.timezone, input.plant.dayStartsAt);
      const sum = expectedByDay.get(day) ?? { good: 0, scrap: 0 };
      expectedByDay.set(day, { good: sum.good + p.goodQty, scrap: sum.scrap + p.scrapQty });
    }
  }
  for (const [day, expected] of expectedByDay) {
    const got = await input.dailyTotals(day);
    if (got.good !== expected.good || got.scrap !== expected.scrap) {
      problems.push(`daily report ${day}: good ${got.good}/scrap ${got.scrap}, recorded good ${expected.good}/scrap ${expected.scrap}`);
    }
  }
  return problems;
}

// ---- the central side of a scenario ------------------------------------------------------------

export const SCENARIO_ADMIN = 'scenario-admin-token-0123456789';
const FIXTURES = new URL('../../fixtures/central/', import.meta.url);
export const FIXTURE_PLANT = { timezone: 'Europe/Madrid', dayStartsAt: '06:00' };

/** A request to central `base` (in process or not) with the scenario admin token; throws unless 2xx. */
export async function adminRequest<T>(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${SCENARIO_ADMIN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Imports the fixture plant and orders (test/fixtures/central) through central's HTTP API. */
export async function seedFixturePlant(base: string): Promise<void> {
  await adminRequest(base, 'POST', '/api/v1/import/plant', JSON.parse(await readFile(new URL('plant.json', FIXTURES), 'utf8')));
  await adminRequest(base, 'POST', '/api/v1/import/orders', JSON.parse(await readFile(new URL('orders-fixed.json', FIXTURES), 'utf8')));
}

export async function enrolScenarioTerminal(base: string, workstationId = 'WS-L1-01'): Promise<{ terminalId: string; token: string; workstationId: string }> {
  const r = await adminRequest<{ terminalId: string; token: string }>(base, 'POST', '/api/v1/terminals', { workstationId, name: `sim ${workstationId}` });
  return { ...r, workstationId };
}

export interface ScenarioCentral {
  url: string;
  db: Db;
  kind: 'pglite' | 'postgres';
  admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Imports the fixture plant and orders (test/fixtures/central). */
  seedPlant(): Promise<void>;
  enrol(workstationId?: string): Promise<{ terminalId: string; token: string; workstationId: string }>;
  dailyTotals(date: string): Promise<DailyTotals>;
  snapshot(): Promise<CentralSnapshot>;
  close(): Promise<void>;
}

/**
 * An in-process central over real HTTP on 127.0.0.1 (PGlite in memory or in `dataDir`, or
 * PostgreSQL at `databaseUrl`), with the database handle kept for the oracle.
 */
export async function startScenarioCentral(
  opts: { dataDir?: string; databaseUrl?: string; port?: number; loadDataDir?: Blob } = {},
): Promise<ScenarioCentral> {
  const database = await openDatabase({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const app = buildCentralApp({ database, adminToken: SCENARIO_ADMIN, logLevel: 'silent', rateLimit: { max: 100_000, timeWindowMs: 60_000 } });
  try {
    await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  } catch (e) {
    await app.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw e;
  }
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => adminRequest<T>(url, method, path, body);
  let closed: Promise<void> | null = null;
  return {
    url,
    db: database.db,
    kind: database.kind,
    admin,
    seedPlant: () => seedFixturePlant(url),
    enrol: (workstationId) => enrolScenarioTerminal(url, workstationId),
    async dailyTotals(date) {
      const r = await admin<{ totals: DailyTotals }>('GET', `/api/v1/reports/daily?date=${date}`);
      return { good: r.totals.good, scrap: r.totals.scrap };
    },
    snapshot: () => snapshotCentral(database.db),
    close() {
      closed ??= (async () => {
        await app.close();
        await database.close();
      })();
      return closed;
    },
  };
}
