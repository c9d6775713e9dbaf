/**
 * Backward trace of depth 5 over 100,000 lots on a real PostgreSQL (a private cluster, started
 * and removed here). The genealogy is bulk-inserted with SQL as the lot.created effects would
 * store it: 20,000 material lots (inventory stream rows) and five levels of 16,000 produced lots,
 * each made from 3 lots of the level below, on 2,000 work orders with their lot.created, output
 * and inspection events (~170,000 events). Then a backward trace from a finished lot (364 nodes)
 * is timed (median of 15 runs over different lots after a warm-up), plus forward from a material
 * lot and its recall. BENCH_LOTS_PER_LEVEL changes the size.
 * Run: npx tsx test/bench/trace.bench.ts   (target: backward trace <= 200 ms)
 */
import { sql } from 'drizzle-orm';
import { startPgCluster } from '../integration/support/pg-cluster';
import { openDatabase } from '../../src/server/db/connect';
import { recall, traceGenealogy } from '../../src/server/trace/trace';

const PER_LEVEL = Number(process.env.BENCH_LOTS_PER_LEVEL ?? 16_000);
const MATERIALS = Math.round(PER_LEVEL * 1.25);
const LEVELS = 5;
const WOS = 2_000;
const RUNS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const cluster = await startPgCluster();
try {
  const url = await cluster.createDatabase('takt_trace_bench');
  const central = await openDatabase({ databaseUrl: url });
  const { db } = central;
  try {
    const load = await time(async () => {
      await db.execute(sql`
        INSERT INTO change_log (stream, key, version, op, row)
        SELECT 'inventory', 'lot:M' || i, i, 'put',
               jsonb_build_object('type', 'lot', 'id', 'M' || i, 'itemId', 'RM-' || (i % 50), 'qty', 100, 'location', 'ALM-' || (i % 20), 'status', 'released')
        FROM generate_series(1, ${MATERIALS}) AS i`);
      await db.execute(sql`
        INSERT INTO work_orders (id, production_order_id, operation, product_id, line_id, workstation_ids, qty, status, version)
        SELECT 'PO-' || i || '/10', 'PO-' || i, '10', 'P-' || (i % 40), 'L' || (i % 8), '["WS-1"]'::jsonb, 1000, 'started', 1
        FROM generate_series(1, ${WOS}) AS i`);
      for (let level = 1; level <= LEVELS; level++) {
        await db.execute(sql`
          INSERT INTO events (id, terminal_id, epoch, seq, type, v, occurred_at, clock_offset_ms, occurred_at_corrected, operator_id, workstation_id, payload)
          SELECT 'lc-' || ${level} || '-' || i, 'T-B', 'E-B', ${level} * 1000000 + i, 'lot.created', 1, now(), 0, now(), 'OP-' || (i % 30), 'WS-' || (i % 12),
                 jsonb_build_object('lotId', 'L' || ${level} || '-' || i, 'itemId', 'P-' || (i % 40), 'workOrderId', 'PO-' || (1 + i % ${WOS}) || '/10', 'qty', 10, 'parentLotIds', '[]'::jsonb)
          FROM generate_series(1, ${PER_LEVEL}) AS i`);
        await db.execute(sql`
          INSERT INTO trace_lots (lot_id, item_id, work_order_id, qty, workstation_id, event_id, created_at, location)
          SELECT 'L' || ${level} || '-' || i, 'P-' || (i % 40), 'PO-' || (1 + i % ${WOS}) || '/10', 10, 'WS-' || (i % 12), 'lc-' || ${level} || '-' || i, now(), 'WS-' || (i % 12)
          FROM generate_series(1, ${PER_LEVEL}) AS i`);
        // Three distinct parents per lot from the level below (pseudo-random but reproducible).
        const below = level === 1 ? sql`'M' || (1 + (i * 7 + k * 7919) % ${MATERIALS})` : sql`'L' || ${level - 1} || '-' || (1 + (i * 13 + k * 104729) % ${PER_LEVEL})`;
        await db.execute(sql`
          INSERT INTO trace_edges (parent_lot_id, child_lot_id)
          SELECT ${below}, 'L' || ${level} || '-' || i FROM generate_series(1, ${PER_LEVEL}) AS i, generate_series(0, 2) AS k
          ON CONFLICT DO NOTHING`);
      }
      await db.execute(sql`
        INSERT INTO events (id, terminal_id, epoch, seq, type, v, occurred_at, clock_offset_ms, occurred_at_corrected, operator_id, workstation_id, payload)
        SELECT 'out-' || i, 'T-B', 'E-B', 9000000 + i, 'output.recorded', 1, now(), 0, now(), 'OP-' || (i % 30), 'WS-1',
               jsonb_build_object('workOrderId', 'PO-' || (1 + i % ${WOS}) || '/10', 'goodQty', 10, 'scrapQty', 0)
        FROM generate_series(1, ${PER_LEVEL * 5}) AS i`);
      await db.execute(sql`
        INSERT INTO events (id, terminal_id, epoch, seq, type, v, occurred_at, clock_offset_ms, occurred_at_corrected, operator_id, workstation_id, payload)
        SELECT 'ins-' || i, 'T-B', 'E-B', 9500000 + i, 'inspection.recorded', 1, now(), 0, now(), 'OP-9', 'WS-1',
               jsonb_build_object('inspectionId', 'INS-' || i, 'kind', 'patrol', 'workOrderId', 'PO-' || (1 + i % ${WOS}) || '/10', 'verdict', 'pass', 'inspectorId', 'OP-9',
                 'results', jsonb_build_array(jsonb_build_object('characteristicId', 'C1', 'gaugeId', 'G-' || (i % 15), 'source', 'instrument', 'verdict', 'pass')))
        FROM generate_series(1, ${WOS * 5}) AS i`);
      await db.execute(sql`ANALYZE`);
    });
    const lots = MATERIALS + PER_LEVEL * LEVELS;
    console.log(`loaded ${lots.toLocaleString('en')} lots, ${(PER_LEVEL * 3 * LEVELS).toLocaleString('en')} edges, ~${(PER_LEVEL * 10 + WOS * 5).toLocaleString('en')} events in ${(load / 1000).toFixed(1)} s`);

    const warm = await traceGenealogy(db, { kind: 'lot', id: `L${LEVELS}-1` }, 'backward');
    const backward: number[] = [];
    let nodes = warm.count;
    for (let r = 0; r < RUNS; r++) {
      const id = `L${LEVELS}-${1 + ((r * 997) % PER_LEVEL)}`;
      backward.push(
        await time(async () => {
          nodes = (await traceGenealogy(db, { kind: 'lot', id }, 'backward')).count;
        }),
      );
    }
    const forward: number[] = [];
    const recalls: number[] = [];
    let fwdNodes = 0;
    for (let r = 0; r < 5; r++) {
      const id = `M${1 + r * 31}`;
      forward.push(await time(async () => (fwdNodes = (await traceGenealogy(db, { kind: 'lot', id }, 'forward')).count)));
      recalls.push(await time(() => recall(db, id)));
    }
    console.log(`backward trace, depth ${LEVELS}, ~${nodes} nodes: median ${median(backward).toFixed(1)} ms, max ${Math.max(...backward).toFixed(1)} ms (target <= 200 ms)`);
    console.log(`forward trace from a material lot, ~${fwdNodes} nodes: median ${median(forward).toFixed(1)} ms`);
    console.log(`recall of a material lot: median ${median(recalls).toFixed(1)} ms`);
  } finally {
    await central.close();
  }
} finally {
  await cluster.stop();
}
