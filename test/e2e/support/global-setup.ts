/**
 * Once before the end-to-end tests: a central data directory made by a real `takt central --demo`
 * that has run and stopped cleanly. Each test's central starts from a copy of it (see
 * startCentralProcess), as a restarted central would, instead of paying PGlite's first start
 * (initdb and every migration, about 6 s) again. The first start itself is tested in
 * test/integration/central-http.test.ts and src/main/bootstrap.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CENTRAL_TEMPLATE_ENV, startCentralProcess } from './processes';

export default async function globalSetup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'takt-e2e-template-'));
  const dataDir = join(dir, 'central');
  try {
    const central = await startCentralProcess({ dataDir, firstArticles: 'pending' });
    await central.stop();
    if (central.proc.exitCode !== 0) throw new Error(`the template central exited with ${central.proc.exitCode ?? central.proc.signalCode}`);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  process.env[CENTRAL_TEMPLATE_ENV] = dataDir;
  return () => rmSync(dir, { recursive: true, force: true });
}
