/**
 * `takt start`: the desktop app. Runs Electron when its runtime is installed (and a display is
 * there); otherwise says so in one line and serves the same terminal in browser mode.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../../main/config';
import { projectRoot } from '../../main/paths';
import { ensureBuilt } from '../../main/web/build';
import { httpUrl, parse, portNumber } from '../args';
import { line, type CliIo } from '../io';
import { DEFAULT_WEB_PORT, serveBrowserMode } from './web';

export const help = `Usage: takt start [options]

Starts the Takt terminal. With no central configured it also starts an embedded central with the
demo plant and enrols itself. Without an Electron runtime it serves the terminal in browser mode.

Options:
  --data DIR           terminal data directory (default: TAKT_DATA_DIR, else ./.takt)
  --central URL        central service to use instead of the embedded one
  --workstation WS     workstation this terminal serves (default WS-M1-01)
  --port N             browser-mode HTTP port (default ${DEFAULT_WEB_PORT})
  --host ADDR          browser-mode listen address (default 127.0.0.1)
  --browser            use browser mode even where Electron is available
  -h, --help           show this help
`;

/**
 * The Electron executable, if installed. Never require('electron') to find out: when its binary is
 * missing that module tries to download it, which an offline plant PC cannot do.
 */
export function electronExecutable(root = projectRoot(), env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  let relative = 'electron';
  const pathFile = join(pkg, 'path.txt');
  if (existsSync(pathFile)) relative = readFileSync(pathFile, 'utf8').trim();
  else if (!env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(pkg, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux') return true;
  return !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function runElectron(executable: string, root: string, env: Record<string, string>, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    // The Electron main process reads TAKT_DATA_DIR, TAKT_CENTRAL_URL and TAKT_WORKSTATION.
    const child = spawn(executable, [root], { stdio: 'inherit', env: { ...process.env, ...env } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code: number) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (e) => {
      line(io.stderr, `Could not start Electron: ${e.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  });
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    central: { type: 'string' },
    workstation: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    browser: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const dataDir = resolveDataDir({ flag: values.data });
  const centralUrl = httpUrl(values.central, '--central');
  const root = projectRoot();
  const executable = values.browser ? null : electronExecutable(root);

  if (executable && hasDisplay(process.env)) {
    await ensureBuilt({ root, what: 'electron', write: (t) => io.stderr.write(t) });
    const env: Record<string, string> = { TAKT_DATA_DIR: dataDir };
    if (centralUrl) env.TAKT_CENTRAL_URL = centralUrl;
    if (values.workstation) env.TAKT_WORKSTATION = values.workstation;
    return runElectron(executable, root, env, io);
  }
  if (!values.browser) {
    const why = executable ? 'No display available here' : 'Electron runtime not available here';
    line(io.stdout, `${why} — serving Takt in browser mode instead.`);
  }
  return serveBrowserMode(
    {
      dataDir,
      centralUrl,
      workstationId: values.workstation,
      host: values.host ?? '127.0.0.1',
      port: portNumber(values.port, '--port', DEFAULT_WEB_PORT),
      portFallback: values.port === undefined,
    },
    io,
  );
}
