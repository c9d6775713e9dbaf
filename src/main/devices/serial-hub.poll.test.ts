import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceConfigSchema, type DeviceConfigInput, type DeviceStatus, type Reading, type TrafficEvent } from '../../shared/devices/types';
import { encodeFrame } from '../../shared/instruments';
import { sharedInstrumentDecoder } from './instrument-decoder';
import { createSerialHub, type PortHandle, type SerialHub } from './serial-hub';

/** An in-memory serial port: records what the hub writes, lets the test play the device. */
class FakePort extends EventEmitter implements PortHandle {
  isOpen = false;
  written: string[] = [];
  open(cb: (err: Error | null) => void): void {
    this.isOpen = true;
    queueMicrotask(() => cb(null));
  }
  close(cb?: (err: Error | null) => void): void {
    this.isOpen = false;
    queueMicrotask(() => {
      this.emit('close', null);
      cb?.(null);
    });
  }
  set(_o: unknown, cb: (err: Error | null) => void): void {
    cb(null);
  }
  write(data: Buffer, cb?: (err: Error | null | undefined) => void): boolean {
    this.written.push(data.toString('latin1'));
    cb?.(null);
    return true;
  }
  /** The device answers. */
  reply(text: string): void {
    this.emit('data', Buffer.from(text, 'latin1'));
  }
  /** The cable is pulled. */
  pull(): void {
    this.isOpen = false;
    this.emit('close', Object.assign(new Error('disconnected'), { disconnected: true }));
  }
}

let port: FakePort;
let hub: SerialHub | null;
let readings: Reading[];
let traffic: TrafficEvent[];
let statuses: DeviceStatus[];

const instrument = (input: Partial<DeviceConfigInput>) =>
  deviceConfigSchema.parse({ id: 'scale-1', kind: 'instrument', path: '/dev/fake0', protocol: 'mt-sics', gaugeId: 'G-BAL-001', ...input });

function startHub(config: ReturnType<typeof instrument>, monitored = true): SerialHub {
  hub = createSerialHub({
    configs: [config],
    onScan: () => undefined,
    onReading: (r) => readings.push(r),
    onStatus: (s) => statuses.push(s),
    onTraffic: (t) => traffic.push(t),
    wantsTraffic: () => monitored,
    decode: sharedInstrumentDecoder,
    openPort: () => port,
    reconnect: { initialMs: 10_000, maxMs: 10_000 },
  });
  return hub;
}

const sics = (value: string, stable = true) => encodeFrame('mt-sics', { value, unit: 'g', stable });
const connected = async () => {
  await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('connected'));
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  port = new FakePort();
  hub = null;
  readings = [];
  traffic = [];
  statuses = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await hub?.close();
});

describe('serial hub: poll-mode instruments', () => {
  it('polls with the protocol command, one request in flight, and reports the answer with gauge id and acceptance', async () => {
    startHub(instrument({ mode: 'poll', pollIntervalMs: 300, stableCount: 2 }));
    await connected();
    expect(port.written).toEqual(['SI\r\n']);
    vi.advanceTimersByTime(250);
    expect(port.written).toHaveLength(1);

    port.reply(sics('12.340'));
    expect(readings).toMatchObject([{ value: '12.340', unit: 'g', status: 'ok', gaugeId: 'G-BAL-001', portId: 'scale-1', accepted: false }]);
    vi.advanceTimersByTime(300);
    expect(port.written).toEqual(['SI\r\n', 'SI\r\n']);
    port.reply(sics('12.340'));
    expect(readings[1]).toMatchObject({ value: '12.340', accepted: true });
  });

  it('after a timeout a late answer is discarded, never reported as a reading', async () => {
    startHub(instrument({ mode: 'poll', pollIntervalMs: 500, requestTimeoutMs: 400 }));
    await connected();
    vi.advanceTimersByTime(400);
    expect(traffic.at(-1)).toMatchObject({ direction: 'rx', hex: '', parsed: { kind: 'error', code: 'timeout' } });
    port.reply(sics('99.000'));
    expect(readings).toEqual([]);
    expect(traffic.at(-1)).toMatchObject({ direction: 'rx', parsed: { kind: 'error', code: 'unsolicited' } });
  });

  it('uses the request command override', async () => {
    startHub(instrument({ mode: 'poll', pollCommand: 'S\r\n' }));
    await connected();
    expect(port.written).toEqual(['S\r\n']);
  });

  it('stream mode accepts only after stableCount equal stable frames', async () => {
    startHub(instrument({ mode: 'stream', stableCount: 3 }));
    await connected();
    for (const f of [sics('1.000', false), sics('1.000'), sics('1.000'), sics('1.000'), sics('1.000')]) port.reply(f);
    expect(port.written).toEqual([]);
    expect(readings.map((r) => r.accepted)).toEqual([false, false, false, true, false]);
  });
});

