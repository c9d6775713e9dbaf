import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceConfigSchema, type ScanEvent } from '../../shared/devices/types';
import { sharedInstrumentDecoder } from '../../main/devices/instrument-decoder';
import { createSerialHub, type SerialHub } from '../../main/devices/serial-hub';
import { createSocatPair, waitUntil, type SocatPair } from '../../main/devices/testing/socat';
import { spawnTakt } from '../testing/spawn-takt';
import { scanFrame, unescapeScan } from './sim';

describe('scan frames', () => {
  it('is AIM prefix + text + suffix in latin1', () => {
    expect(scanFrame('0109501101020917', ']C1', 'CR')).toEqual(Buffer.from(']C10109501101020917\r', 'latin1'));
    expect(scanFrame('ABC', undefined, 'NONE')).toEqual(Buffer.from('ABC', 'latin1'));
    expect(scanFrame('é', undefined, 'CRLF')).toEqual(Buffer.from([0xe9, 0x0d, 0x0a]));
  });

  it('turns shell-friendly escapes into GS and control bytes', () => {
    expect(unescapeScan('10AB<GS>21X\\x1d91Y')).toBe('10AB\u001d21X\u001d91Y');
    expect(unescapeScan('a\\tb\\\\c')).toBe('a\tb\\c');
  });
});

describe('takt sim (real process, real pty pair)', () => {
  let dir: string;
  let pair: SocatPair;
  let hub: SerialHub;
  let scans: ScanEvent[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'takt-sim-'));
    pair = await createSocatPair(dir);
    scans = [];
    let connected = false;
    hub = createSerialHub({
      configs: [deviceConfigSchema.parse({ id: 'scanner-1', kind: 'scanner', path: pair.a })],
      onScan: (e) => scans.push(e),
      onReading: () => undefined,
      onStatus: (s) => (connected = s.state === 'connected'),
    });
    await waitUntil(() => connected, 'hub connected');
  });

  afterEach(async () => {
    await hub.close();
    await pair.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends each --send as one scan that the hub receives', async () => {
    const sim = spawnTakt(['sim', 'scanner', '--port', pair.b, '--aim', ']d2', '--send', '0109501101020917', '--send', '10LOT<GS>21SN1', '--interval-ms', '20']);
    expect(await sim.exited()).toEqual({ code: 0, signal: null });
    await waitUntil(() => scans.length === 2, 'two scans');
    expect(scans.map((s) => [s.symbology, s.text])).toEqual([
      [']d2', '0109501101020917'],
      [']d2', '10LOT\u001d21SN1'],
    ]);
    expect(sim.stderr()).toContain('Sent 2 scan(s)');
  }, 30_000);

  it('reads scans from stdin when no --send is given', async () => {
    const sim = spawnTakt(['sim', 'scanner', '--port', pair.b, '--interval-ms', '0']);
    sim.child.stdin.end('FIRST\n\nSECOND\n');
    expect((await sim.exited()).code).toBe(0);
    await waitUntil(() => scans.length === 2, 'two scans');
    expect(scans.map((s) => s.text)).toEqual(['FIRST', 'SECOND']);
  }, 30_000);

  it('runs a streaming instrument profile whose readings the hub decodes', async () => {
    const readings: string[] = [];
    await hub.close();
    let connected = false;
    hub = createSerialHub({
      configs: [deviceConfigSchema.parse({ id: 'scale-1', kind: 'instrument', protocol: 'and-indicator', path: pair.a, framing: { terminator: 'CRLF' } })],
      onScan: () => undefined,
      onReading: (r) => readings.push(`${r.status} ${r.value ?? ''} ${r.unit ?? ''}`),
      onStatus: (s) => (connected = s.state === 'connected'),
      decode: sharedInstrumentDecoder,
    });
    await waitUntil(() => connected, 'instrument port connected');
    const sim = spawnTakt(['sim', 'and-indicator', '--port', pair.b, '--value', '1.250', '--unit', 'g', '--count', '2', '--interval-ms', '20']);
    expect((await sim.exited()).code).toBe(0);
    await waitUntil(() => readings.length === 2, 'two readings');
    expect(readings).toEqual(['ok 1.250 g', 'ok 1.250 g']);
  }, 30_000);

  it('fails clearly on a port that does not exist and on an unknown profile', async () => {
    const missing = spawnTakt(['sim', 'scanner', '--port', join(dir, 'nope'), '--send', 'X']);
    expect((await missing.exited()).code).toBe(1);
    expect(missing.stderr()).toContain('Cannot open');
    const unknown = spawnTakt(['sim', 'caliper', '--port', pair.b]);
    expect((await unknown.exited()).code).toBe(2);
    expect(unknown.stderr()).toMatch(/Unknown simulator profile "caliper"\. Available: .*mt-sics.*scanner/);
  }, 30_000);
});
