/**
 * Scan-to-screen latency: `npx tsx test/bench/scan-latency.bench.ts`.
 * A scanner simulator writes GS1 scans (AIM prefix, GS, CR) at 9600 8N1 into one end of a socat pty
 * pair; the real terminal host (serial hub, framer, AIM split) reads the other end. Two figures:
 *   - host: serial write -> the host's `devices:scan` event (main process);
 *   - renderer: serial write -> the renderer's `api.devices.onScan` callback, through the real
 *     browser-mode web server and the renderer's own WebSocket transport (web-transport.ts).
 * The DOM update after the callback (one React render) is not part of these figures.
 * p50/p95 over 200 scans; prints figures, asserts nothing. Target: p95 <= 50 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { createTerminalHost } from '../../src/main/host';
import { createSocatPair, waitUntil } from '../../src/main/devices/testing/socat';
import { startWebServer } from '../../src/main/web/server';
import { createWebTerminalApi, createWebTransport, webSocketUrl } from '../../src/renderer/platform/web-transport';
import { deviceConfigSchema } from '../../src/shared/devices/types';

const SCANS = 200;
const GS = '\u001d';

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

function report(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2);
  console.log(`${name.padEnd(34)} n=${sorted.length}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  max ${f(sorted.at(-1) ?? Number.NaN)} ms`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'takt-bench-scan-'));
  const pair = await createSocatPair(dir);
  const scanner = deviceConfigSchema.parse({ id: 'scanner-1', kind: 'scanner', path: pair.a });
  const host = await createTerminalHost({ dataDir: dir, config: { devices: [scanner] }, mode: 'web' });
  const web = await startWebServer({ handlers: host.handlers, subscribe: host.subscribe, rendererDir: dir, port: 0, secret: 'bench-secret' });
  const transport = createWebTransport({ url: webSocketUrl({ protocol: 'http:', host: `${web.host}:${web.port}` }, web.secret), createSocket: (url) => new WebSocket(url) });
  const api = createWebTerminalApi(transport);

  let hostAt: number | null = null;
  let rendererAt: number | null = null;
  let lastText = '';
  host.subscribe('devices:scan', (e) => {
    if (e.text === lastText) hostAt = performance.now();
  });
  api.devices.onScan((e) => {
    if (e.text === lastText) rendererAt = performance.now();
  });

  await waitUntil(() => transport.state === 'open', 'the WebSocket to open', 10_000);
  for (let i = 0; i < 100; i++) {
    const list = await api.devices.list();
    if (list.ok && list.value[0]?.state === 'connected') break;
    await new Promise((r) => setTimeout(r, 50));
  }

  const device = new SerialPort({ path: pair.b, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
  await new Promise<void>((resolve, reject) => device.open((e) => (e ? reject(e) : resolve())));

  const hostMs: number[] = [];
  const rendererMs: number[] = [];
  for (let i = 0; i < SCANS + 10; i++) {
    lastText = `010950110153000310LOT${String(i).padStart(4, '0')}${GS}21SN${String(i).padStart(6, '0')}`;
    hostAt = null;
    rendererAt = null;
    const sentAt = performance.now();
    device.write(Buffer.from(`]d2${lastText}\r`, 'latin1'));
    await waitUntil(() => rendererAt !== null && hostAt !== null, `scan ${i}`, 5000, 1);
    // The first ten warm the JIT and the socket; they are not counted.
    if (i >= 10) {
      hostMs.push((hostAt ?? Number.NaN) - sentAt);
      rendererMs.push((rendererAt ?? Number.NaN) - sentAt);
    }
  }

  console.log(`scan-to-screen latency, ${SCANS} GS1 DataMatrix scans (${lastText.length + 4} bytes) over a socat pty pair at 9600 8N1`);
  report('serial write -> host devices:scan', hostMs);
  report('serial write -> renderer onScan (WS)', rendererMs);
  const bytes = lastText.length + 4;
  // 8N1: 10 bits per byte on the wire.
  console.log(`(a pty pair does not pace bytes at the baud rate: on a real 9600-baud line add ${((bytes * 10 * 1000) / 9600).toFixed(1)} ms of transmission for this ${bytes}-byte scan)`);

  await new Promise<void>((resolve) => device.close(() => resolve()));
  transport.close();
  await web.close();
  await host.close();
  await pair.stop();
  await rm(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
