/**
 * The real central process (`takt central`, spawned with the project's Node) for tests and
 * benchmarks that need central in a process of its own: several processes on one database, a
 * SIGKILL mid-push, or a terminal and central that must not share one CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SCENARIO_ADMIN } from './oracle';

// Seeding and enrolling over HTTP work the same for an in-process central and a process.
export { enrolScenarioTerminal as enrolOverHttp, seedFixturePlant as seedOverHttp } from './oracle';

const ROOT = new URL('../../../', import.meta.url);
const NODE = join(ROOT.pathname, 'node_modules/.bin/node');

export interface CentralProcess {
  url: string;
  child: ChildProcess;
  /** Every stdout line so far (pino JSON logs and the banner). */
  lines: string[];
  exited: Promise<number | null>;
}

/** Every central process still running (an afterEach can SIGKILL what a failed test left). */
export const runningCentrals = new Set<ChildProcess>();

export async function spawnCentral(db: { dataDir: string } | { databaseUrl: string }, env: NodeJS.ProcessEnv = {}): Promise<CentralProcess> {
  const args = ['bin/takt.mjs', 'central', '--port', '0', ...('dataDir' in db ? ['--data', db.dataDir] : ['--database-url', db.databaseUrl])];
  const child = spawn(NODE, args, {
    cwd: ROOT.pathname,
    env: { ...process.env, TAKT_ADMIN_TOKEN: SCENARIO_ADMIN, TAKT_RATE_LIMIT_PER_MIN: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  runningCentrals.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      runningCentrals.delete(child);
      resolve(code);
    }),
  );
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start within 60 s: ${stderr}`)), 60_000);
    let buffer = '';
    child.stdout?.on('data', (c: Buffer) => {
      buffer += c.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const m = /^Central: (http:\/\/\S+)/.exec(line);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`central exited (${code}) before it started: ${stderr}`));
    });
  });
  return { url, child, lines, exited };
}

export async function stopCentral(p: CentralProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await p.exited;
  clearTimeout(timer);
}

