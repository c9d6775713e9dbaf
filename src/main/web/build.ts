/**
 * Makes sure the renderer (and, for Electron, main + preload) has been built by electron-vite.
 * Runs the build once, on first start, printing its progress to stderr.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';

export function builtRendererIndex(root = projectRoot()): string {
  return join(root, 'out', 'renderer', 'index.html');
}

export function isBuilt(root = projectRoot(), what: 'renderer' | 'electron' = 'renderer'): boolean {
  const renderer = existsSync(builtRendererIndex(root));
  if (what === 'renderer') return renderer;
  return renderer && existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'preload', 'index.cjs'));
}

/** Runs `electron-vite build` with this Node; resolves when done, rejects with its output tail. */
export function runElectronViteBuild(root: string, write: (text: string) => void): Promise<void> {
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(bin)) return Promise.reject(new Error(`electron-vite is not installed (${bin} is missing). Run npm install.`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let tail = '';
    const forward = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      write(text);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`electron-vite build failed (${signal ?? `exit code ${code}`}).\n${tail}`));
    });
  });
}

export async function ensureBuilt(opts: { root?: string; what?: 'renderer' | 'electron'; write: (text: string) => void }): Promise<void> {
  const root = opts.root ?? projectRoot();
  if (isBuilt(root, opts.what ?? 'renderer')) return;
  opts.write('Building the Takt terminal UI (first start, this takes a minute)…\n');
  await runElectronViteBuild(root, opts.write);
  if (!isBuilt(root, opts.what ?? 'renderer')) throw new Error(`The build finished but ${builtRendererIndex(root)} is missing.`);
  opts.write('Build complete.\n');
}
