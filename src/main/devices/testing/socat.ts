/**
 * Test support: a pair of linked pseudo-terminals made by socat, standing in for a serial cable
 * between the terminal (side A) and a scanner or instrument (side B). Used by unit and e2e tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SocatPair {
  /** The terminal's side. */
  a: string;
  /** The device's side. */
  b: string;
  /** Kills socat (both ends vanish, like an unplugged cable) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts socat again on the same link paths. */
  start(): Promise<void>;
}

export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000, stepMs = 20): Promise<void> {
  const attempts = Math.ceil(timeoutMs / stepMs);
  for (let i = 0; i < attempts; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  if (!condition()) throw new Error(`Timed out waiting for ${what}`);
}

export async function createSocatPair(dir: string, name = 'tty'): Promise<SocatPair> {
  const a = join(dir, `${name}A`);
  const b = join(dir, `${name}B`);
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (child) return;
    const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    child = proc;
    proc.on('exit', () => {
      if (child === proc) child = null;
    });
    await waitUntil(() => existsSync(a) && existsSync(b), `socat links ${a} and ${b}`);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null) {
      child = null;
      return;
    }
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    await exited;
    child = null;
    await waitUntil(() => !existsSync(a) && !existsSync(b), 'socat links to disappear');
  };

  await start();
  return { a, b, stop, start };
}
