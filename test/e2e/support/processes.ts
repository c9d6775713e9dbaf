/**
 * Starts the real pieces an end-to-end test needs, each in its own temporary data directory:
 * the central service process, an enrolled browser-mode terminal, socat serial pairs and the
 * `takt sim` simulators. Everything is stopped and removed by `stopAll()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { passFirstArticles } from './quality';

const repo = resolve(import.meta.dirname, '../../..');
const node = process.execPath;
const takt = join(repo, 'bin/takt.mjs');
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
/** Set by ./global-setup.ts: a demo central's data directory that new centrals start from a copy of. */
export const CENTRAL_TEMPLATE_ENV = 'TAKT_E2E_CENTRAL_TEMPLATE';

interface Started {
  proc: ChildProcess;
  output: string[];
}

const running = new Set<ChildProcess>();
const dirs = new Set<string>();

export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `takt-e2e-${prefix}-`));
  dirs.add(d);
  return d;
}

function start(args: string[], env: Record<string, string> = {}): Started {
  const proc = spawn(node, [takt, ...args], {
    cwd: repo,
    env: { ...process.env, LANG: 'es_ES.UTF-8', TAKT_ADMIN_TOKEN: ADMIN_TOKEN, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  const output: string[] = [];
  const collect = (b: Buffer) => output.push(...b.toString('utf8').split('\n'));
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  return { proc, output };
}

/** Resolves with the first capture of `pattern` in the process output; rejects if it exits first. */
function waitForLine(s: Started, pattern: RegExp, what: string, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const check = () => {
      for (const line of s.output) {
        const m = pattern.exec(line);
        if (m) return finish(() => resolvePromise(m[1] ?? m[0]));
      }
      return undefined;
    };
    const onData = () => check();
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`${what} exited (${code}) before ready:\n${s.output.join('\n')}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${what} not ready in ${timeoutMs} ms:\n${s.output.join('\n')}`))),
      timeoutMs,
    );
    function finish(f: () => void) {
      clearTimeout(timer);
      s.proc.stdout?.off('data', onData);
      s.proc.stderr?.off('data', onData);
      s.proc.off('exit', onExit);
      f();
    }
    s.proc.stdout?.on('data', onData);
    s.proc.stderr?.on('data', onData);
    s.proc.on('exit', onExit);
    check();
  });
}

export interface CentralProcess {
  url: string;
  dataDir: string;
  port: number;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export async function startCentralProcess(
  opts: {
    dataDir?: string;
    port?: number;
    /**
     * Output on a work order needs a passed first article (quality, 4.3). Unless a test is about
     * that gate ('pending'), an inspector's first articles are recorded for every demo work order.
     */
    firstArticles?: 'passed' | 'pending';
  } = {},
): Promise<CentralProcess> {
  let dataDir = opts.dataDir;
  if (!dataDir) {
    dataDir = tempDir('central');
    const template = process.env[CENTRAL_TEMPLATE_ENV];
    if (template) cpSync(template, dataDir, { recursive: true });
  }
  const s = start(['central', '--port', String(opts.port ?? 0), '--data', dataDir, '--demo']);
  const url = await waitForLine(s, /Central: (http:\/\/\S+)/, 'central');
  const port = Number(new URL(url).port);
  if ((opts.firstArticles ?? 'passed') === 'passed') await passFirstArticles(url, ADMIN_TOKEN);
  return { url, dataDir, port, proc: s.proc, stop: () => stopProcess(s.proc) };
}

export interface TerminalProcess {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export async function startTerminal(opts: {
  centralUrl: string;
  workstation?: string;
  scanner?: string;
  dataDir?: string;
  /** Extra environment, e.g. the workstation's LANG. */
  env?: Record<string, string>;
  /** Device configs (instruments with their gaugeId...) written into the terminal's config before it starts. */
  devices?: Record<string, unknown>[];
}): Promise<TerminalProcess> {
  const dataDir = opts.dataDir ?? tempDir('terminal');
  const enrol = spawnSync(
    node,
    [takt, 'enrol', '--workstation', opts.workstation ?? 'WS-M1-01', '--central', opts.centralUrl, '--data', dataDir],
    { cwd: repo, env: { ...process.env, TAKT_ADMIN_TOKEN: ADMIN_TOKEN }, encoding: 'utf8' },
  );
  if (enrol.status !== 0) throw new Error(`takt enrol failed: ${enrol.stdout}${enrol.stderr}`);
  if (opts.devices?.length) addDevices(dataDir, opts.devices);
  const args = ['web', '--port', '0', '--central', opts.centralUrl, '--data', dataDir];
  if (opts.scanner) args.push('--scanner', opts.scanner);
  const s = start(args, opts.env);
  const url = await waitForLine(s, /Takt terminal: (http:\/\/\S+)/, 'terminal');
  return { url, dataDir, proc: s.proc, stop: () => stopProcess(s.proc) };
}

/** Adds device configs to `<dataDir>/terminal.json` (written by `takt enrol`), as an administrator would. */
function addDevices(dataDir: string, devices: Record<string, unknown>[]): void {
  const path = join(dataDir, 'terminal.json');
  const config = JSON.parse(readFileSync(path, 'utf8')) as { devices?: Record<string, unknown>[] };
  config.devices = [...(config.devices ?? []), ...devices];
  writeFileSync(path, JSON.stringify(config, null, 2), { mode: 0o600 });
}

export interface SerialPair {
  /** The end the terminal opens. */
  device: string;
  /** The end a simulator writes to. */
  sim: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** A virtual null-modem cable (socat pty pair); `device` and `sim` are symlinks to the two ptys. */
export async function startSerialPair(dir: string, name = 'scanner'): Promise<SerialPair> {
  const device = join(dir, `${name}-dev`);
  const sim = join(dir, `${name}-sim`);
  const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${sim}`], {
    stdio: 'ignore',
  });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  for (let i = 0; i < 200 && !(existsSync(device) && existsSync(sim)); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!existsSync(device) || !existsSync(sim)) throw new Error('socat did not create the pty pair');
  return { device, sim, proc, stop: () => stopProcess(proc) };
}

/** Sends scans through the real simulator CLI (`takt sim scanner`). */
export function simScan(port: string, ...texts: string[]): void {
  const args = [takt, 'sim', 'scanner', '--port', port];
  for (const t of texts) args.push('--send', t);
  const r = spawnSync(node, args, { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`takt sim scanner failed: ${r.stdout}${r.stderr}`);
}

/**
 * Plays an instrument through the real simulator CLI (`takt sim <protocol>`): answers the
 * terminal's polls (or streams) `count` frames of `value`, then exits.
 */
export function simInstrument(protocol: string, port: string, value: string, opts: { count?: number; extra?: string[] } = {}): void {
  const args = [takt, 'sim', protocol, '--port', port, '--value', value, '--count', String(opts.count ?? 3), ...(opts.extra ?? [])];
  const r = spawnSync(node, args, { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`takt sim ${protocol} failed: ${r.stdout}${r.stderr}`);
}

export function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(timer);
      r();
    });
    proc.kill(signal);
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => stopProcess(p)));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

export async function getJson<T>(url: string, token = ADMIN_TOKEN): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
