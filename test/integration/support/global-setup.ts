/**
 * Once per integration run, before any file: one private PostgreSQL cluster that every file
 * creates its own databases in, and a PGlite data directory with every migration applied, dumped
 * to a file that each in-memory PGlite starts from. Without them each file ran its own initdb,
 * and each PGlite its own initdb in WebAssembly plus the migrations: about 5 s of CPU apiece.
 * Both are removed when the run ends.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../../src/server/db/migrate';
import { pgUnavailableReason, startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the run's PostgreSQL cluster (superuser `postgres`, trust on 127.0.0.1), or null without PostgreSQL. */
    taktPgPort: number | null;
    /** Path of the migrated PGlite data directory dump. */
    taktPgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'takt-it-'));
  const clusterStarting = pgUnavailableReason() ? null : startPgCluster();
  // Handled here so a failed start is not reported as unhandled while the template is made.
  clusterStarting?.catch(() => undefined);
  const teardown = async () => {
    await clusterStarting?.then((c) => c.stop()).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const template = join(dir, 'pglite-migrated.tar');
    const pglite = new PGlite();
    try {
      await runMigrations(drizzle({ client: pglite }));
      await writeFile(template, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    } finally {
      await pglite.close();
    }
    project.provide('taktPgPort', clusterStarting ? (await clusterStarting).port : null);
    project.provide('taktPgliteTemplate', template);
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
