/**
 * The simulators on a real pseudo-terminal pair made by socat: the test plays the terminal on
 * side A (serialport + the real framer + the real decoders), the simulator is the device on B.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeFrame, defaultPortSettings, pollCommands, protocolIds, type ProtocolId } from '../../../shared/instruments';
import { createFramer, type FramerEvent } from '../framer';
import { DEFAULT_SCAN, listSimProfiles, runSimulator, type SimOptions } from './index';

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (let i = 0; i < timeoutMs / 10; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!condition()) throw new Error(`Timed out waiting for ${what}`);
}

let dir: string;
let socat: ChildProcess | null;
let a: string;
let b: string;
let terminal: SerialPort | null;
let abort: AbortController;
let sim: Promise<void> | null;
let simLog: string[];
let frames: Extract<FramerEvent, { type: 'frame' }>[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-sim-'));
  a = join(dir, 'A');
  b = join(dir, 'B');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  socat = child;
  child.on('exit', () => {
    if (socat === child) socat = null;
  });
  await waitUntil(() => existsSync(a) && existsSync(b), 'socat links');
  terminal = null;
  sim = null;
  simLog = [];
  frames = [];
  abort = new AbortController();
});

afterEach(async () => {
  abort.abort();
  await sim?.catch(() => undefined);
  const port = terminal;
  if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
  const child = socat;
  if (child && child.exitCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

/** Starts the simulator on B and waits until it has the port open. */
async function startSim(profile: string, opts: Omit<SimOptions, 'port'> = {}): Promise<void> {
  sim = runSimulator(profile, { port: b, signal: abort.signal, log: (l) => simLog.push(l), ...opts });
  sim.catch(() => undefined);
  await waitUntil(() => simLog.length > 0, `${profile} simulator to open ${b}`);
}

/** Opens A as the terminal would for `protocol` and frames what arrives. */
async function openTerminal(protocol: ProtocolId | 'scanner'): Promise<SerialPort> {
  const d = protocol === 'scanner' ? null : defaultPortSettings[protocol];
  const port = new SerialPort({
    path: a,
    baudRate: d?.baudRate ?? 9600,
    dataBits: d?.dataBits ?? 8,
    parity: d?.parity ?? 'none',
    stopBits: d?.stopBits ?? 1,
    rtscts: d?.rtscts ?? false,
    xon: d?.xon ?? false,
    xoff: d?.xon ?? false,
    autoOpen: false,
  });
  terminal = port;
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const framer = createFramer({ terminator: d?.terminator ?? 'CR', stripStx: true, interByteTimeoutMs: 200, maxLength: 4096 }, (e) => {
    if (e.type === 'frame') frames.push(e);
  });
  port.on('data', (chunk: Buffer) => framer.push(chunk));
  return port;
}

const send = (port: SerialPort, text: string) =>
  new Promise<void>((resolve, reject) => port.write(Buffer.from(text, 'latin1'), (e) => (e ? reject(e) : port.drain(() => resolve()))));

/** Sends the protocol's poll command and waits for `n` more frames. */
async function poll(port: SerialPort, protocol: ProtocolId, n = 1): Promise<typeof frames> {
  const before = frames.length;
  await send(port, pollCommands[protocol] ?? '');
  await waitUntil(() => frames.length >= before + n, `${n} answer(s) from ${protocol}`);
  return frames.slice(before, before + n);
}

const polled = protocolIds.filter((p) => pollCommands[p] !== null);
const streaming = protocolIds.filter((p) => pollCommands[p] === null);

