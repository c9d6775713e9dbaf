/**
 * Rework (4.4): an accepted rework disposition creates a rework work order for the NC's quantity
 * (table `work_orders`, columns `rework_nc_id` / `rework_of` of 0009_rework.sql), published on the
 * `work-orders` stream like any work order, so it appears in the station's queue marked as rework.
 *  - Where: the same production order, operation, line and workstations as the work order the
 *    pieces came from, i.e. the NC's own work order, or, for an NC raised on a lot only, the work
 *    order that produced the lot (`trace_lots`), sent to the workstation where the lot was made.
 *  - Id: `<work order>-RW<n>`, n counting the rework orders of that work order (an NC on a rework
 *    order reworks the same original, so it never grows into `-RW1-RW1`).
 *  - It starts `released` at version 0, as an imported work order does. Its output is ordinary
 *    output of the rework order; the daily report leaves it out (the pieces were counted when
 *    they were first made and no plan line exists for rework).
 * With neither a work order nor a produced lot known, nothing is created: the NC row says a
 * workstation has to be assigned, and the disposition event carries an issue.
 */
import { eq, sql } from 'drizzle-orm';
import type { NcRow } from '../../shared/quality/rows';
import { rowsOf, type Tx } from '../db/connect';
import { workOrderRow } from '../db/master';
import { workOrders } from '../db/schema';
import type { ChangeSet } from '../sync/changes';

interface Ctx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}

export type ReworkOutcome = { ok: true; workOrderId: string } | { ok: false; why: string };

/** The `-RW<n>` suffix of the n-th rework order of a work order. */
export const reworkWorkOrderId = (workOrderId: string, n: number) => `${workOrderId}-RW${n}`;

async function producedBy(ctx: Ctx, lotId: string): Promise<{ workOrderId: string; workstationId: string } | null> {
  const [lot] = rowsOf<{ work_order_id: string | null; workstation_id: string }>(
    await ctx.tx.execute(sql`SELECT work_order_id, workstation_id FROM trace_lots WHERE lot_id = ${lotId}`),
  );
  return lot?.work_order_id ? { workOrderId: lot.work_order_id, workstationId: lot.workstation_id } : null;
}

export async function createReworkWorkOrder(ctx: Ctx, nc: NcRow): Promise<ReworkOutcome> {
  const lot = !nc.workOrderId && nc.lotId ? await producedBy(ctx, nc.lotId) : null;
  const sourceId = nc.workOrderId ?? lot?.workOrderId;
  if (!sourceId) {
    return { ok: false, why: nc.lotId ? `lot ${nc.lotId} was not produced by a known work order` : 'the NC names no work order or lot' };
  }
  const [source] = await ctx.tx.select().from(workOrders).where(eq(workOrders.id, sourceId));
  if (!source) return { ok: false, why: `work order ${sourceId} is unknown at central` };

  const original = source.reworkOf ?? source.id;
  // Writers are serialised by the sync clock, so counting then inserting cannot race.
  const [{ n } = { n: 0 }] = rowsOf<{ n: number | string }>(
    await ctx.tx.execute(sql`SELECT count(*) AS n FROM work_orders WHERE rework_of = ${original}`),
  );
  let next = Number(n) + 1;
  for (;;) {
    const id = reworkWorkOrderId(original, next);
    const [saved] = await ctx.tx
      .insert(workOrders)
      .values({
        id,
        productionOrderId: source.productionOrderId,
        operation: source.operation,
        productId: source.productId,
        lineId: source.lineId,
        workstationIds: lot ? [lot.workstationId] : source.workstationIds,
        qty: nc.qty,
        status: 'released',
        version: 0,
        updatedAt: ctx.now,
        reworkNcId: nc.id,
        reworkOf: original,
      })
      .onConflictDoNothing()
      .returning();
    if (saved) {
      ctx.changes.put('work-orders', workOrderRow(saved));
      return { ok: true, workOrderId: id };
    }
    next++; // an imported work order already uses that id
  }
}
