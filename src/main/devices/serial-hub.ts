/**
 * Serial hub: opens every configured scanner/instrument port, frames its bytes, and reports scans,
 * readings and port state. A port that fails to open or disappears (USB unplugged, socat killed) is
 * retried with backoff for as long as it stays configured; no port error ever escapes the hub.
 */
import { realpath } from 'node:fs/promises';
import {
  instrumentProfile,
  toHex,
  type DeviceConfig,
  type DeviceState,
  type DeviceStatus,
  type DeviceTestResult,
  type Reading,
  type ScanEvent,
  type TrafficEvent,
  type TrafficParsed,
} from '../../shared/devices/types';
import { err, type Result } from '../../shared/result';
import { splitAimPrefix } from './aim';
import { createInstrumentPort, type InstrumentPort } from './instrument-port';
import { createFramer, type Framer, type FramerEvent } from './framer';
import { noDecoder, toReading, type InstrumentDecoder } from './instrument-decoder';
import { openSerialPort, type OpenPort, type PortHandle } from './port-handle';
import { planOpen, type PortClaim } from './port-identity';
import { listPorts as listSerialPorts, sharedListing, type PortListing } from './ports';

export { openSerialPort, type OpenPort, type PortHandle } from './port-handle';

export interface ReconnectPolicy {
  initialMs: number;
  maxMs: number;
}

