import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deviceConfigSchema,
  type DeviceConfigInput,
  type DeviceStatus,
  type PortInfo,
  type ScanEvent,
} from '../../shared/devices/types';
import type { PortListing } from './ports';
import { createSerialHub, type PortHandle, type SerialHub } from './serial-hub';

/** A USB serial adapter as the hub sees it: opens only while plugged in at its path. */
class FakePort extends EventEmitter implements PortHandle {
  isOpen = false;
  constructor(readonly path: string) {
    super();
  }
  open(cb: (err: Error | null) => void): void {
    const here = plugged.some((p) => p.path === this.path);
    this.isOpen = here;
    queueMicrotask(() => cb(here ? null : new Error(`Error: No such file or directory, cannot open ${this.path}`)));
  }
  close(cb?: (err: Error | null) => void): void {
    this.isOpen = false;
    queueMicrotask(() => cb?.(null));
  }
  set(_o: unknown, cb: (err: Error | null) => void): void {
    cb(null);
  }
  write(_data: Buffer, cb?: (err: Error | null | undefined) => void): boolean {
    cb?.(null);
    return true;
  }
  /** The cable is pulled: the port closes and its path leaves the listing. */
  pull(): void {
    plugged = plugged.filter((p) => p.path !== this.path);
    this.isOpen = false;
    this.emit('close', Object.assign(new Error('disconnected'), { disconnected: true }));
  }
}

let plugged: PortInfo[];
let ports: Map<string, FakePort>;
let opened: string[];
let listings: number;
let hub: SerialHub | null;
let statuses: DeviceStatus[];
let scans: ScanEvent[];
let logged: string[];

const usb = (path: string, serialNumber?: string): PortInfo => ({
  path,
  vendorId: '0403',
  productId: '6001',
  ...(serialNumber ? { serialNumber } : {}),
});
const scanner = (input: Partial<DeviceConfigInput>) =>
  deviceConfigSchema.parse({ id: 'scanner-1', kind: 'scanner', path: '/dev/ttyACM0', ...input });

function startHub(
  configs: ReturnType<typeof scanner>[],
  listPorts: () => Promise<PortListing> = () => Promise.resolve({ ports: plugged }),
): SerialHub {
  hub = createSerialHub({
    configs,
    onScan: (s) => scans.push(s),
    onReading: () => undefined,
    onStatus: (s) => statuses.push(s),
    openPort: (config) => {
      opened.push(config.path);
      const port = new FakePort(config.path);
      ports.set(config.path, port);
      return port;
    },
    listPorts: () => {
      listings++;
      return listPorts();
    },
    reconnect: { initialMs: 20, maxMs: 40 },
    watchIntervalMs: 40,
    log: (m) => logged.push(m),
  });
  return hub;
}

const status = (id = 'scanner-1') => hub?.statuses().find((s) => s.id === id);
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 3000, interval: 10 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeEach(() => {
  plugged = [];
  ports = new Map();
  opened = [];
  listings = 0;
  hub = null;
  statuses = [];
  scans = [];
  logged = [];
});

afterEach(async () => {
  await hub?.close();
});

