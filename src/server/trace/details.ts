/**
 * Everything a trace shows about a set of lots and packages, loaded in a few set-based queries:
 * produced lots (work order, workstation, operator, serials), stream rows for status (material
 * lots and produced ones alike), put-away locations from warehouse.received, work orders, the
 * operators who recorded on them, workstation equipment, inspections (with their gauges) and NCs
 * on those work orders or lots, and the packages that hold the lots.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../db/connect';
import type { TraceInspection, TraceNc, TraceWorkOrder } from '../../shared/trace/types';

export interface LotFacts {
  id: string;
  produced: boolean;
  itemId: string | null;
  qty: number | null;
  status: string | null;
  location: string | null;
  createdAt: string | null;
  workOrderId: string | null;
  workstationId: string | null;
  operatorId: string | null;
  serials: string[];
}
export interface PackageFacts {
  id: string;
  qty: number;
  status: string;
  location: string;
  createdAt: string;
  workstationId: string;
  operatorId: string | null;
  lotIds: string[];
}
export interface WorkOrderFacts {
  workOrder: TraceWorkOrder;
  operators: string[];
  inspections: TraceInspection[];
  ncs: TraceNc[];
}

const list = (values: readonly string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' || typeof v === 'number' ? new Date(v).toISOString() : null);

async function putAway(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; location: string }>(
    await q.execute(sql`
      SELECT DISTINCT ON (payload->>'lotId') payload->>'lotId' AS id, payload->>'location' AS location
      FROM events WHERE type = 'warehouse.received' AND payload->>'lotId' IN (${list(ids)})
      ORDER BY payload->>'lotId', server_seq DESC`),
  );
  return new Map(rows.map((r) => [r.id, r.location]));
}

export async function loadLots(q: Queryable, ids: readonly string[]): Promise<Map<string, LotFacts>> {
  const out = new Map<string, LotFacts>();
  if (ids.length === 0) return out;
  // Independent lookups: on PostgreSQL they run side by side on the pool.
  const [produced, stream, serials, located] = await Promise.all([
    q
      .execute(
        sql`SELECT l.lot_id, l.item_id, l.work_order_id, l.qty, l.workstation_id, l.created_at, l.location, ev.operator_id
            FROM trace_lots l LEFT JOIN events ev ON ev.id = l.event_id WHERE l.lot_id IN (${list(ids)})`,
      )
      .then((r) => rowsOf<{ lot_id: string; item_id: string; work_order_id: string | null; qty: string; workstation_id: string; created_at: unknown; location: string | null; operator_id: string | null }>(r)),
    q
      .execute(sql`SELECT key, row FROM change_log WHERE stream = 'inventory' AND op = 'put' AND key IN (${list(ids.map((id) => `lot:${id}`))})`)
      .then((r) => rowsOf<{ key: string; row: { itemId?: string; qty?: number; status?: string; location?: string; receivedOn?: string } }>(r)),
    q.execute(sql`SELECT lot_id, serial FROM trace_serials WHERE lot_id IN (${list(ids)}) ORDER BY serial`).then((r) => rowsOf<{ lot_id: string; serial: string }>(r)),
    putAway(q, ids),
  ]);
  const rowOf = new Map(stream.map((s) => [s.key.slice(4), s.row]));
  const producedOf = new Map(produced.map((p) => [p.lot_id, p]));
  const serialsOf = new Map<string, string[]>();
  for (const s of serials) serialsOf.set(s.lot_id, [...(serialsOf.get(s.lot_id) ?? []), s.serial]);
  for (const id of ids) {
    const p = producedOf.get(id);
    const row = rowOf.get(id);
    if (!p && !row) continue;
    out.set(id, {
      id,
      produced: !!p,
      itemId: p?.item_id ?? row?.itemId ?? null,
      qty: p ? Number(p.qty) : (row?.qty ?? null),
      status: row?.status ?? (p ? 'released' : null),
      location: located.get(id) ?? row?.location ?? p?.location ?? null,
      createdAt: p ? iso(p.created_at) : (row?.receivedOn ?? null),
      workOrderId: p?.work_order_id ?? null,
      workstationId: p?.workstation_id ?? null,
      operatorId: p?.operator_id ?? null,
      serials: serialsOf.get(id) ?? [],
    });
  }
  return out;
}

export async function loadPackages(q: Queryable, by: { packageIds?: readonly string[]; lotIds?: readonly string[] }): Promise<PackageFacts[]> {
  const where =
    by.packageIds && by.packageIds.length > 0
      ? sql`p.package_id IN (${list(by.packageIds)})`
      : by.lotIds && by.lotIds.length > 0
        ? sql`p.package_id IN (SELECT package_id FROM trace_package_lots WHERE lot_id IN (${list(by.lotIds)}))`
        : null;
  if (!where) return [];
  const rows = rowsOf<{ package_id: string; qty: string; status: string; location: string; created_at: unknown; workstation_id: string; operator_id: string | null; lot_ids: string[] | string }>(
    await q.execute(sql`
      SELECT p.package_id, p.qty, p.status, p.location, p.created_at, p.workstation_id, ev.operator_id,
             array(SELECT lot_id FROM trace_package_lots pl WHERE pl.package_id = p.package_id ORDER BY lot_id) AS lot_ids
      FROM trace_packages p LEFT JOIN events ev ON ev.id = p.event_id WHERE ${where} ORDER BY p.package_id`),
  );
  const located = await putAway(q, rows.map((r) => r.package_id));
  return rows.map((r) => ({
    id: r.package_id,
    qty: Number(r.qty),
    status: located.has(r.package_id) ? 'received' : r.status,
    location: located.get(r.package_id) ?? r.location,
    createdAt: iso(r.created_at) ?? '',
    workstationId: r.workstation_id,
    operatorId: r.operator_id,
    lotIds: Array.isArray(r.lot_ids) ? r.lot_ids : r.lot_ids.replace(/^\{|\}$/g, '').split(',').filter(Boolean),
  }));
}

interface InspectionPayload {
  inspectionId: string;
  kind: string;
  verdict: string;
  inspectorId?: string;
  workOrderId?: string;
  lotId?: string;
  results?: { gaugeId?: string }[];
}
interface NcPayload {
  ncId: string;
  defectCode: string;
  qty: number;
  description: string;
  workOrderId?: string;
  lotId?: string;
}

/** Work orders with who worked on them (output, consumption), their inspections and NCs. */
export async function loadWorkOrders(q: Queryable, woIds: readonly string[]): Promise<Map<string, WorkOrderFacts>> {
  const out = new Map<string, WorkOrderFacts>();
  const wos = woIds.length
    ? rowsOf<{ id: string; production_order_id: string; operation: string; product_id: string; line_id: string; status: string }>(
        await q.execute(sql`SELECT id, production_order_id, operation, product_id, line_id, status FROM work_orders WHERE id IN (${list(woIds)})`),
      )
    : [];
  for (const id of woIds) {
    const w = wos.find((r) => r.id === id);
    out.set(id, {
      workOrder: {
        id,
        productionOrderId: w?.production_order_id ?? null,
        operation: w?.operation ?? null,
        productId: w?.product_id ?? null,
        lineId: w?.line_id ?? null,
        status: w?.status ?? null,
      },
      operators: [],
      inspections: [],
      ncs: [],
    });
  }
  if (woIds.length === 0) return out;
  const byWo = sql`(payload->>'workOrderId') IN (${list(woIds)})`;
  const [ops, quality] = await Promise.all([
    q
      .execute(
        sql`SELECT DISTINCT payload->>'workOrderId' AS wo, operator_id FROM events
            WHERE type IN ('output.recorded', 'material.consumed') AND ${byWo} AND operator_id IS NOT NULL`,
      )
      .then((r) => rowsOf<{ wo: string; operator_id: string }>(r)),
    q
      .execute(
        sql`SELECT type, payload, occurred_at_corrected FROM events
            WHERE type IN ('inspection.recorded', 'nc.raised') AND ${byWo} ORDER BY occurred_at_corrected`,
      )
      .then((r) => rowsOf<{ type: string; payload: InspectionPayload & NcPayload; occurred_at_corrected: unknown }>(r)),
  ]);
  for (const o of ops) out.get(o.wo)?.operators.push(o.operator_id);
  for (const r of quality) {
    const facts = r.payload.workOrderId ? out.get(r.payload.workOrderId) : undefined;
    if (!facts) continue;
    if (r.type === 'inspection.recorded') {
      facts.inspections.push({
        inspectionId: r.payload.inspectionId,
        kind: r.payload.kind,
        verdict: r.payload.verdict,
        inspectorId: r.payload.inspectorId ?? null,
        gaugeIds: [...new Set((r.payload.results ?? []).map((x) => x.gaugeId).filter((g): g is string => !!g))],
        occurredAt: iso(r.occurred_at_corrected) ?? '',
      });
    } else {
      facts.ncs.push({ ncId: r.payload.ncId, defectCode: r.payload.defectCode, qty: r.payload.qty, description: r.payload.description });
    }
  }
  return out;
}

