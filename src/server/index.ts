/**
 * The central plan service: `startCentral` opens the database (PGlite or PostgreSQL), applies
 * migrations, loads the demo plant when asked, and serves the sync protocol and the HTTP API.
 */
import type { FastifyInstance } from 'fastify';
import { assertAdminToken, buildCentralApp } from './app';
import { openDatabase } from './db/connect';
import { loadDemo } from './demo';

export { buildCentralApp, type CentralAppDeps } from './app';
export { openDatabase, type CentralDb } from './db/connect';
export { loadDemo, DEMO_DIR } from './demo';

export interface CentralOptions {
  /** 0 = ephemeral; default 4780. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PGlite directory; omitted and no databaseUrl => in-memory PGlite. */
  dataDir?: string;
  databaseUrl?: string;
  adminToken: string;
  demo?: boolean;
  /** YYYY-MM-DD override for the demo's "today" (tests). */
  today?: string;
  /** Default 'info'; 'silent' in tests. */
  logLevel?: string;
}

export interface RunningCentral {
  url: string;
  port: number;
  database: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const DEFAULT_CENTRAL_PORT = 4780;

export async function startCentral(opts: CentralOptions): Promise<RunningCentral> {
  assertAdminToken(opts.adminToken);
  const database = await openDatabase({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
  });
  let app: FastifyInstance | null = null;
  try {
    app = buildCentralApp({ database, adminToken: opts.adminToken, logLevel: opts.logLevel ?? 'info' });
    if (opts.demo) {
      const demo = await loadDemo(database.db, opts.today ? { today: opts.today } : {});
      app.log.info({ today: demo.today, imported: demo.imported }, 'demo plant loaded');
    }
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port ?? DEFAULT_CENTRAL_PORT, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (opts.port ?? DEFAULT_CENTRAL_PORT);
    const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    const running = app;
    let closed: Promise<void> | null = null;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      database: database.kind,
      close: () => {
        closed ??= (async () => {
          await running.close();
          await database.close();
        })();
        return closed;
      },
    };
  } catch (e) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw e;
  }
}
