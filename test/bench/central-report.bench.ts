/**
 * Daily report over a large output ledger on a real PostgreSQL (a private cluster, started and
 * removed here). N output events (default 1,000,000; BENCH_EVENTS to change) are bulk-inserted with
 * SQL into `events` and `output_ledger` (what a push would store), spread over BENCH_DAYS production
 * days (default 1: all of them in the reported day, the worst case), then the daily report and the
 * shortfall analysis of that day are timed (median of 5 runs after a warm-up), and the monthly
 * report of November (median of 3).
 * Run: npx tsx test/bench/central-report.bench.ts   (target: daily report <= 500 ms)
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { startPgCluster } from '../integration/support/pg-cluster';
import { openDatabase, rowsOf } from '../../src/server/db/connect';
import { importPlant } from '../../src/server/import/plant';
import { importOrders } from '../../src/server/import/orders';
import { importT2Plan } from '../../src/server/import/plans';
import { rowsFromJson } from '../../src/server/import/parse';
import { dailyReport } from '../../src/server/reports/daily';
import { shortfallReport } from '../../src/server/reports/shortfall';
import { periodicReport } from '../../src/server/reports/periodic';
import { monthDates } from '../../src/server/reports/period';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DAYS = Math.max(1, Number(process.env.BENCH_DAYS ?? 1));
const RUNS = 5;
const DAY = '2026-11-20'; // Europe/Madrid, 06:00: 2026-11-20T05:00Z .. 2026-11-21T05:00Z
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/central/${name}`, import.meta.url), 'utf8'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const cluster = await startPgCluster();
try {
  const url = await cluster.createDatabase('takt_bench');
  const central = await openDatabase({ databaseUrl: url });
  const { db } = central;
  try {
    await importPlant(db, fixture('plant.json'));
    await importOrders(db, rowsFromJson(fixture('orders-fixed.json')), new Date());
    await importT2Plan(
      db,
      rowsFromJson([
        { date: DAY, workshop: 'W1', line: 'L1', shift: 'A', production_order: 'PO-1', operation: '10', planned_qty: 600_000 },
        { date: DAY, workshop: 'W1', line: 'L1', shift: 'B', production_order: 'PO-2', operation: '10', planned_qty: 300_000 },
        { date: DAY, workshop: 'W2', line: 'L2', shift: 'A', production_order: 'PO-1', operation: '20', planned_qty: 200_000 },
      ]),
      new Date(),
    );

    // Event i happens on day (i mod DAYS) counted back from DAY, at a spread-out second of it.
    const insert = await time(async () => {
      await db.execute(sql`
        INSERT INTO events (id, terminal_id, epoch, seq, type, v, occurred_at, clock_offset_ms, occurred_at_corrected, operator_id, workstation_id, payload)
        SELECT 'bench-' || i, 'T-BENCH', 'E-BENCH', i, 'output.recorded', 1, at, 0, at, 'OP-1',
               CASE WHEN i % 5 = 0 THEN 'WS-L2-01' ELSE 'WS-L1-01' END,
               jsonb_build_object('workOrderId', wo, 'goodQty', 1, 'scrapQty', CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END)
        FROM (
          SELECT i,
                 timestamptz '2026-11-20 05:00:00+00' - ((i % ${DAYS}) * interval '1 day') + ((i * 7919) % 86400) * interval '1 second' AS at,
                 CASE WHEN i % 5 = 0 THEN 'PO-1/20' WHEN i % 3 = 0 THEN 'PO-2/10' ELSE 'PO-1/10' END AS wo
          FROM generate_series(1::bigint, ${N}::bigint) AS i
        ) s`);
      await db.execute(sql`
        INSERT INTO output_ledger (event_id, work_order_id, workstation_id, good_qty, scrap_qty, occurred_at_corrected, reversed_by)
        SELECT id, payload->>'workOrderId', workstation_id, (payload->>'goodQty')::int, (payload->>'scrapQty')::int, occurred_at_corrected,
               CASE WHEN seq % 1000 = 0 THEN 'bench-reversal' ELSE NULL END
        FROM events WHERE terminal_id = 'T-BENCH'`);
      await db.execute(sql`VACUUM ANALYZE output_ledger`);
      await db.execute(sql`VACUUM ANALYZE events`);
    });

    const first = await dailyReport(db, DAY);
    const dailyMs: number[] = [];
    for (let i = 0; i < RUNS; i++) dailyMs.push(await time(() => dailyReport(db, DAY)));
    await shortfallReport(db, DAY, DAY, new Date('2026-11-22T00:00:00Z'));
    const shortfallMs: number[] = [];
    for (let i = 0; i < RUNS; i++) shortfallMs.push(await time(() => shortfallReport(db, DAY, DAY, new Date('2026-11-22T00:00:00Z'))));

    const month = monthDates('2026-11') ?? [];
    const monthlyMs: number[] = [];
    for (let i = 0; i < 3; i++) monthlyMs.push(await time(() => periodicReport(db, 'monthly', '2026-11', month, new Date('2026-12-01T00:00:00Z'))));

    const plan = rowsOf<{ 'QUERY PLAN': string }>(
      await db.execute(sql`EXPLAIN SELECT work_order_id, workstation_id, sum(good_qty), sum(scrap_qty) FROM output_ledger
        WHERE occurred_at_corrected >= '2026-11-20T05:00:00Z' AND occurred_at_corrected < '2026-11-21T05:00:00Z' AND reversed_by IS NULL
        GROUP BY work_order_id, workstation_id`),
    )
      .map((r) => r['QUERY PLAN'])
      .filter((l) => /Scan/.test(l))
      .map((l) => l.trim().replace(/\s+\(cost.*$/, ''));

    const counted = first.totals.good + first.totals.scrap;
    console.log(`central daily report on PostgreSQL 15`);
    console.log(`  output events in the ledger: ${N.toLocaleString('en')} over ${DAYS} production day(s); in the reported day: ${counted.toLocaleString('en')} units (0.1% reversed)`);
    console.log(`  bulk insert + vacuum analyze: ${(insert / 1000).toFixed(1)} s`);
    console.log(`  plan: ${plan.join(' | ')}`);
    console.log(`  daily report (${DAY}):     median ${median(dailyMs).toFixed(1)} ms of ${RUNS} [${dailyMs.map((m) => m.toFixed(0)).join(', ')}]  target <= 500 ms: ${median(dailyMs) <= 500 ? 'met' : 'NOT MET'}`);
    console.log(`  shortfall analysis (1 day): median ${median(shortfallMs).toFixed(1)} ms of ${RUNS} [${shortfallMs.map((m) => m.toFixed(0)).join(', ')}]`);
    console.log(`  monthly report (2026-11, 30 days): median ${median(monthlyMs).toFixed(1)} ms of 3 [${monthlyMs.map((m) => m.toFixed(0)).join(', ')}]`);
    console.log(`  totals: ${JSON.stringify(first.totals)}`);
  } finally {
    await central.close();
  }
} finally {
  await cluster.stop();
}
