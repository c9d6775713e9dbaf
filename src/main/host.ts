/**
 * createTerminalHost: the services bundle behind TerminalApi, shared by the Electron window (IPC)
 * and browser mode (WebSocket). It owns the serial hub, the central client, the journal and the
 * terminal config; transports validate parameters with requestSchemas before calling a handler.
 */
import { systemLocale } from './locale';
import type { PushedChannel, PushedEvents, RequestHandlers, Subscribe } from '../shared/api';
import type { DeviceConfig } from '../shared/devices/types';
import { err, ok, type Result } from '../shared/result';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';
import { createCentralClient, type CentralClient } from './central-client';
import { startCentralWatch, type CentralWatchOptions } from './central-watch';
import { isEnrolled, updateConfig, type TerminalConfig } from './config';
import { sharedInstrumentDecoder, type InstrumentDecoder } from './devices/instrument-decoder';
import { listPorts as listSerialPorts, type PortListing } from './devices/ports';
import { createSerialHub, type OpenPort, type ReconnectPolicy } from './devices/serial-hub';
import { openJournal } from './journal';
import { packageVersion } from './paths';
import { createLabelPrinter } from './labels/print';

export interface TerminalHostOptions {
  dataDir: string;
  config: TerminalConfig;
  mode: 'electron' | 'web';
  appVersion?: string;
  systemLocale?: string;
  decode?: InstrumentDecoder;
  openPort?: OpenPort;
  listPorts?: () => Promise<PortListing>;
  fetch?: typeof fetch;
  reconnect?: ReconnectPolicy;
  watchIntervalMs?: number;
  /** Central notices (long poll); `false` turns them off, an object tunes them (tests). */
  centralWatch?: false | Pick<CentralWatchOptions, 'waitMs' | 'retryBaseMs' | 'retryCapMs' | 'notConfiguredMs'>;
  log?: (message: string) => void;
}

