/**
 * What the floor panels read (read-only; writes go through data/record.ts): the readiness facts
 * of one work order (BOM, routing step, workstation equipment, gauges, the lots this terminal
 * issued), equipment with this terminal's open downtime folded in, the WIP waiting before an
 * operation, open disruptions and the cached stock of materials. Central's pulled rows are the
 * base; this terminal's own events not yet reflected in them are laid on top.
 */
import type { OutboxEvent, TaktDb } from '../../data/db';
import type { TableRow } from '../../data/repositories/rows';
import { pendingOutput } from '../../data/repositories/outbox';
import { progressOf } from '../../data/progress';
import { toMilli, type BomLine } from '../../../shared/floor/readiness';
import { wipBefore, type Wip } from '../../../shared/floor/wip';
import { causeFromTitle } from '../../../shared/floor/disruption';

export type EquipmentRow = TableRow<'equipment'>;
export type LotRow = TableRow<'lots'>;
export type GaugeRow = TableRow<'gauges'>;
export type NoticeRow = TableRow<'notices'>;

const live = (e: OutboxEvent) => e.state !== 'rejected';
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

async function eventsOfType(db: TaktDb, type: string): Promise<OutboxEvent[]> {
  return (await db.events.where('type').equals(type).toArray()).filter(live).sort((a, b) => a.seq - b.seq);
}

export interface EquipmentState extends EquipmentRow {
  /** The open downtime, from this terminal's records first, else from central's row. */
  downtime: { downtimeId: string; reasonCode: string; since: string } | null;
}

/** Equipment with this terminal's downtime records laid over central's status. */
export async function equipmentStates(db: TaktDb, ids: readonly string[]): Promise<EquipmentState[]> {
  if (ids.length === 0) return [];
  const rows = await db.equipment.where('id').anyOf([...ids]).toArray();
  const started = await eventsOfType(db, 'downtime.started');
  const ended = new Set((await eventsOfType(db, 'downtime.ended')).map((e) => str(e.payload.downtimeId)));
  return ids.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    const mine = started.filter((e) => str(e.payload.equipmentId) === id && !ended.has(str(e.payload.downtimeId))).at(-1);
    if (mine) {
      const downtime = { downtimeId: str(mine.payload.downtimeId), reasonCode: str(mine.payload.reasonCode), since: mine.occurredAt };
      return [{ ...row, status: 'down' as const, downtime }];
    }
    const central = row.openDowntime && !ended.has(row.openDowntime.downtimeId) ? row.openDowntime : null;
    // Ended here but central's row not pulled yet: it is available again.
    if (row.openDowntime && !central) return [{ ...row, status: 'available' as const, downtime: null }];
    return [{ ...row, downtime: central }];
  });
}

export interface IssuedLot {
  eventId: string;
  lotId: string;
  itemId: string;
  qty: number;
  state: OutboxEvent['state'];
}

/** Lots this terminal issued to the work order (`material.consumed`), oldest first. */
export async function issuedLots(db: TaktDb, workOrderId: string): Promise<IssuedLot[]> {
  const events = await db.events.where('payload.workOrderId').equals(workOrderId).toArray();
  return events
    .filter((e) => e.type === 'material.consumed' && live(e))
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ eventId: e.id, lotId: str(e.payload.lotId), itemId: str(e.payload.itemId), qty: Number(e.payload.qty), state: e.state }));
}

/** What this terminal took from a lot that central's inventory row does not show yet (pending events). */
export async function pendingUseOfLot(db: TaktDb, lotId: string): Promise<number> {
  const pending = await db.events.where('state').equals('pending').toArray();
  return pending
    .filter((e) => e.type === 'material.consumed' && e.payload.lotId === lotId)
    .reduce((sum, e) => sum + toMilli(Number(e.payload.qty)), 0);
}

export async function findLot(db: TaktDb, lotId: string): Promise<LotRow | null> {
  return (await db.lots.where('id').equals(lotId).first()) ?? null;
}

/** The latest supervisor override recorded here for the work order (a `readiness.checked` with overriddenBy). */
export async function latestOverride(db: TaktDb, workOrderId: string): Promise<OutboxEvent | null> {
  const events = await db.events.where('payload.workOrderId').equals(workOrderId).toArray();
  return (
    events
      .filter((e) => e.type === 'readiness.checked' && live(e) && typeof e.payload.overriddenBy === 'string')
      .sort((a, b) => b.seq - a.seq)[0] ?? null
  );
}