describe('instrument simulators answer their poll command on a real pty', () => {
  it.each(polled)('%s', async (protocol) => {
    await startSim(protocol, { value: '12.345' });
    const port = await openTerminal(protocol);
    const [answer] = await poll(port, protocol);
    const out = decodeFrame(protocol, answer?.text ?? '', { unit: 'mm' });
    expect(out).toMatchObject({ ok: true, value: '12.345', status: 'ok' });
    expect(simLog.some((l) => l.includes('<-'))).toBe(true);
  });

  it('mt-sics: settles through unstable answers, then answers stable', async () => {
    await startSim('mt-sics', { value: '250.0', unit: 'g', unstable: true });
    const port = await openTerminal('mt-sics');
    const got = [];
    for (let i = 0; i < 5; i++) got.push(...(await poll(port, 'mt-sics')));
    const decoded = got.map((f) => decodeFrame('mt-sics', f.text));
    expect(decoded.map((r) => (r.ok ? r.stable : 'bad'))).toEqual([false, false, false, true, true]);
    expect(decoded.slice(3).every((r) => r.ok && r.value === '250.0' && r.unit === 'g')).toBe(true);
    expect(new Set(decoded.slice(0, 3).map((r) => (r.ok ? r.value : null))).has('250.0')).toBe(false);
  });

  it('mt-sics: answers an unknown command with ES, and sends overload and error frames when asked', async () => {
    await startSim('mt-sics', { overload: true, errorFrames: true });
    const port = await openTerminal('mt-sics');
    await send(port, 'XYZ\r\n');
    await waitUntil(() => frames.length === 1, 'ES');
    const [over, err] = await poll(port, 'mt-sics', 1).then(async (f) => [...f, ...(await poll(port, 'mt-sics'))]);
    expect(decodeFrame('mt-sics', frames[0]?.text ?? '')).toMatchObject({ ok: true, status: 'error', detail: { error_code: 'ES' } });
    expect(decodeFrame('mt-sics', over?.text ?? '')).toMatchObject({ ok: true, status: 'overload' });
    expect(decodeFrame('mt-sics', err?.text ?? '')).toMatchObject({ ok: true, status: 'error' });
  });

  it('sartorius-sbi: overload frames decode as overload', async () => {
    await startSim('sartorius-sbi', { overload: true });
    const port = await openTerminal('sartorius-sbi');
    const [f] = await poll(port, 'sartorius-sbi');
    expect(decodeFrame('sartorius-sbi', f?.text ?? '')).toMatchObject({ ok: true, status: 'overload' });
  });

  it('sylvac-optors with --garbage: a garbage line the decoder rejects cleanly, then the answer', async () => {
    await startSim('sylvac-optors', { value: '-0.012', garbage: true });
    const port = await openTerminal('sylvac-optors');
    const [junk, answer] = await poll(port, 'sylvac-optors', 2);
    const bad = decodeFrame('sylvac-optors', junk?.text ?? '');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(['parity', 'not_a_frame', 'empty_frame']).toContain(bad.error.code);
    expect(decodeFrame('sylvac-optors', answer?.text ?? '', { unit: 'mm' })).toMatchObject({ ok: true, value: '-0.012', unit: 'mm' });
  });

  it('mitutoyo-idh: stops answering and closes the port after --disconnect-after answers', async () => {
    await startSim('mitutoyo-idh', { value: '1.5', disconnectAfter: 2 });
    const port = await openTerminal('mitutoyo-idh');
    await poll(port, 'mitutoyo-idh');
    await poll(port, 'mitutoyo-idh');
    await expect(sim).resolves.toBeUndefined();
    expect(simLog.some((l) => /disconnecting after 2 frame/.test(l))).toBe(true);
    expect(frames.map((f) => decodeFrame('mitutoyo-idh', f.text)).every((r) => r.ok && r.value === '1.5')).toBe(true);
  });
});

describe('streaming simulators on a real pty', () => {
  it.each(streaming)('%s streams frames at the interval and stops after --count', async (protocol) => {
    const port = await openTerminal(protocol);
    await startSim(protocol, { value: '4.20', intervalMs: 20, count: 3 });
    await expect(sim).resolves.toBeUndefined();
    await waitUntil(() => frames.length >= 3, '3 streamed frames');
    expect(frames).toHaveLength(3);
    for (const f of frames) expect(decodeFrame(protocol, f.text, { unit: 'mm' })).toMatchObject({ ok: true, value: '4.20' });
    expect(port.isOpen).toBe(true);
  });

  it('kern-ew with --garbage --unstable: garbage fails decoding, readings settle', async () => {
    await openTerminal('kern-ew');
    await startSim('kern-ew', { value: '100.0', intervalMs: 10, count: 5, garbage: true, unstable: true });
    await sim;
    await waitUntil(() => frames.length >= 10, '10 frames');
    const decoded = frames.map((f) => decodeFrame('kern-ew', f.text));
    expect(decoded.filter((_, i) => i % 2 === 0).every((r) => !r.ok)).toBe(true);
    const readings = decoded.filter((_, i) => i % 2 === 1);
    expect(readings.map((r) => (r.ok ? r.stable : 'bad'))).toEqual([false, false, false, true, true]);
    const values = readings.map((r) => (r.ok ? r.value : null));
    expect(values.slice(3)).toEqual(['100.0', '100.0']);
    expect(values.slice(0, 3)).not.toContain('100.0');
    expect(values.slice(0, 3)).not.toContain(null);
  });

  it('rejects when the port goes away under a streaming simulator', async () => {
    await startSim('mitutoyo-01A', { intervalMs: 20 });
    socat?.kill('SIGTERM');
    await expect(sim).rejects.toThrow(/closed under the simulator|Cannot write/);
  });
});

describe('scanner simulator and errors', () => {
  it('sends the default GS1 scan once, with AIM prefix, GS and CR', async () => {
    await openTerminal('scanner');
    await startSim('scanner');
    await sim;
    await waitUntil(() => frames.length === 1, 'scan');
    expect(frames[0]?.text).toBe(DEFAULT_SCAN);
    expect(frames[0]?.raw).toBe(`${DEFAULT_SCAN}\r`);
  });

  it('rejects an unknown profile or impossible options before touching the port', async () => {
    await expect(runSimulator('teletype', { port: b })).rejects.toThrow(/Available: .*scanner/);
    await expect(runSimulator('mitutoyo-idh', { port: b, errorFrames: true })).rejects.toThrow(/no error frame/);
    await expect(runSimulator('mt-sics', { port: join(dir, 'missing') })).rejects.toThrow(/Cannot open .*missing/);
    expect(listSimProfiles()).toContain('mt-sics');
  });

  it('stops when aborted and releases the port', async () => {
    await startSim('mt-sics');
    abort.abort();
    await expect(sim).resolves.toBeUndefined();
    // The device side is free again: another simulator can open it.
    const again = new AbortController();
    const next = runSimulator('mt-sics', { port: b, signal: again.signal, log: (l) => simLog.push(l) });
    await waitUntil(() => simLog.filter((l) => l.startsWith('mt-sics on')).length === 2, 'second open');
    again.abort();
    await next;
  });
});
