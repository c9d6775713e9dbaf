/**
 * Central effects of the floor's events, applied in the push transaction that stores each event
 * (called from sync/effects.ts, one case per type):
 *  - material.consumed: the lot's quantity in the `inventory` stream goes down, so every terminal
 *    judges the next scan of that lot against what is really left;
 *  - downtime.started / downtime.ended: the equipment row in the `plant` stream goes down /
 *    available (readiness fails everywhere while it is down) and `downtime_intervals` keeps the
 *    interval for the reports.
 * Business problems (unknown lot, more than the lot holds, an end without a start) are returned
 * as the event's issue, never rejected: the event is a fact that happened on the floor.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { EventPayload } from '../../shared/sync/events';
import type { StreamRow } from '../../shared/sync/streams';
import { fromMilli, toMilli } from '../../shared/floor/readiness';
import { disruptionTitle as titleOf } from '../../shared/floor/disruption';
import type { Tx } from '../db/connect';
import type { ChangeSet } from '../sync/changes';
import { downtimeIntervals } from './schema';

export interface FloorCtx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}

export interface FloorEvent {
  id: string;
  workstationId: string;
  occurredAtCorrected: Date;
}

type LotRow = StreamRow<'inventory'>;
type EquipmentRow = Extract<StreamRow<'plant'>, { type: 'equipment' }>;

export async function consumeMaterial(ctx: FloorCtx, p: EventPayload<'material.consumed'>): Promise<string | null> {
  const lot: LotRow | null = await ctx.changes.get('inventory', `lot:${p.lotId}`);
  if (!lot) return `unknown lot ${p.lotId}`;
  const issues: string[] = [];
  if (lot.itemId !== p.itemId) issues.push(`lot ${p.lotId} holds ${lot.itemId}, not ${p.itemId}`);
  if (lot.status !== 'released') issues.push(`lot ${p.lotId} was ${lot.status} when consumed`);
  const left = toMilli(lot.qty) - toMilli(p.qty);
  if (left < 0) issues.push(`lot ${p.lotId} held ${lot.qty}, ${p.qty} consumed`);
  ctx.changes.put('inventory', {
    ...lot,
    qty: fromMilli(Math.max(0, left)),
    // An emptied lot is used up; a quarantined or held one keeps its status (QC decides).
    status: left <= 0 && lot.status === 'released' ? 'consumed' : lot.status,
  });
  return issues.length > 0 ? issues.join('; ') : null;
}

async function setEquipment(ctx: FloorCtx, equipmentId: string, patch: (row: EquipmentRow) => EquipmentRow): Promise<EquipmentRow | null> {
  const row = (await ctx.changes.get('plant', `equipment:${equipmentId}`)) as EquipmentRow | null;
  if (!row) return null;
  ctx.changes.put('plant', patch(row));
  return row;
}

export async function startDowntime(ctx: FloorCtx, e: FloorEvent, p: EventPayload<'downtime.started'>): Promise<string | null> {
  const [existing] = await ctx.tx.select().from(downtimeIntervals).where(eq(downtimeIntervals.downtimeId, p.downtimeId));
  if (existing) return `downtime ${p.downtimeId} was already started`;
  const since = e.occurredAtCorrected;
  const row = await setEquipment(ctx, p.equipmentId, (r) => ({
    ...r,
    status: 'down',
    openDowntime: { downtimeId: p.downtimeId, reasonCode: p.reasonCode, since: since.toISOString() },
  }));
  await ctx.tx.insert(downtimeIntervals).values({
    downtimeId: p.downtimeId,
    equipmentId: p.equipmentId,
    lineId: row?.lineId ?? null,
    workstationId: e.workstationId,
    reasonCode: p.reasonCode,
    startedAt: since,
    startEventId: e.id,
  });
  return row ? null : `unknown equipment ${p.equipmentId}`;
}

export async function endDowntime(ctx: FloorCtx, e: FloorEvent, p: EventPayload<'downtime.ended'>): Promise<string | null> {
  const [open] = await ctx.tx
    .update(downtimeIntervals)
    .set({ endedAt: e.occurredAtCorrected, endEventId: e.id })
    .where(and(eq(downtimeIntervals.downtimeId, p.downtimeId), isNull(downtimeIntervals.endedAt)))
    .returning();
  if (!open) {
    const [known] = await ctx.tx.select().from(downtimeIntervals).where(eq(downtimeIntervals.downtimeId, p.downtimeId));
    return known ? `downtime ${p.downtimeId} had already ended` : `downtime ${p.downtimeId} ended without a start`;
  }
  // Another downtime still open on the same equipment keeps it down.
  const [other] = await ctx.tx
    .select()
    .from(downtimeIntervals)
    .where(and(eq(downtimeIntervals.equipmentId, open.equipmentId), isNull(downtimeIntervals.endedAt), ne(downtimeIntervals.downtimeId, p.downtimeId)))
    .limit(1);
  await setEquipment(ctx, open.equipmentId, (r) => {
    const { openDowntime: _closed, ...rest } = r;
    return other
      ? { ...rest, status: 'down', openDowntime: { downtimeId: other.downtimeId, reasonCode: other.reasonCode, since: other.startedAt.toISOString() } }
      : { ...rest, status: 'available' };
  });
  return null;
}

/** The notice title of a disruption, in both languages (notices are read by every department). */
export function disruptionTitle(p: EventPayload<'disruption.reported'>, lineName: string): string {
  return titleOf(p.cause, lineName);
}

/** The notice body of a disruption: what happened, the stock the reporter saw, the loss expected. */
export function disruptionBody(p: EventPayload<'disruption.reported'>): string {
  const parts = [p.description.trim()];
  for (const s of p.stockCheck ?? []) {
    parts.push(`Stock ${s.itemId}: ${s.availableQty} (${s.lots} lotes / lots)`);
  }
  if (p.estimatedLossQty !== undefined) parts.push(`Pérdida estimada / Estimated loss: ${p.estimatedLossQty}`);
  if (p.estimatedMinutes !== undefined) parts.push(`Minutos estimados / Estimated minutes: ${p.estimatedMinutes}`);
  if (p.workOrderId) parts.push(`OT / WO: ${p.workOrderId}`);
  // One line: boards and mail clients show it as is.
  return parts.filter((x) => x.length > 0).join(' · ');
}
