import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSchemas } from '../../shared/api';
import type { TrafficEvent } from '../../shared/devices/types';
import { createTerminalHost, type TerminalHost } from '../host';
import type { PortHandle } from './serial-hub';

/** A device that answers every MT-SICS "SI" with a stable weight. */
class Balance extends EventEmitter implements PortHandle {
  isOpen = false;
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
    cb?.(null);
    if (data.toString('latin1') === 'SI\r\n') queueMicrotask(() => this.emit('data', Buffer.from('S S     21.50 g\r\n', 'latin1')));
    return true;
  }
}

let dir: string;
let host: TerminalHost;
let traffic: TrafficEvent[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-monitor-'));
  traffic = [];
  host = await createTerminalHost({ dataDir: dir, config: { devices: [] }, mode: 'web', openPort: () => new Balance() });
  host.subscribe('devices:traffic', (t) => traffic.push(t));
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('devices:monitor, devices:test and devices:config through the host', () => {
  it('sends traffic only for monitored ports, answers a test request and returns the saved configs', async () => {
    const configs = requestSchemas['devices:configure'].parse([{ id: 'bal-1', kind: 'instrument', protocol: 'mt-sics', mode: 'stream', path: '/dev/fake-bal', gaugeId: 'G-BAL-001' }]);
    const saved = await host.handlers['devices:configure'](configs);
    expect(saved).toMatchObject({ ok: true, value: [{ id: 'bal-1' }] });
    await vi.waitFor(async () => expect(await host.handlers['devices:list'](undefined)).toMatchObject({ value: [{ state: 'connected' }] }));
    expect(await host.handlers['devices:config'](undefined)).toMatchObject({ ok: true, value: [{ id: 'bal-1', gaugeId: 'G-BAL-001', settings: { xon: true } }] });

    // Not monitored: the test request works, but no traffic is pushed.
    expect(await host.handlers['devices:test']({ portId: 'bal-1' })).toMatchObject({ ok: true, value: { sent: 'SI\r\n', reading: { value: '21.50', unit: 'g', gaugeId: 'G-BAL-001' } } });
    expect(traffic).toEqual([]);

    expect(await host.handlers['devices:monitor']({ portIds: ['bal-1'] })).toEqual({ ok: true, value: { portIds: ['bal-1'] } });
    await host.handlers['devices:test']({ portId: 'bal-1' });
    expect(traffic.map((t) => [t.direction, t.hex])).toEqual([
      ['tx', '53 49 0d 0a'],
      ['rx', '53 20 53 20 20 20 20 20 32 31 2e 35 30 20 67 0d 0a'],
    ]);
    expect(traffic[1]?.parsed).toMatchObject({ kind: 'reading', reading: { value: '21.50' } });

    await host.handlers['devices:monitor']({ portIds: [] });
    await host.handlers['devices:test']({ portId: 'bal-1' });
    expect(traffic).toHaveLength(2);
  });

  it('refuses a monitor request with nonsense port ids at the schema', () => {
    expect(requestSchemas['devices:monitor'].safeParse({ portIds: [''] }).success).toBe(false);
    expect(requestSchemas['devices:test'].safeParse({}).success).toBe(false);
  });
});
