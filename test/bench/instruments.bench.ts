/**
 * Decoder throughput per protocol: `npx tsx test/bench/instruments.bench.ts`.
 * Each protocol decodes a mix of its vector frames and encoder frames for at least 0.5 s;
 * prints frames/s and exits. Figures only; nothing is asserted.
 */
import vectors from '../fixtures/vectors/instruments.json';
import { decodeFrame, encodableStatuses, encodeFrame, protocolIds, type ProtocolId } from '../../src/shared/instruments';

const MIN_MS = 500;

function framesFor(p: ProtocolId): string[] {
  const frames = (vectors as { protocol: string; frame: string }[]).filter((v) => v.protocol === p).map((v) => v.frame);
  for (const status of encodableStatuses[p]) {
    frames.push(encodeFrame(p, { value: status === 'ok' ? '-12.345' : null, unit: p.startsWith('mitutoyo') || p.includes('mahr') ? 'mm' : 'g', stable: true, status }));
  }
  frames.push('garbage that is not a frame\r\n');
  return frames;
}

let sink = 0;
const rows: string[] = [];
for (const p of protocolIds) {
  const frames = framesFor(p);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < 1000; i++) {
      const r = decodeFrame(p, frames[n % frames.length] ?? '');
      if (r.ok) sink++;
      n++;
    }
    elapsed = performance.now() - start;
  }
  rows.push(`${p.padEnd(16)} ${Math.round((n / elapsed) * 1000).toLocaleString('en-US').padStart(12)} frames/s  (${frames.length} distinct frames, ${n.toLocaleString('en-US')} decoded in ${elapsed.toFixed(0)} ms)`);
}
console.log('Instrument decoders, frames per second (single thread)');
for (const row of rows) console.log(row);
if (sink < 0) console.log(sink);