export interface SerialHubOptions {
  configs: DeviceConfig[];
  /**
   * How often an open port's path is checked. The OS does not always report a vanished device
   * (a pty whose master died, a USB adapter re-enumerated on another node), so the hub looks.
   */
  watchIntervalMs?: number;
  onScan(e: ScanEvent): void;
  onReading(r: Reading): void;
  onStatus(s: DeviceStatus): void;
  /** Live monitor: every frame received and request sent, for ports where `wantsTraffic` says so. */
  onTraffic?(t: TrafficEvent): void;
  wantsTraffic?(portId: string): boolean;
  decode?: InstrumentDecoder;
  openPort?: OpenPort;
  /** Port listing used to find devices with a USB identity on another path; default: serialport's (udev). */
  listPorts?: () => Promise<PortListing>;
  reconnect?: ReconnectPolicy;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface SerialHub {
  statuses(): DeviceStatus[];
  /** Replaces the configured devices: unchanged ones keep their open port, the rest are reopened. */
  configure(configs: DeviceConfig[]): Promise<DeviceStatus[]>;
  /** Sends an instrument's request command now and waits for the answer (device screen). */
  testRequest(id: string): Promise<Result<DeviceTestResult>>;
  close(): Promise<void>;
}

interface Runner {
  config: DeviceConfig;
  key: string;
  claim(): PortClaim;
  status(): DeviceStatus;
  test(): Promise<Result<DeviceTestResult>>;
  stop(): Promise<void>;
}

export function createSerialHub(options: SerialHubOptions): SerialHub {
  const openPort = options.openPort ?? openSerialPort;
  const decode = options.decode ?? noDecoder;
  const policy = options.reconnect ?? { initialMs: 250, maxMs: 5000 };
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const watchIntervalMs = options.watchIntervalMs ?? 1000;
  const listOnce = sharedListing(options.listPorts ?? (() => listSerialPorts()), watchIntervalMs / 2, log);
  let runners = new Map<string, Runner>();
  const claimsBesides = (id: string): PortClaim[] => [...runners.values()].filter((r) => r.config.id !== id && r.config.enabled).map((r) => r.claim());
  let closed = false;
  let queue: Promise<void> = Promise.resolve();

  const safely = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      log(`serial hub: ${what} listener threw: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  function startRunner(config: DeviceConfig, blockedBy?: string): Runner {
    let state: DeviceState = 'connecting';
    let message: string | undefined;
    let since = now().toISOString();
    let port: PortHandle | null = null;
    // Where the port is (or was last) opened: the saved path, or where its USB identity was found.
    let path = config.path;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let watchTimer: ReturnType<typeof setInterval> | null = null;
    let delay = policy.initialMs;
    let stopped = false;

    const current = (): DeviceStatus => ({
      id: config.id,
      kind: config.kind,
      path,
      state,
      ...(message !== undefined ? { message } : {}),
      since,
    });

    const setState = (next: DeviceState, nextMessage?: string): void => {
      if (next === state && nextMessage === message) return;
      if (next !== state) since = now().toISOString();
      state = next;
      message = nextMessage;
      const s = current();
      safely('status', () => options.onStatus(s));
    };

    const traffic = (direction: 'rx' | 'tx', raw: string, parsed?: TrafficParsed): void => {
      if (!options.onTraffic || !(options.wantsTraffic?.(config.id) ?? true)) return;
      const t: TrafficEvent = { portId: config.id, direction, hex: toHex(raw), text: raw, at: now().toISOString(), ...(parsed ? { parsed } : {}) };
      safely('traffic', () => options.onTraffic?.(t));
    };

    const profile = instrumentProfile(config);
    const instrument: InstrumentPort | null = profile
      ? createInstrumentPort({
          config,
          profile,
          decode,
          now,
          onReading: (r) => safely('reading', () => options.onReading(r)),
          onTraffic: traffic,
          log,
        })
      : null;

    const onFrame = (e: FramerEvent): void => {
      if (e.type === 'error') {
        log(`serial hub: ${config.id} (${path}): ${e.message}`);
        setState(state, e.message);
        traffic('rx', '', { kind: 'error', code: 'framing', message: e.message });
        return;
      }
      const receivedAt = now().toISOString();
      if (config.kind === 'scanner') {
        const { symbology, data } = splitAimPrefix(e.text);
        const scan: ScanEvent = { portId: config.id, text: data, symbology, source: 'serial', receivedAt };
        safely('scan', () => options.onScan(scan));
        traffic('rx', e.raw, { kind: 'scan', scan });
      } else if (instrument) {
        instrument.frame(e.text, e.raw);
      } else {
        const protocol = config.protocol ?? '';
        let outcome: ReturnType<InstrumentDecoder>;
        try {
          outcome = decode(protocol, e.text, e.raw);
        } catch (err) {
          outcome = { ok: false, error: { code: 'decoder-failed', message: err instanceof Error ? err.message : String(err) } };
        }
        const reading = toReading(outcome, { raw: e.raw, portId: config.id, gaugeId: config.gaugeId ?? null, protocol, receivedAt });
        safely('reading', () => options.onReading(reading));
        traffic('rx', e.raw, { kind: 'reading', reading });
      }
    };
    const framer: Framer = createFramer(config.framing, onFrame);

    const scheduleRetry = (): void => {
      if (stopped || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        connect();
      }, delay);
      // A device known by USB identity is looked for at the watch's pace, wherever it comes back.
      delay = Math.min(delay * 2, config.usb ? Math.min(policy.maxMs, Math.max(watchIntervalMs, policy.initialMs)) : policy.maxMs);
    };

    const describe = (err: Error): string => {
      const code = (err as Error & { code?: string }).code;
      return code ? `${err.message} (${code})` : err.message;
    };

    const stopWatch = (): void => {
      if (watchTimer) clearInterval(watchTimer);
      watchTimer = null;
    };

    const watch = (handle: PortHandle, at: string, device: string | null): void => {
      stopWatch();
      if (device === null) return;
      let checking = false;
      watchTimer = setInterval(() => {
        if (checking) return;
        checking = true;
        realpath(at)
          .then(
            (now) => (now === device ? null : `${at} now points to another device`),
            () => `${at} disappeared`,
          )
          .then((lost) => {
            checking = false;
            if (!lost || stopped || port !== handle) return;
            stopWatch();
            // Report at once and abandon the handle: closing a pty whose other side died can wait
            // forever on a pending write (a poll), and the operator must see the unplug now.
            port = null;
            framer.reset();
            handle.removeAllListeners();
            handle.on('error', () => undefined);
            instrument?.detach(lost);
            setState('disconnected', lost);
            scheduleRetry();
            handle.close(() => undefined);
          })
          .catch(() => {
            checking = false;
          });
      }, watchIntervalMs);
      watchTimer.unref();
    };

    function connect(): void {
      if (stopped) return;
      if (!config.usb) return openAt(config.path);
      void listOnce().then((found) => {
        if (stopped || port) return;
        const plan = planOpen(config, found, claimsBesides(config.id));
        const said = 'wait' in plan ? plan.message : plan.note;
        if (said !== undefined && said !== message) log(`serial hub: ${config.id}: ${said}`);
        if (!('wait' in plan)) return openAt(plan.open, plan.note);
        setState(plan.wait, plan.message);
        scheduleRetry();
      });
    }

    function openAt(target: string, note?: string): void {
      path = target;
      let handle: PortHandle;
      try {
        handle = openPort(target === config.path ? config : { ...config, path: target });
      } catch (e) {
        setState('error', `Cannot open ${target}: ${e instanceof Error ? describe(e) : String(e)}`);
        scheduleRetry();
        return;
      }
      port = handle;
      handle.on('data', (chunk: Buffer) => {
        if (!stopped) framer.push(chunk);
      });
      handle.on('error', (err: Error) => {
        log(`serial hub: ${config.id} (${target}): ${describe(err)}`);
      });
      handle.on('close', (err?: (Error & { disconnected?: boolean }) | null) => {
        // A partial frame at disconnect may be half a barcode: drop it rather than report a wrong scan.
        framer.reset();
        stopWatch();
        handle.removeAllListeners();
        handle.on('error', () => undefined);
        if (port !== handle) return;
        port = null;
        if (stopped) return;
        const reason = err ? `Port closed: ${describe(err)}` : 'Port closed';
        instrument?.detach(reason);
        setState('disconnected', reason);
        scheduleRetry();
      });
      handle.open((err) => {
        if (stopped) {
          if (!err) handle.close();
          return;
        }
        if (err) {
          handle.removeAllListeners();
          handle.on('error', () => undefined);
          if (port === handle) port = null;
          const missing = /ENOENT|no such file/i.test(err.message);
          setState(missing ? 'disconnected' : 'error', missing ? `${target} is not present` : `Cannot open ${target}: ${describe(err)}`);
          scheduleRetry();
          return;
        }
        delay = policy.initialMs;
        setState('connected', note);
        realpath(target).then(
          (device) => {
            if (port === handle && !stopped) watch(handle, target, device);
          },
          () => undefined,
        );
        const lines = config.settings.rtscts ? { dtr: config.settings.dtr } : { dtr: config.settings.dtr, rts: config.settings.rts };
        // Pseudo-terminals and some USB-CDC adapters have no modem lines; that is not an error.
        handle.set(lines, (setErr) => {
          if (setErr) log(`serial hub: ${config.id}: could not set DTR/RTS: ${setErr.message}`);
        });
        instrument?.attach((bytes) => {
          if (port !== handle || !handle.isOpen) throw new Error(`${target} is not open`);
          handle.write(Buffer.from(bytes, 'latin1'), (writeErr) => {
            if (writeErr) log(`serial hub: ${config.id}: write failed: ${writeErr.message}`);
          });
        });
      });
    }

    if (blockedBy) {
      state = 'error';
      message = `${config.path} is already used by device "${blockedBy}"`;
    } else if (!config.enabled) {
      state = 'disabled';
    } else {
      connect();
    }

    return {
      config,
      key: JSON.stringify(config),
      claim: () => ({ id: config.id, openPath: port ? path : null, savedPath: config.path, usb: config.usb }),
      status: current,
      test() {
        if (!instrument) return Promise.resolve(err('invalid-request', `${config.id} is not an instrument with a known protocol; it has no request to send.`));
        return instrument.test();
      },
      async stop() {
        stopped = true;
        instrument?.detach('The device was reconfigured or the terminal is closing.');
        stopWatch();
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        framer.reset();
        const handle = port;
        port = null;
        if (handle?.isOpen) {
          await new Promise<void>((resolve) => {
            handle.close(() => resolve());
          });
        }
        handle?.removeAllListeners();
        handle?.on('error', () => undefined);
      },
    };
  }

  function build(configs: DeviceConfig[], keep: Map<string, Runner>): Map<string, Runner> {
    const next = new Map<string, Runner>();
    const pathOwners = new Map<string, string>();
    for (const config of configs) {
      if (next.has(config.id)) continue;
      const owner = config.enabled ? pathOwners.get(config.path) : undefined;
      if (config.enabled && !owner) pathOwners.set(config.path, config.id);
      const existing = keep.get(config.id);
      if (existing && existing.key === JSON.stringify(config) && !owner) {
        next.set(config.id, existing);
        keep.delete(config.id);
      } else {
        next.set(config.id, startRunner(config, owner));
      }
    }
    return next;
  }

  runners = build(options.configs, new Map());

  return {
    statuses: () => [...runners.values()].map((r) => r.status()),
    testRequest(id) {
      const runner = runners.get(id);
      if (!runner) return Promise.resolve(err('not-found', `No device "${id}" is configured.`));
      return runner.test();
    },
    configure(configs) {
      const run = async (): Promise<DeviceStatus[]> => {
        if (closed) return [];
        const wanted = new Map(configs.map((c) => [c.id, JSON.stringify(c)]));
        const keep = new Map<string, Runner>();
        const stopping: Promise<void>[] = [];
        for (const [id, r] of runners) {
          if (wanted.get(id) === r.key) keep.set(id, r);
          else stopping.push(r.stop());
        }
        // Release changed ports before reopening, so a device that moved to a reused path can open it.
        await Promise.all(stopping);
        if (closed) return [];
        runners = build(configs, keep);
        await Promise.all([...keep.values()].map((r) => r.stop()));
        return [...runners.values()].map((r) => r.status());
      };
      const result = queue.then(run, run);
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    async close() {
      closed = true;
      await queue;
      const all = [...runners.values()];
      runners = new Map();
      await Promise.all(all.map((r) => r.stop()));
    },
  };
}
