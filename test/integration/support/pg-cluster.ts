/**
 * A private PostgreSQL 15 cluster for a test run or a bench: initdb into a fresh temp dir owned by the
 * `postgres` user, listening on 127.0.0.1 only on a free port, one database per call to
 * createDatabase, stopped and deleted by stop(). Without the binaries: throws when CI is set,
 * otherwise reports why the PostgreSQL variant is skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const PG_BIN = process.env.TAKT_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  port: number;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Why the PostgreSQL variant cannot run here, or null when it can. */
export function pgUnavailableReason(): string | null {
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((b) => !existsSync(join(PG_BIN, b)));
  if (missing.length === 0) return null;
  const reason = `PostgreSQL 15 binaries not found in ${PG_BIN} (missing ${missing.join(', ')}); install the postgresql package`;
  if (process.env.CI) throw new Error(`CI requires the PostgreSQL variant: ${reason}`);
  return reason;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

/**
 * A cluster already listening on 127.0.0.1:`port` (superuser `postgres`, trust), e.g. the one the
 * integration run's global setup started; `stop` is what stopping it means to the caller.
 */
export function pgClusterAt(port: number, stop: () => Promise<void> = async () => undefined): PgCluster {
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}

export async function startPgCluster(): Promise<PgCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'takt-pg-'));
  const data = join(dir, 'data');
  const sockets = join(dir, 'sock');
  const asPostgres = (bin: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]) : run(join(PG_BIN, bin), args);
  let started = false;
  try {
    await run('mkdir', ['-p', sockets]);
    if (asRoot) {
      const { uid, gid } = await postgresIds();
      await chown(dir, uid, gid);
      await chown(sockets, uid, gid);
    }
    await chmod(dir, 0o700);
    await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const port = await freePort();
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    await asPostgres('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    started = true;
    return pgClusterAt(port, async () => {
      try {
        await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  } catch (e) {
    if (started) await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
