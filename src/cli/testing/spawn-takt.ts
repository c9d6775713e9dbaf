/**
 * Test support: runs `bin/takt.mjs` with the project's Node, as a user would, and lets a test
 * wait for a line of its output.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../main/paths';

export interface TaktProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching `pattern` (rejects if the process exits first). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function nodeBinary(): string {
  return join(projectRoot(), 'node_modules', '.bin', 'node');
}

export function spawnTakt(args: string[], env: NodeJS.ProcessEnv = {}): TaktProcess {
  const root = projectRoot();
  const child = spawn(nodeBinary(), [join(root, 'bin', 'takt.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let errText = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (errText += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => errText,
    waitForLine(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = out.split('\n').find((l) => pattern.test(l));
          if (found !== undefined) {
            cleanup();
            resolve(found);
            return true;
          }
          return false;
        };
        const onData = () => void check();
        const onExit = () => {
          if (!check()) {
            cleanup();
            reject(new Error(`takt ${args.join(' ')} exited before printing ${String(pattern)}.\nstdout: ${out}\nstderr: ${errText}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out waiting for ${String(pattern)}.\nstdout: ${out}\nstderr: ${errText}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          child.off('exit', onExit);
        };
        child.stdout.on('data', onData);
        child.on('exit', onExit);
        check();
      });
    },
    exited: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}
