/**
 * What the integration run's global setup (./global-setup.ts) made for every file: the run's
 * PostgreSQL cluster and the migrated PGlite template.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { pgClusterAt, type PgCluster } from './pg-cluster';

/** The run's cluster. Each file creates its own databases in it; the global setup stops it. */
export function runPgCluster(): PgCluster {
  const port = inject('taktPgPort');
  if (!port) throw new Error('no PostgreSQL cluster for this run: the integration project’s global setup did not start one');
  return pgClusterAt(port);
}

/** A dump of a PGlite data directory with every migration applied, for `openDatabase({ loadDataDir })`. */
export function migratedPgliteTemplate(): Blob {
  return new Blob([readFileSync(inject('taktPgliteTemplate'))]);
}