describe('serial hub: the unit an instrument announces', () => {
  it('gives a Sylvac value the unit the caliper last announced on this connection, and forgets it when the cable is pulled', async () => {
    startHub(instrument({ id: 'cal-1', protocol: 'sylvac-optors', gaugeId: 'G-CAL-001', mode: 'stream', stableCount: 1 }));
    await connected();
    port.reply('+12.345\r');
    port.reply('IN\r'); // switched to inches: its answer to the unit query
    port.reply('+0.4860\r');
    port.reply('MM\r');
    port.reply('+12.340\r');
    expect(readings.map((r) => [r.value, r.unit, r.status])).toEqual([
      ['12.345', null, 'ok'],
      [null, 'in', 'info'],
      ['0.4860', 'in', 'ok'],
      [null, 'mm', 'info'],
      ['12.340', 'mm', 'ok'],
    ]);
    port.pull();
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('disconnected'));
    port = new FakePort();
    vi.advanceTimersByTime(10_000);
    await connected();
    port.reply('+1.000\r');
    expect(readings.at(-1)).toMatchObject({ value: '1.000', unit: null });
  });
});

describe('serial hub: test requests and the monitor', () => {
  it('a test request sends the command and resolves with the answer; the monitor shows tx and rx in hex', async () => {
    startHub(instrument({ mode: 'stream' }));
    await connected();
    const answer = hub!.testRequest('scale-1');
    expect(port.written).toEqual(['SI\r\n']);
    port.reply('S S      5.000 g\r\n');
    const r = await answer;
    expect(r).toMatchObject({ ok: true, value: { sent: 'SI\r\n', reading: { value: '5.000', unit: 'g' } } });
    expect(traffic.map((t) => [t.direction, t.hex])).toEqual([
      ['tx', '53 49 0d 0a'],
      ['rx', toHexOf('S S      5.000 g\r\n')],
    ]);
    expect(traffic[1]?.parsed).toMatchObject({ kind: 'reading', reading: { value: '5.000' } });
  });

  it('a test request with no answer resolves with a timeout error', async () => {
    startHub(instrument({ mode: 'stream', requestTimeoutMs: 300 }));
    await connected();
    const answer = hub!.testRequest('scale-1');
    vi.advanceTimersByTime(300);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('refuses a test request for a protocol without a command, an unknown device or a pulled cable', async () => {
    startHub(instrument({ protocol: 'mitutoyo-01A' }));
    await connected();
    expect(await hub!.testRequest('scale-1')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await hub!.testRequest('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    port.pull();
    expect(statuses.at(-1)?.state).toBe('disconnected');
    expect(await hub!.testRequest('scale-1')).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('sends no traffic for ports nobody monitors', async () => {
    startHub(instrument({ mode: 'stream' }), false);
    await connected();
    port.reply(sics('1.000'));
    expect(readings).toHaveLength(1);
    expect(traffic).toEqual([]);
  });
});

function toHexOf(text: string): string {
  return [...Buffer.from(text, 'latin1')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
