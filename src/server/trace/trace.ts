/**
 * Trace at central (clause 4.8): the genealogy of a lot, a serial (its lot) or a package as a
 * tree — backward to component and material lots with the work orders, operators, equipment,
 * gauges, inspections and NCs behind each, forward to every lot and package made from it and
 * where they are — and the recall view of a suspect lot. Walks are recursive CTEs (./walk.ts);
 * details load set-based (./details.ts), so the cost grows with the tree, not the plant.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../db/connect';
import type { RecallResponse, TraceDirection, TraceNode, TraceResponse } from '../../shared/trace/types';
import type { TraceTarget } from '../../shared/trace/scan-target';
import { loadEquipment, loadLotQuality, loadLots, loadPackages, loadWorkOrders, type LotFacts, type PackageFacts } from './details';
import { walkGenealogy, type WalkRow } from './walk';

export class TraceNotFound extends Error {}

function emptyNode(kind: TraceNode['kind'], id: string, depth: number): TraceNode {
  return {
    kind,
    id,
    itemId: null,
    qty: null,
    status: null,
    location: null,
    createdAt: null,
    depth,
    workOrder: null,
    workstationId: null,
    operators: [],
    equipment: [],
    gauges: [],
    inspections: [],
    ncs: [],
    serials: [],
    children: [],
  };
}

function packageNode(p: PackageFacts, depth: number): TraceNode {
  return {
    ...emptyNode('package', p.id, depth),
    qty: p.qty,
    status: p.status,
    location: p.location,
    createdAt: p.createdAt,
    workstationId: p.workstationId,
    operators: p.operatorId ? [p.operatorId] : [],
  };
}

async function resolveSeeds(q: Queryable, target: TraceTarget): Promise<{ seeds: string[]; pkg: PackageFacts | null; serial: string | null }> {
  if (target.kind === 'package') {
    const [pkg] = await loadPackages(q, { packageIds: [target.id] });
    if (!pkg) throw new TraceNotFound(`El bulto ${target.id} no existe. / Package ${target.id} does not exist.`);
    return { seeds: pkg.lotIds, pkg, serial: null };
  }
  if (target.kind === 'serial') {
    const [row] = rowsOf<{ lot_id: string }>(await q.execute(sql`SELECT lot_id FROM trace_serials WHERE serial = ${target.id}`));
    if (!row) throw new TraceNotFound(`El número de serie ${target.id} no existe. / Serial ${target.id} does not exist.`);
    return { seeds: [row.lot_id], pkg: null, serial: target.id };
  }
  const facts = await loadLots(q, [target.id]);
  if (!facts.has(target.id)) throw new TraceNotFound(`El lote ${target.id} no existe. / Lot ${target.id} does not exist.`);
  return { seeds: [target.id], pkg: null, serial: null };
}

export async function traceGenealogy(q: Queryable, target: TraceTarget, direction: TraceDirection): Promise<TraceResponse> {
  const { seeds, pkg, serial } = await resolveSeeds(q, target);
  // A package has no genealogy forward of its own: it is where its lots went.
  const walk: WalkRow[] = pkg && direction === 'forward' ? [] : await walkGenealogy(q, seeds, direction);
  const lotIds = [...new Set([...seeds, ...walk.map((w) => w.lotId)])];
  const lots = await loadLots(q, lotIds);
  const woIds = [...new Set([...lots.values()].map((l) => l.workOrderId).filter((w): w is string => !!w))];
  const [wos, lotQuality, equipment, packages] = await Promise.all([
    loadWorkOrders(q, woIds),
    loadLotQuality(q, lotIds),
    loadEquipment(q, [...new Set([...lots.values()].map((l) => l.workstationId).filter((w): w is string => !!w))]),
    direction === 'forward' ? loadPackages(q, { lotIds }) : Promise.resolve([] as PackageFacts[]),
  ]);

  const lotNode = (id: string, depth: number): TraceNode => {
    const l: LotFacts | undefined = lots.get(id);
    const node = emptyNode(l && !l.produced ? 'material-lot' : 'lot', id, depth);
    if (!l) return node;
    const wo = l.workOrderId ? wos.get(l.workOrderId) : undefined;
    const lq = lotQuality.get(id);
    const inspections = [...(wo?.inspections ?? []), ...(lq?.inspections ?? [])];
    return {
      ...node,
      itemId: l.itemId,
      qty: l.qty,
      status: l.status,
      location: l.location,
      createdAt: l.createdAt,
      workOrder: wo?.workOrder ?? (l.workOrderId ? { id: l.workOrderId, productionOrderId: null, operation: null, productId: null, lineId: null, status: null } : null),
      workstationId: l.workstationId,
      operators: [...new Set([...(l.operatorId ? [l.operatorId] : []), ...(wo?.operators ?? [])])].sort(),
      equipment: l.workstationId ? (equipment.get(l.workstationId) ?? []) : [],
      gauges: [...new Set(inspections.flatMap((i) => i.gaugeIds))].sort(),
      inspections,
      ncs: [...(wo?.ncs ?? []), ...(lq?.ncs ?? [])],
      serials: serial ? l.serials.filter((s) => s === serial) : l.serials,
    };
  };

  // One node per walk path: a lot reached twice appears in both places.
  const byPath = new Map<string, TraceNode>();
  const offset = pkg ? 1 : 0;
  for (const w of walk) {
    const node = lotNode(w.lotId, w.depth + offset);
    byPath.set(w.path.join('\u0000'), node);
    if (w.path.length > 1) byPath.get(w.path.slice(0, -1).join('\u0000'))?.children.push(node);
  }
  if (direction === 'forward') {
    for (const node of byPath.values()) {
      for (const p of packages.filter((x) => x.lotIds.includes(node.id))) node.children.push(packageNode(p, node.depth + 1));
    }
  }
  let root: TraceNode;
  if (pkg) {
    root = packageNode(pkg, 0);
    root.children = seeds.map((id) => byPath.get(id) ?? lotNode(id, 1));
  } else {
    root = byPath.get(seeds[0]!) ?? lotNode(seeds[0]!, 0);
  }
  let count = 0;
  const countAll = (n: TraceNode) => {
    count++;
    n.children.forEach(countAll);
  };
  countAll(root);
  return { direction, query: { kind: target.kind, id: target.id }, root, count };
}

/** Recall: every lot made from `lotId` (at any depth) and every package holding any of them. */
export async function recall(q: Queryable, lotId: string): Promise<RecallResponse> {
  const known = await loadLots(q, [lotId]);
  if (!known.has(lotId)) throw new TraceNotFound(`El lote ${lotId} no existe. / Lot ${lotId} does not exist.`);
  const walk = await walkGenealogy(q, [lotId], 'forward');
  const depthOf = new Map<string, number>();
  for (const w of walk) if (w.lotId !== lotId && !depthOf.has(w.lotId)) depthOf.set(w.lotId, w.depth);
  const ids = [...depthOf.keys()];
  const lots = await loadLots(q, ids);
  const parents = new Set(walk.filter((w) => w.path.length > 1).map((w) => w.path[w.path.length - 2]!));
  const packages = await loadPackages(q, { lotIds: [lotId, ...ids] });
  return {
    lotId,
    lots: ids
      .map((id) => {
        const l = lots.get(id);
        return {
          lotId: id,
          itemId: l?.itemId ?? null,
          qty: l?.qty ?? null,
          status: l?.status ?? null,
          location: l?.location ?? null,
          workOrderId: l?.workOrderId ?? null,
          depth: depthOf.get(id) ?? 0,
          isEnd: !parents.has(id),
        };
      })
      .sort((a, b) => a.depth - b.depth || a.lotId.localeCompare(b.lotId)),
    packages: packages.map((p) => ({ packageId: p.id, qty: p.qty, status: p.status, location: p.location, lotIds: p.lotIds })),
  };
}
