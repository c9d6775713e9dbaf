import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceConfigSchema, type DeviceConfigInput, type DeviceStatus, type Reading, type ScanEvent } from '../../shared/devices/types';
import { listPorts } from './ports';
import { createSerialHub, type SerialHub } from './serial-hub';
import { createSocatPair, waitUntil, type SocatPair } from './testing/socat';

let dir: string;
let pair: SocatPair;
let hub: SerialHub | null;
let scans: ScanEvent[];
let readings: Reading[];
let statuses: DeviceStatus[];

const device = (input: Partial<DeviceConfigInput> & { path: string }) => deviceConfigSchema.parse({ id: 'scanner-1', kind: 'scanner', ...input });

function startHub(configs: ReturnType<typeof device>[], extra: Partial<Parameters<typeof createSerialHub>[0]> = {}): SerialHub {
  hub = createSerialHub({
    configs,
    onScan: (e) => scans.push(e),
    onReading: (r) => readings.push(r),
    onStatus: (s) => statuses.push(s),
    reconnect: { initialMs: 50, maxMs: 200 },
    watchIntervalMs: 100,
    ...extra,
  });
  return hub;
}

const lastState = (id = 'scanner-1') => statuses.filter((s) => s.id === id).at(-1)?.state;
const send = (path: string, text: string) => writeFile(path, Buffer.from(text, 'latin1'));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-hub-'));
  pair = await createSocatPair(dir);
  scans = [];
  readings = [];
  statuses = [];
  hub = null;
});

afterEach(async () => {
  await hub?.close();
  await pair.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('serial hub on a real pty pair', () => {
  it('turns bytes written on the device side into a ScanEvent with symbology and GS intact', async () => {
    startHub([device({ path: pair.a })]);
    await waitUntil(() => lastState() === 'connected', 'connected');
    expect(statuses.map((s) => s.state)).toEqual(['connected']);
    await send(pair.b, ']C1010950110153000310AB\u001d21XYZ\r');
    await waitUntil(() => scans.length === 1, 'scan');
    expect(scans[0]).toMatchObject({ portId: 'scanner-1', symbology: ']C1', text: '010950110153000310AB\u001d21XYZ', source: 'serial' });
    expect(hub?.statuses()).toMatchObject([{ id: 'scanner-1', state: 'connected', path: pair.a }]);
  });

  it('reports disconnected when socat dies, connected again when it returns, and scans keep flowing', async () => {
    startHub([device({ path: pair.a })]);
    await waitUntil(() => lastState() === 'connected', 'connected');
    await pair.stop();
    await waitUntil(() => lastState() === 'disconnected', 'disconnected');
    await pair.start();
    await waitUntil(() => lastState() === 'connected', 'reconnected', 8000);
    await send(pair.b, 'AFTER\r');
    await waitUntil(() => scans.length === 1, 'scan after reconnect');
    expect(scans[0]?.text).toBe('AFTER');
    expect(statuses.map((s) => s.state)).toContain('disconnected');
  });

  it('keeps retrying a port that is not there yet and connects once it appears', async () => {
    await pair.stop();
    startHub([device({ path: pair.a })]);
    await waitUntil(() => lastState() === 'disconnected', 'disconnected');
    expect(statuses.at(-1)?.message).toContain('not present');
    await pair.start();
    await waitUntil(() => lastState() === 'connected', 'connected', 8000);
    await send(pair.b, 'LATE\r');
    await waitUntil(() => scans.length === 1, 'scan');
    expect(scans[0]?.text).toBe('LATE');
  });

  it('decodes instrument frames with the injected decoder, and reports undecodable ones as error readings', async () => {
    startHub([device({ id: 'scale-1', kind: 'instrument', protocol: 'mt-sics', mode: 'stream', stableCount: 1, gaugeId: 'G-7', path: pair.a, framing: { terminator: 'CRLF' } })], {
      decode: (protocol, frame) =>
        frame.startsWith('S ')
          ? { ok: true, reading: { value: frame.slice(2).trim().split(' ')[0] ?? null, unit: 'g', stable: true, status: 'ok' } }
          : { ok: false, error: { code: 'syntax', message: `bad ${protocol} frame` } },
    });
    await waitUntil(() => lastState('scale-1') === 'connected', 'connected');
    await send(pair.b, 'S   12.340 g\r\nXX\r\n');
    await waitUntil(() => readings.length === 2, 'readings');
    expect(readings[0]).toMatchObject({ value: '12.340', number: 12.34, unit: 'g', stable: true, status: 'ok', raw: 'S   12.340 g\r\n', portId: 'scale-1', gaugeId: 'G-7', protocol: 'mt-sics', accepted: true });
    expect(readings[1]).toMatchObject({ value: null, status: 'error', raw: 'XX\r\n', detail: { decodeError: 'syntax' } });
  });

  it('reconfigures: a disabled device closes its port, and two devices may not share a path', async () => {
    const h = startHub([device({ path: pair.a })]);
    await waitUntil(() => lastState() === 'connected', 'connected');
    const result = await h.configure([device({ path: pair.a, enabled: false }), device({ id: 'scanner-2', path: pair.a })]);
    expect(result.map((s) => [s.id, s.state])).toEqual([
      ['scanner-1', 'disabled'],
      ['scanner-2', 'connecting'],
    ]);
    await waitUntil(() => lastState('scanner-2') === 'connected', 'second device connected');
    await send(pair.b, 'TWO\r');
    await waitUntil(() => scans.length === 1, 'scan');
    expect(scans[0]?.portId).toBe('scanner-2');

    const clash = await h.configure([device({ id: 'scanner-2', path: pair.a }), device({ id: 'scanner-3', path: pair.a })]);
    expect(clash.find((s) => s.id === 'scanner-3')?.state).toBe('error');
    expect(clash.find((s) => s.id === 'scanner-3')?.message).toContain('already used by device "scanner-2"');
    expect(clash.find((s) => s.id === 'scanner-2')?.state).toBe('connected');
  });

  it('survives listeners that throw', async () => {
    startHub([device({ path: pair.a })], {
      onScan: () => {
        throw new Error('listener bug');
      },
      onStatus: (s) => statuses.push(s),
    });
    await waitUntil(() => lastState() === 'connected', 'connected');
    await send(pair.b, 'ONE\r');
    await send(pair.b, 'TWO\r');
    // The hub is still alive: it reports disconnection after the pair goes away.
    await pair.stop();
    await waitUntil(() => lastState() === 'disconnected', 'disconnected');
  });
});

describe('listPorts', () => {
  it('returns no ports and says why when listing fails (no udevadm)', async () => {
    const listing = await listPorts(() => Promise.reject(new Error('spawn udevadm ENOENT')));
    expect(listing.ports).toEqual([]);
    expect(listing.message).toContain('udevadm');
  });

  it('maps what serialport reports', async () => {
    const listing = await listPorts(() => Promise.resolve([{ path: '/dev/ttyACM0', manufacturer: 'Zebra', vendorId: '05e0', productId: '1300', serialNumber: undefined }]));
    expect(listing).toEqual({ ports: [{ path: '/dev/ttyACM0', manufacturer: 'Zebra', vendorId: '05e0', productId: '1300' }] });
  });
});
