/**
 * Serial hub: opens every configured scanner/instrument port, frames its bytes, and reports scans,
 * readings and port state. A port that fails to open or disappears (USB unplugged, socat killed) is
 * retried with backoff for as long as it stays configured; no port error ever escapes the hub.
 */
import { realpath } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { DeviceConfig, DeviceState, DeviceStatus, Reading, ScanEvent } from '../../shared/devices/types';
import { splitAimPrefix } from './aim';
import { createFramer, type Framer, type FramerEvent } from './framer';
import { noDecoder, toReading, type InstrumentDecoder } from './instrument-decoder';

type Callback = (err: Error | null) => void;

/** The part of serialport's SerialPort the hub uses; tests may inject another implementation. */
export interface PortHandle {
  readonly isOpen: boolean;
  open(cb: Callback): void;
  close(cb?: Callback): void;
  set(options: { dtr?: boolean; rts?: boolean }, cb: Callback): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (err?: (Error & { disconnected?: boolean }) | null) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export type OpenPort = (config: DeviceConfig) => PortHandle;

export const openSerialPort: OpenPort = (config) =>
  new SerialPort({
    path: config.path,
    baudRate: config.settings.baudRate,
    dataBits: config.settings.dataBits,
    parity: config.settings.parity,
    stopBits: config.settings.stopBits,
    rtscts: config.settings.rtscts,
    xon: config.settings.xon,
    xoff: config.settings.xon,
    autoOpen: false,
  });

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
  decode?: InstrumentDecoder;
  openPort?: OpenPort;
  reconnect?: ReconnectPolicy;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface SerialHub {
  statuses(): DeviceStatus[];
  /** Replaces the configured devices: unchanged ones keep their open port, the rest are reopened. */
  configure(configs: DeviceConfig[]): Promise<DeviceStatus[]>;
  close(): Promise<void>;
}

interface Runner {
  config: DeviceConfig;
  key: string;
  status(): DeviceStatus;
  stop(): Promise<void>;
}

export function createSerialHub(options: SerialHubOptions): SerialHub {
  const openPort = options.openPort ?? openSerialPort;
  const decode = options.decode ?? noDecoder;
  const policy = options.reconnect ?? { initialMs: 250, maxMs: 5000 };
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const watchIntervalMs = options.watchIntervalMs ?? 1000;
  let runners = new Map<string, Runner>();
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
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let watchTimer: ReturnType<typeof setInterval> | null = null;
    /** Why we closed the port ourselves, reported instead of the plain close. */
    let lostReason: string | null = null;
    let delay = policy.initialMs;
    let stopped = false;

    const current = (): DeviceStatus => ({
      id: config.id,
      kind: config.kind,
      path: config.path,
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

    const onFrame = (e: FramerEvent): void => {
      if (e.type === 'error') {
        log(`serial hub: ${config.id} (${config.path}): ${e.message}`);
        setState(state, e.message);
        return;
      }
      const receivedAt = now().toISOString();
      if (config.kind === 'scanner') {
        const { symbology, data } = splitAimPrefix(e.text);
        const scan: ScanEvent = { portId: config.id, text: data, symbology, source: 'serial', receivedAt };
        safely('scan', () => options.onScan(scan));
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
      }
    };
    const framer: Framer = createFramer(config.framing, onFrame);

    const scheduleRetry = (): void => {
      if (stopped || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        connect();
      }, delay);
      delay = Math.min(delay * 2, policy.maxMs);
    };

    const describe = (err: Error): string => {
      const code = (err as Error & { code?: string }).code;
      return code ? `${err.message} (${code})` : err.message;
    };

    const stopWatch = (): void => {
      if (watchTimer) clearInterval(watchTimer);
      watchTimer = null;
    };

    const watch = (handle: PortHandle, device: string | null): void => {
      stopWatch();
      if (device === null) return;
      let checking = false;
      watchTimer = setInterval(() => {
        if (checking) return;
        checking = true;
        realpath(config.path)
          .then(
            (now) => (now === device ? null : `${config.path} now points to another device`),
            () => `${config.path} disappeared`,
          )
          .then((lost) => {
            checking = false;
            if (!lost || stopped || port !== handle) return;
            stopWatch();
            lostReason = lost;
            handle.close((err) => {
              // A port that cannot even be closed is abandoned: report it and reopen anyway.
              if (err && port === handle) {
                port = null;
                handle.removeAllListeners();
                handle.on('error', () => undefined);
                setState('disconnected', lost);
                scheduleRetry();
              }
            });
          })
          .catch(() => {
            checking = false;
          });
      }, watchIntervalMs);
      watchTimer.unref();
    };

    function connect(): void {
      if (stopped) return;
      let handle: PortHandle;
      try {
        handle = openPort(config);
      } catch (e) {
        setState('error', `Cannot open ${config.path}: ${e instanceof Error ? describe(e) : String(e)}`);
        scheduleRetry();
        return;
      }
      port = handle;
      handle.on('data', (chunk: Buffer) => {
        if (!stopped) framer.push(chunk);
      });
      handle.on('error', (err: Error) => {
        log(`serial hub: ${config.id} (${config.path}): ${describe(err)}`);
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
        const reason = lostReason ?? (err ? `Port closed: ${describe(err)}` : 'Port closed');
        lostReason = null;
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
          setState(missing ? 'disconnected' : 'error', missing ? `${config.path} is not present` : `Cannot open ${config.path}: ${describe(err)}`);
          scheduleRetry();
          return;
        }
        delay = policy.initialMs;
        lostReason = null;
        setState('connected');
        realpath(config.path).then(
          (device) => {
            if (port === handle && !stopped) watch(handle, device);
          },
          () => undefined,
        );
        const lines = config.settings.rtscts ? { dtr: config.settings.dtr } : { dtr: config.settings.dtr, rts: config.settings.rts };
        // Pseudo-terminals and some USB-CDC adapters have no modem lines; that is not an error.
        handle.set(lines, (setErr) => {
          if (setErr) log(`serial hub: ${config.id}: could not set DTR/RTS: ${setErr.message}`);
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
      status: current,
      async stop() {
        stopped = true;
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