export interface TerminalHost {
  handlers: RequestHandlers;
  /** Pushed events (scans, readings, device status) for the transports to forward. */
  subscribe: Subscribe;
  /** The config as it is now (devices:configure changes it). */
  config(): TerminalConfig;
  close(): Promise<void>;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function createTerminalHost(options: TerminalHostOptions): Promise<TerminalHost> {
  const log = options.log ?? (() => undefined);
  let config = options.config;
  const appVersion = options.appVersion ?? packageVersion();
  const locale = options.systemLocale ?? systemLocale();
  const listPorts = options.listPorts ?? (() => listSerialPorts());

  const listeners = new Map<PushedChannel, Set<(data: never) => void>>();
  function emit<C extends PushedChannel>(channel: C, data: PushedEvents[C]): void {
    for (const cb of listeners.get(channel) ?? []) {
      try {
        (cb as (d: PushedEvents[C]) => void)(data);
      } catch (e) {
        log(`host: a ${channel} listener failed: ${describe(e)}`);
      }
    }
  }
  const subscribe: Subscribe = (channel, cb) => {
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
    }
    const entry = cb as (data: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };

  const printLabel = createLabelPrinter();
  const journal = await openJournal({ dataDir: options.dataDir, log });
  if (journal.skippedAtLoad > 0) log(`journal: ${journal.skippedAtLoad} damaged line(s) skipped at start`);

  // Ports whose traffic the device screen's live monitor shows (devices:monitor).
  let monitored = new Set<string>();
  const hub = createSerialHub({
    configs: config.devices,
    onTraffic: (t) => emit('devices:traffic', t),
    wantsTraffic: (portId) => monitored.has(portId),
    onScan: (e) => emit('devices:scan', e),
    onReading: (r) => emit('devices:reading', r),
    onStatus: (s) => emit('devices:status', s),
    decode: options.decode ?? sharedInstrumentDecoder,
    ...(options.openPort ? { openPort: options.openPort } : {}),
    // The same listing the device screen shows finds USB devices that came back on another path.
    listPorts,
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    ...(options.watchIntervalMs ? { watchIntervalMs: options.watchIntervalMs } : {}),
    log,
  });

  let client: CentralClient | null = null;
  const central = (): Result<{ client: CentralClient; terminalId: string }> => {
    if (!isEnrolled(config)) {
      return err('not-configured', 'This terminal is not enrolled with central yet. Run `takt enrol --workstation <WS-ID> --central <URL>`.');
    }
    if (!client || client.baseUrl !== config.centralUrl.replace(/\/+$/, '')) {
      client = createCentralClient({ baseUrl: config.centralUrl, token: config.token, ...(options.fetch ? { fetch: options.fetch } : {}) });
    }
    return ok({ client, terminalId: config.terminalId });
  };

  const guard =
    <P, T>(channel: string, fn: (params: P) => Promise<Result<T>>) =>
    async (params: P): Promise<Result<T>> => {
      try {
        return await fn(params);
      } catch (e) {
        log(`host: ${channel} failed: ${describe(e)}`);
        return err('internal', `${channel} failed: ${describe(e)}`);
      }
    };

  const handlers: RequestHandlers = {
    'app:info': guard('app:info', async () =>
      ok({
        appVersion,
        mode: options.mode,
        terminalId: config.terminalId ?? '',
        workstationId: config.workstationId ?? '',
        centralUrl: config.centralUrl ?? '',
        systemLocale: locale,
      }),
    ),
    'devices:list': guard('devices:list', async () => ok(hub.statuses())),
    'devices:ports': guard('devices:ports', async () => {
      const listing = await listPorts();
      if (listing.message) log(listing.message);
      return ok(listing.ports);
    }),
    'devices:configure': guard('devices:configure', async (configs: DeviceConfig[]) => {
      const ids = new Set<string>();
      for (const c of configs) {
        if (ids.has(c.id)) return err('invalid-request', `Two devices share the id "${c.id}"; each device needs its own id.`);
        ids.add(c.id);
      }
      config = await updateConfig(options.dataDir, (current) => ({ ...current, devices: configs }));
      return ok(await hub.configure(config.devices));
    }),
    'devices:config': guard('devices:config', async () => ok(config.devices)),
    'devices:monitor': guard('devices:monitor', async (p) => {
      monitored = new Set(p.portIds);
      return ok({ portIds: [...monitored] });
    }),
    'devices:test': guard('devices:test', async (p) => hub.testRequest(p.portId)),
    'central:hello': guard('central:hello', async (p) => {
      const c = central();
      if (!c.ok) return c;
      return c.value.client.hello({ protocol: PROTOCOL_VERSION, terminalId: c.value.terminalId, epoch: p.epoch, appVersion: p.appVersion });
    }),
    'central:push': guard('central:push', async (p) => {
      const c = central();
      if (!c.ok) return c;
      return c.value.client.push({ ...p, terminalId: c.value.terminalId });
    }),
    'central:pull': guard('central:pull', async (p) => {
      const c = central();
      if (!c.ok) return c;
      return c.value.client.pull(p);
    }),
    'central:reconcile': guard('central:reconcile', async (p) => {
      const c = central();
      if (!c.ok) return c;
      return c.value.client.reconcile({ ...p, terminalId: c.value.terminalId });
    }),
    'central:fetch': guard('central:fetch', async (p) => {
      const c = central();
      if (!c.ok) return c;
      return c.value.client.fetchPath(p.path);
    }),
    'journal:append': guard('journal:append', async (events) => ok(await journal.append(events))),
    'journal:acknowledge': guard('journal:acknowledge', async (p) => ok(await journal.acknowledge(p))),
    'journal:pending': guard('journal:pending', async () => ok(await journal.pending())),
    'labels:print': guard('labels:print', (p) => printLabel(p)),
  };

  const watch =
    options.centralWatch === false
      ? null
      : startCentralWatch({
          ...options.centralWatch,
          wait: async (after, waitMs, signal) => {
            const c = central();
            if (!c.ok) return c;
            return c.value.client.wait({ after, waitMs }, signal);
          },
          onNotice: (n) => emit('central:notice', n),
          log,
        });

  return {
    handlers,
    subscribe,
    config: () => config,
    async close() {
      await watch?.stop();
      listeners.clear();
      await hub.close();
      await journal.close();
    },
  };
}
