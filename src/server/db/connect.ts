/**
 * Opens central's database: embedded PGlite (a directory, or in memory) by default, PostgreSQL
 * through node-postgres when a URL is given. Both are driven through the same Drizzle API, and
 * the same migrations (./migrate.ts) run on both.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { runMigrations } from './migrate';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface CentralDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir?: string;
  databaseUrl?: string;
  /**
   * In-memory PGlite only: start from this dump of a data directory (`dumpDataDir()`), e.g. one
   * already migrated, instead of running initdb. Migrations still run (and skip what it has).
   */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<CentralDb> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    try {
      const db = drizzlePg({ client: pool }) as unknown as Db;
      await runMigrations(db);
      return { db, kind: 'postgres', close: () => pool.end() };
    } catch (e) {
      await pool.end();
      throw e;
    }
  }
  if (opts.dataDir && opts.loadDataDir) throw new Error('openDatabase: loadDataDir is for an in-memory PGlite, not a data directory');
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  try {
    await client.waitReady;
    const db = drizzlePglite({ client }) as unknown as Db;
    await runMigrations(db);
    return { db, kind: 'pglite', close: () => client.close() };
  } catch (e) {
    await client.close().catch(() => undefined);
    throw e;
  }
}

/** Rows of a raw `execute` result; PGlite and node-postgres both answer `{rows}`. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
