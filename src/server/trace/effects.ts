/**
 * Central effects of identification and packaging events (clauses 4.8, 4.9), applied in the push
 * transaction that stores each event (one case per type in sync/effects.ts):
 *  - lot.created: the lot in `trace_lots`, one genealogy edge per parent lot, its serials; the lot
 *    is published in the `inventory` stream (as a `lot` row with its work order) so later work
 *    orders can consume it;
 *  - package.recorded: the package (SSCC) and its contents;
 *  - label.printed: every print, reprints marked.
 * warehouse.received belongs to quality's effects (4.10 gating); trace reads where a lot or a
 * package was put away from the stored warehouse.received events (indexed in 0007_trace.sql).
 * The operator of each fact is read from the stored event (trace joins `events`).
 */
import { sql } from 'drizzle-orm';
import type { EventPayload } from '../../shared/sync/events';
import { rowsOf, type Tx } from '../db/connect';
import type { ChangeSet } from '../sync/changes';

export interface TraceCtx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}
export interface TraceEvent {
  id: string;
  workstationId: string;
  occurredAtCorrected: Date;
}

export async function recordLotCreated(ctx: TraceCtx, e: TraceEvent, p: EventPayload<'lot.created'>): Promise<string | null> {
  const inserted = rowsOf<{ lot_id: string }>(
    await ctx.tx.execute(sql`
      INSERT INTO trace_lots (lot_id, item_id, work_order_id, qty, workstation_id, event_id, created_at, location)
      VALUES (${p.lotId}, ${p.itemId}, ${p.workOrderId}, ${p.qty}, ${e.workstationId}, ${e.id}, ${e.occurredAtCorrected}, ${e.workstationId})
      ON CONFLICT (lot_id) DO NOTHING RETURNING lot_id`),
  );
  if (inserted.length === 0) return `lot ${p.lotId} already exists (another lot.created); this one is not traced`;
  const issues: string[] = [];
  const parents = [...new Set(p.parentLotIds)].filter((id) => id !== p.lotId);
  if (parents.length > 0) {
    await ctx.tx.execute(sql`
      INSERT INTO trace_edges (parent_lot_id, child_lot_id)
      VALUES ${sql.join(parents.map((id) => sql`(${id}, ${p.lotId})`), sql`, `)}
      ON CONFLICT DO NOTHING`);
  }
  for (const serial of p.serials ?? []) {
    const s = rowsOf(await ctx.tx.execute(sql`INSERT INTO trace_serials (serial, lot_id) VALUES (${serial}, ${p.lotId}) ON CONFLICT DO NOTHING RETURNING serial`));
    if (s.length === 0) issues.push(`serial ${serial} already belongs to another lot`);
  }
  const existing = await ctx.changes.get('inventory', `lot:${p.lotId}`);
  if (existing && !existing.workOrderId) issues.push(`lot ${p.lotId} is also a material lot`);
  else {
    ctx.changes.put('inventory', {
      type: 'lot',
      id: p.lotId,
      itemId: p.itemId,
      qty: p.qty,
      location: e.workstationId,
      status: 'released',
      receivedOn: e.occurredAtCorrected.toISOString().slice(0, 10),
      workOrderId: p.workOrderId,
      producedAt: e.occurredAtCorrected.toISOString(),
    });
  }
  return issues.length > 0 ? issues.join('; ') : null;
}

export async function recordPackage(ctx: TraceCtx, e: TraceEvent, p: EventPayload<'package.recorded'>): Promise<string | null> {
  const inserted = rowsOf(
    await ctx.tx.execute(sql`
      INSERT INTO trace_packages (package_id, qty, workstation_id, event_id, created_at, location)
      VALUES (${p.packageId}, ${p.qty}, ${e.workstationId}, ${e.id}, ${e.occurredAtCorrected}, ${e.workstationId})
      ON CONFLICT (package_id) DO NOTHING RETURNING package_id`),
  );
  if (inserted.length === 0) return `package ${p.packageId} was already recorded (SSCC reused)`;
  for (const lotId of new Set(p.lotIds)) {
    await ctx.tx.execute(sql`INSERT INTO trace_package_lots (package_id, lot_id) VALUES (${p.packageId}, ${lotId}) ON CONFLICT DO NOTHING`);
  }
  const known = rowsOf<{ lot_id: string }>(
    await ctx.tx.execute(sql`SELECT lot_id FROM trace_lots WHERE lot_id IN (${sql.join(p.lotIds.map((id) => sql`${id}`), sql`, `)})`),
  );
  const unknown = p.lotIds.filter((id) => !known.some((k) => k.lot_id === id));
  return unknown.length > 0 ? `package ${p.packageId} holds lots central does not know yet: ${unknown.join(', ')}` : null;
}

export async function recordLabel(ctx: TraceCtx, e: TraceEvent, p: EventPayload<'label.printed'>): Promise<string | null> {
  await ctx.tx.execute(sql`
    INSERT INTO trace_labels (label_id, lot_id, package_id, serial, printer, reprint, workstation_id, event_id, printed_at)
    VALUES (${p.labelId}, ${p.lotId ?? null}, ${p.packageId ?? null}, ${p.serial ?? null}, ${p.printer}, ${p.reprint ?? false}, ${e.workstationId}, ${e.id}, ${e.occurredAtCorrected})
    ON CONFLICT (label_id) DO NOTHING`);
  return p.lotId || p.packageId ? null : 'label names neither a lot nor a package';
}
