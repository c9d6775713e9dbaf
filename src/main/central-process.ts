/**
 * Ways to run the embedded central. The CLI runs it in its own process (sources through tsx).
 * The Electron app runs it as a child process — `takt central` under Electron's own Node
 * (ELECTRON_RUN_AS_NODE) — because the bundled main process cannot carry central's migrations
 * and demo files, and a crash of central should not take the window down with it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EmbeddedCentral } from './bootstrap';
import { projectRoot } from './paths';

export interface CentralStartOptions {
  port: number;
  dataDir: string;
  adminToken: string;
  demo: boolean;
  today?: string | undefined;
}

export type CentralStarter = (opts: CentralStartOptions) => Promise<EmbeddedCentral>;

class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
}

/** Runs `takt central` as a child of this process and resolves once it prints its address. */
export function centralChildStarter(opts: { execPath?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): CentralStarter {
  return (start) =>
    new Promise((resolve, reject) => {
      const root = projectRoot();
      const args = [join(root, 'bin', 'takt.mjs'), 'central', '--port', String(start.port), '--data', start.dataDir];
      if (start.demo) args.push('--demo');
      const child = spawn(opts.execPath ?? process.execPath, args, {
        cwd: root,
        env: { ...process.env, ...opts.env, ELECTRON_RUN_AS_NODE: '1', TAKT_ADMIN_TOKEN: start.adminToken },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let errText = '';
      let ready = false;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.stderr.on('data', (c: Buffer) => {
        errText = (errText + c.toString()).slice(-4000);
        for (const l of c.toString().split('\n')) if (l.trim()) opts.log?.(`central: ${l}`);
      });
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /^Central: (\S+) \((pglite|postgres)\)$/m.exec(out);
        if (match && !ready) {
          ready = true;
          const url = match[1] ?? '';
          resolve({
            url,
            port: Number(new URL(url).port),
            database: match[2] === 'postgres' ? 'postgres' : 'pglite',
            async close() {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              await exited;
            },
          });
        }
      });
      child.once('error', (e) => {
        if (!ready) reject(e);
      });
      child.once('exit', (code) => {
        if (ready) return;
        if (/already in use/.test(errText)) reject(new PortInUseError(`Port ${start.port} is already in use.`));
        else reject(new Error(`The embedded central stopped (exit code ${code ?? 'none'}): ${errText.trim().split('\n').slice(-3).join(' ')}`));
      });
    });
}
