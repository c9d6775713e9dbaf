/**
 * `takt web`: the terminal in browser mode. Serves the built renderer and the TerminalApi over a
 * WebSocket on 127.0.0.1, against the configured central (or an embedded one when none is set).
 */
import { ensureLocalTerminal } from '../../main/bootstrap';
import { startCentralInProcess } from '../../main/central-in-process';
import { loadConfig, resolveDataDir, saveConfig, type TerminalConfig } from '../../main/config';
import { createTerminalHost } from '../../main/host';
import { rendererOutDir } from '../../main/paths';
import { ensureBuilt } from '../../main/web/build';
import { startWebServer } from '../../main/web/server';
import { deviceConfigSchema } from '../../shared/devices/types';
import { httpUrl, parse, portNumber } from '../args';
import { line, untilSignal, type CliIo } from '../io';

export const DEFAULT_WEB_PORT = 5180;

export const help = `Usage: takt web [options]

Serves the Takt terminal in browser mode and prints its address (with a per-start secret).

Options:
  --port N             HTTP port (default ${DEFAULT_WEB_PORT}; the next free one if taken)
  --host ADDR          address to listen on (default 127.0.0.1; anything else exposes the terminal)
  --central URL        central service to use (enrols with TAKT_ADMIN_TOKEN if needed)
  --data DIR           terminal data directory (default: TAKT_DATA_DIR, else ./.takt)
  --workstation WS     workstation this terminal serves (default WS-M1-01)
  --scanner PATH       add or update a serial scanner on PATH (9600 8N1, CR suffix); repeatable
  -h, --help           show this help

With no central configured, an embedded central with the demo plant starts as well.
`;

export interface ServeOptions {
  dataDir: string;
  centralUrl?: string | undefined;
  workstationId?: string | undefined;
  scanners?: string[];
  host: string;
  port: number;
  /** Fall back to the next free port (only when the port was not given explicitly). */
  portFallback: boolean;
}

/** Adds a scanner device per path (or updates the one already on that path) with scanner defaults. */
export function withScanners(config: TerminalConfig, paths: string[]): TerminalConfig {
  const devices = [...config.devices];
  for (const path of paths) {
    const index = devices.findIndex((d) => d.path === path);
    const usedIds = new Set(devices.map((d) => d.id));
    let id = index >= 0 ? (devices[index]?.id ?? 'scanner-1') : 'scanner-1';
    for (let n = 1; index < 0 && usedIds.has(id); n++) id = `scanner-${n}`;
    const device = deviceConfigSchema.parse({
      id,
      kind: 'scanner',
      path,
      settings: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      framing: { terminator: 'CR' },
    });
    if (index >= 0) devices[index] = device;
    else devices.push(device);
  }
  return { ...config, devices };
}

export async function serveBrowserMode(opts: ServeOptions, io: CliIo): Promise<number> {
  const log = (message: string) => line(io.stderr, message);
  // Listen for Ctrl-C / SIGTERM from the start, so a stop during start-up still closes cleanly.
  const stopped = untilSignal();
  if (opts.scanners && opts.scanners.length > 0) {
    const config = await loadConfig(opts.dataDir);
    await saveConfig(opts.dataDir, withScanners(config, opts.scanners));
  }
  await ensureBuilt({ what: 'renderer', write: (t) => io.stderr.write(t) });

  const local = await ensureLocalTerminal({
    dataDir: opts.dataDir,
    centralUrl: opts.centralUrl,
    workstationId: opts.workstationId,
    startCentral: startCentralInProcess,
    log,
  });
  const host = await createTerminalHost({ dataDir: opts.dataDir, config: local.config, mode: 'web', log });
  let web: Awaited<ReturnType<typeof startWebServer>>;
  try {
    web = await startWebServer({
      host: opts.host,
      port: opts.port,
      portAttempts: opts.portFallback ? 20 : 0,
      handlers: host.handlers,
      subscribe: host.subscribe,
      rendererDir: rendererOutDir(),
      log,
    });
  } catch (e) {
    await host.close();
    await local.central?.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      log(`Port ${opts.port} on ${opts.host} is already in use. Choose another with --port.`);
      return 1;
    }
    throw e;
  }
  if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') {
    log(`Warning: listening on ${opts.host}; other machines on the network can reach this terminal (the secret in the URL is still required).`);
  }
  line(io.stdout, `Takt terminal: ${web.url}`);
  line(io.stdout, `Central: ${local.config.centralUrl ?? '(none)'}${local.central ? ` (embedded, ${local.central.database})` : ''}`);
  line(io.stdout, `Data: ${opts.dataDir}`);
  line(io.stdout, 'Press Ctrl-C to stop.');

  await stopped;
  log('Stopping…');
  await web.close();
  await host.close();
  await local.central?.close();
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    central: { type: 'string' },
    data: { type: 'string' },
    workstation: { type: 'string' },
    scanner: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  return serveBrowserMode(
    {
      dataDir: resolveDataDir({ flag: values.data }),
      centralUrl: httpUrl(values.central, '--central'),
      workstationId: values.workstation,
      scanners: values.scanner ?? [],
      host: values.host ?? '127.0.0.1',
      port: portNumber(values.port, '--port', DEFAULT_WEB_PORT),
      portFallback: values.port === undefined,
    },
    io,
  );
}