export interface StockLine {
  itemId: string;
  itemName: string;
  unit: string;
  /** Released lots only: what the warehouse can actually issue. */
  availableQty: number;
  lots: number;
  /** Lots in quarantine or on hold, for the report (not usable). */
  blockedQty: number;
}

/** The cached warehouse stock (inventory stream) of the given items, in BOM order. */
export async function stockOf(db: TaktDb, itemIds: readonly string[]): Promise<StockLine[]> {
  const unique = [...new Set(itemIds)];
  if (unique.length === 0) return [];
  const [lots, items] = await Promise.all([db.lots.where('itemId').anyOf(unique).toArray(), db.items.where('id').anyOf(unique).toArray()]);
  return unique.map((itemId) => {
    const item = items.find((i) => i.id === itemId);
    const mine = lots.filter((l) => l.itemId === itemId);
    const released = mine.filter((l) => l.status === 'released' && l.qty > 0);
    return {
      itemId,
      itemName: item?.name ?? itemId,
      unit: item?.unit ?? '',
      availableQty: released.reduce((s, l) => s + toMilli(l.qty), 0) / 1000,
      lots: released.length,
      blockedQty: mine.filter((l) => l.status === 'quarantine' || l.status === 'hold').reduce((s, l) => s + toMilli(l.qty), 0) / 1000,
    };
  });
}

export function bomItemsFor(bom: readonly BomLine[], operation: string): string[] {
  return bom.filter((b) => b.operation === operation).map((b) => b.itemId);
}

/** WIP waiting before this work order's operation (null for a first operation or an unknown product). */
export async function wipFor(db: TaktDb, workOrderId: string): Promise<Wip | null> {
  const wo = await db.workOrders.where('id').equals(workOrderId).first();
  if (!wo) return null;
  const product = await db.products.where('id').equals(wo.productId).first();
  if (!product) return null;
  const [siblings, pending] = await Promise.all([
    db.workOrders.where('productionOrderId').equals(wo.productionOrderId).toArray(),
    pendingOutput(db),
  ]);
  const totals = siblings.map((s) => {
    const p = progressOf(s, pending.get(s.id));
    return { operation: s.operation, good: p.good, scrap: p.scrap };
  });
  return wipBefore(
    product.routing.map((r) => r.operation),
    wo.operation,
    totals,
  );
}

export interface OpenDisruption {
  disruptionId: string;
  cause: string;
  lineId: string;
  workOrderId: string | null;
  description: string;
  reportedAt: string;
  /** Still only on this terminal (central's notice not pulled yet). */
  isLocal: boolean;
}

/** Open disruptions of a line: central's notices plus this terminal's reports, minus what was resolved here. */
export async function openDisruptions(db: TaktDb, lineId: string): Promise<OpenDisruption[]> {
  const [notices, reported, resolved] = await Promise.all([
    db.notices.toArray(),
    eventsOfType(db, 'disruption.reported'),
    eventsOfType(db, 'disruption.resolved'),
  ]);
  const resolvedIds = new Set(resolved.map((e) => str(e.payload.disruptionId)));
  const out = new Map<string, OpenDisruption>();
  for (const e of reported) {
    const id = str(e.payload.disruptionId);
    out.set(id, {
      disruptionId: id,
      cause: str(e.payload.cause),
      lineId: str(e.payload.lineId),
      workOrderId: str(e.payload.workOrderId) || null,
      description: str(e.payload.description),
      reportedAt: e.occurredAt,
      isLocal: true,
    });
  }
  for (const n of notices) {
    if (n.kind !== 'disruption' || !n.id.startsWith('disruption:')) continue;
    const id = n.id.slice('disruption:'.length);
    if (n.resolvedAt) {
      out.delete(id);
      continue;
    }
    const mine = out.get(id);
    out.set(id, {
      disruptionId: id,
      // Older centrals sent the report as text only: the cause is then read back from the title.
      cause: mine?.cause ?? n.disruption?.cause ?? causeFromTitle(n.title),
      lineId: n.lineId ?? mine?.lineId ?? '',
      workOrderId: mine?.workOrderId ?? n.disruption?.workOrderId ?? (n.refId && n.refId !== id ? n.refId : null),
      description: mine?.description ?? n.disruption?.description ?? n.body,
      reportedAt: mine?.reportedAt ?? n.createdAt,
      isLocal: false,
    });
  }
  return [...out.values()]
    .filter((d) => d.lineId === lineId && !resolvedIds.has(d.disruptionId))
    .sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : -1));
}