describe('serial hub: devices found again by USB identity', () => {
  it('reconnects a device that came back on another path by vendor, product and serial number, and reports the new path', async () => {
    plugged = [usb('/dev/ttyACM0', 'A1')];
    startHub([scanner({ usb: { vendorId: '0403', productId: '6001', serialNumber: 'A1' } })]);
    await waitFor(() => expect(status()).toMatchObject({ state: 'connected', path: '/dev/ttyACM0' }));
    expect(status()?.message).toBeUndefined();

    ports.get('/dev/ttyACM0')?.pull();
    await waitFor(() => expect(statuses.at(-1)).toMatchObject({ state: 'disconnected', path: '/dev/ttyACM0' }));
    plugged = [usb('/dev/ttyACM1', 'A1')];
    await waitFor(() =>
      expect(status()).toMatchObject({
        state: 'connected',
        path: '/dev/ttyACM1',
        message: 'USB 0403:6001 serial A1 found at /dev/ttyACM1 (saved path /dev/ttyACM0)',
      }),
    );
    expect(logged).toContain(
      'serial hub: scanner-1: USB 0403:6001 serial A1 found at /dev/ttyACM1 (saved path /dev/ttyACM0)',
    );

    ports.get('/dev/ttyACM1')?.emit('data', Buffer.from('LOT-42\r', 'latin1'));
    expect(scans).toMatchObject([{ portId: 'scanner-1', text: 'LOT-42' }]);
  });

  it('does not take a port with the same vendor and product but another serial number', async () => {
    plugged = [usb('/dev/ttyACM1', 'B2')];
    startHub([scanner({ usb: { vendorId: '0403', productId: '6001', serialNumber: 'A1' } })]);
    await waitFor(() => expect(listings).toBeGreaterThanOrEqual(3));
    expect(opened).not.toContain('/dev/ttyACM1');
    expect(status()).toMatchObject({
      state: 'disconnected',
      path: '/dev/ttyACM0',
      message: '/dev/ttyACM0 is not present',
    });
  });

  it('opens only the saved path for a device without a USB identity, and never lists ports for it', async () => {
    plugged = [usb('/dev/ttyACM1', 'A1')];
    startHub([scanner({})]);
    await waitFor(() => expect(opened.length).toBeGreaterThanOrEqual(3));
    expect(new Set(opened)).toEqual(new Set(['/dev/ttyACM0']));
    expect(listings).toBe(0);
    expect(status()).toMatchObject({ state: 'disconnected', message: '/dev/ttyACM0 is not present' });
  });

  it('falls back to the saved path when ports cannot be listed (no udevadm)', async () => {
    plugged = [usb('/dev/ttyACM0', 'A1')];
    startHub([scanner({ usb: { vendorId: '0403', productId: '6001', serialNumber: 'A1' } })], () =>
      Promise.resolve({ ports: [], message: 'Cannot list serial ports: spawn udevadm ENOENT' }),
    );
    await waitFor(() => expect(status()).toMatchObject({ state: 'connected', path: '/dev/ttyACM0' }));
  });

  it('never steals a port another configured device holds by path or by serial number', async () => {
    // scanner-2 has no identity and sits at ttyACM1; scale-1 is known by serial S9 and is unplugged.
    plugged = [usb('/dev/ttyACM1'), usb('/dev/ttyACM7', 'S9')];
    const configs = [
      scanner({ usb: { vendorId: '0403', productId: '6001' } }),
      scanner({ id: 'scanner-2', path: '/dev/ttyACM1' }),
      scanner({
        id: 'scale-1',
        path: '/dev/ttyUSB4',
        usb: { vendorId: '0403', productId: '6001', serialNumber: 'S9' },
      }),
    ];
    startHub(configs);
    await waitFor(() => expect(status('scale-1')).toMatchObject({ state: 'connected', path: '/dev/ttyACM7' }));
    await waitFor(() => expect(status('scanner-2')).toMatchObject({ state: 'connected', path: '/dev/ttyACM1' }));
    await settle();
    expect(status()).toMatchObject({
      state: 'disconnected',
      path: '/dev/ttyACM0',
      message: '/dev/ttyACM0 is not present',
    });
    expect(opened.filter((p) => p !== '/dev/ttyACM0').sort()).toEqual(['/dev/ttyACM1', '/dev/ttyACM7']);
  });

  it('refuses to guess between two ports without serial numbers, and takes the saved path when it is one of them', async () => {
    plugged = [usb('/dev/ttyACM2'), usb('/dev/ttyACM3')];
    startHub([scanner({ usb: { vendorId: '0403', productId: '6001' } })]);
    await waitFor(() => expect(status()).toMatchObject({ state: 'error', path: '/dev/ttyACM0' }));
    expect(status()?.message).toContain(
      '2 ports match USB 0403:6001 (/dev/ttyACM2, /dev/ttyACM3) and none is the saved path /dev/ttyACM0',
    );
    expect(opened).toEqual([]);

    plugged = [usb('/dev/ttyACM0'), usb('/dev/ttyACM3')];
    await waitFor(() => expect(status()).toMatchObject({ state: 'connected', path: '/dev/ttyACM0' }));
    expect(opened).toEqual(['/dev/ttyACM0']);
  });
});