/** Lot-level inspections and NCs (raised on the lot, not its work order). */
export async function loadLotQuality(q: Queryable, lotIds: readonly string[]): Promise<Map<string, { inspections: TraceInspection[]; ncs: TraceNc[] }>> {
  const out = new Map<string, { inspections: TraceInspection[]; ncs: TraceNc[] }>();
  if (lotIds.length === 0) return out;
  const rows = rowsOf<{ type: string; payload: InspectionPayload & NcPayload; occurred_at_corrected: unknown }>(
    await q.execute(sql`
      SELECT type, payload, occurred_at_corrected FROM events
      WHERE type IN ('inspection.recorded', 'nc.raised') AND (payload->>'lotId') IN (${list(lotIds)}) ORDER BY occurred_at_corrected`),
  );
  for (const r of rows) {
    const lotId = r.payload.lotId;
    if (!lotId) continue;
    const entry = out.get(lotId) ?? { inspections: [], ncs: [] };
    if (r.type === 'inspection.recorded') {
      entry.inspections.push({
        inspectionId: r.payload.inspectionId,
        kind: r.payload.kind,
        verdict: r.payload.verdict,
        inspectorId: r.payload.inspectorId ?? null,
        gaugeIds: [...new Set((r.payload.results ?? []).map((x) => x.gaugeId).filter((g): g is string => !!g))],
        occurredAt: iso(r.occurred_at_corrected) ?? '',
      });
    } else entry.ncs.push({ ncId: r.payload.ncId, defectCode: r.payload.defectCode, qty: r.payload.qty, description: r.payload.description });
    out.set(lotId, entry);
  }
  return out;
}

/** Equipment per workstation, from the plant stream. */
export async function loadEquipment(q: Queryable, workstationIds: readonly string[]): Promise<Map<string, string[]>> {
  if (workstationIds.length === 0) return new Map();
  const rows = rowsOf<{ row: { id: string; equipmentIds?: string[] } }>(
    await q.execute(sql`SELECT row FROM change_log WHERE stream = 'plant' AND op = 'put' AND key IN (${list(workstationIds.map((w) => `workstation:${w}`))})`),
  );
  return new Map(rows.map((r) => [r.row.id, r.row.equipmentIds ?? []]));
}
