/**
 * Runs one central per database variant for an integration test file: in-memory PGlite, and a
 * database in the run's private PostgreSQL cluster. Requests go through Fastify's inject.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildCentralApp } from '../../../src/server/app';
import { openDatabase, type CentralDb } from '../../../src/server/db/connect';
import { pgUnavailableReason } from './pg-cluster';
import { migratedPgliteTemplate, runPgCluster } from './run-resources';

export const ADMIN = 'test-admin-token-0123456789';
export const FIXTURES = new URL('../../fixtures/central/', import.meta.url);
export const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as unknown;

export type VariantName = 'pglite' | 'postgres';
const pgSkip = pgUnavailableReason();
if (pgSkip) console.warn(`[takt] PostgreSQL variant skipped: ${pgSkip}`);
/** `describe.each(variants)`: PostgreSQL is left out (with the reason printed) when not installed. */
export const variants: VariantName[] = pgSkip ? ['pglite'] : ['pglite', 'postgres'];

export async function openVariant(variant: VariantName): Promise<CentralDb> {
  if (variant === 'pglite') return openDatabase({ loadDataDir: migratedPgliteTemplate() });
  const url = await runPgCluster().createDatabase(`takt_${randomUUID().replace(/-/g, '').slice(0, 16)}`);
  return openDatabase({ databaseUrl: url });
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface Terminal {
  terminalId: string;
  token: string;
  workstationId: string;
  epoch: string;
  seq: number;
}

export class Harness {
  constructor(
    readonly app: FastifyInstance,
    readonly database: CentralDb,
  ) {}

  static async start(variant: VariantName): Promise<Harness> {
    const database = await openVariant(variant);
    const app = buildCentralApp({ database, adminToken: ADMIN, logLevel: 'silent' });
    await app.ready();
    return new Harness(app, database);
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    url: string,
    opts: { token?: string | null; body?: unknown; contentType?: string; payload?: string | Buffer } = {},
  ): Promise<Reply<T>> {
    const token = opts.token === undefined ? ADMIN : opts.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.contentType) headers['content-type'] = opts.contentType;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(opts.payload !== undefined ? { payload: opts.payload } : opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as T };
  }

  post<T = Record<string, unknown>>(url: string, body: unknown, token?: string | null) {
    return this.request<T>('POST', url, { body, ...(token !== undefined ? { token } : {}) });
  }
  get<T = Record<string, unknown>>(url: string, token?: string | null) {
    return this.request<T>('GET', url, token !== undefined ? { token } : {});
  }

  async importJson(kind: string, body: unknown): Promise<Reply> {
    return this.post(`/api/v1/import/${kind}`, body);
  }

  async importOk(kind: string, body: unknown): Promise<{ imported: number; warnings: string[] }> {
    const r = await this.importJson(kind, body);
    if (r.status !== 200) throw new Error(`import ${kind} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as unknown as { imported: number; warnings: string[] };
  }

  async enrol(workstationId = 'WS-L1-01'): Promise<Terminal> {
    const r = await this.post<{ terminalId: string; token: string }>('/api/v1/terminals', { workstationId, name: `test ${workstationId}` });
    if (r.status !== 201) throw new Error(`enrol failed: ${r.status} ${JSON.stringify(r.body)}`);
    return { ...r.body, workstationId, epoch: randomUUID(), seq: 0 };
  }

  /** Loads the fixture plant and its orders (dates fixed, see test/fixtures/central). */
  async loadPlantAndOrders(): Promise<void> {
    await this.importOk('plant', fixture('plant.json'));
    await this.importOk('orders', fixture('orders-fixed.json'));
  }

  async push(t: Terminal, events: unknown[]) {
    return this.post<{ accepted: number; duplicates: number; ackedSeq: number; rejected: { id: string; reason: string; details: string }[] }>(
      '/sync/v1/push',
      { protocol: 1, terminalId: t.terminalId, epoch: t.epoch, events },
      t.token,
    );
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.close();
  }
}

/** An event envelope from terminal `t` with the next seq (or the given one). */
export function event(t: Terminal, type: string, payload: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const seq = typeof over.seq === 'number' ? over.seq : ++t.seq;
  return {
    id: uuidv7(),
    terminalId: t.terminalId,
    epoch: t.epoch,
    seq,
    type,
    v: 1,
    occurredAt: '2026-11-20T09:00:00.000Z',
    clockOffsetMs: 0,
    operatorId: 'OP-1',
    workstationId: t.workstationId,
    payload,
    ...over,
  };
}
