/**
 * GS1 parse throughput over a realistic mix of shop-floor scans.
 * Run: npx tsx test/bench/gs1.bench.ts   (prints scans/s; target >= 100k/s)
 */
import { decodeGs1 } from '../../src/shared/gs1/index';

const GS = '\u001d';
const MIX: readonly string[] = [
  `]C101095201234567881726123110LOT-4711${GS}21SN000123`, // GS1-128 carton label
  `]d2010952012345678821ABCDEF123456${GS}17270630${''}10B2026-07`, // GS1 DataMatrix
  ']C1006141411234567890', // SSCC pallet
  `]C10109520123456788310300052539224711${GS}42127649716`, // weight + price + ship-to
  ']E09520123456788', // EAN-13 retail
  ']Q1https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426', // Digital Link
  '0107032069804988152105261003290', // no AIM id
  ']C0WO-2026-000123', // plain internal label
  ']C101095201234567891726123110LOT', // bad check digit
  `]C110${'X'.repeat(25)}`, // too long
];

function run(iterations: number): number {
  let okCount = 0;
  for (let i = 0; i < iterations; i++) {
    const r = decodeGs1(MIX[i % MIX.length] ?? '');
    if (r.ok) okCount++;
  }
  return okCount;
}

run(50_000); // warm-up
let total = 0;
let sink = 0;
const started = performance.now();
let elapsed = 0;
while (elapsed < 1500) {
  sink += run(20_000);
  total += 20_000;
  elapsed = performance.now() - started;
}
const perSecond = Math.round((total / elapsed) * 1000);
console.log(`gs1: ${total} scans in ${elapsed.toFixed(0)} ms -> ${perSecond.toLocaleString('en-US')} scans/s (target >= 100,000) [ok results: ${sink}]`);
