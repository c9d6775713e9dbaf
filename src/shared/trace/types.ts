/**
 * The trace contract (clause 4.8, ARCHITECTURE 5): what central answers on
 * GET /api/v1/trace/{lot|serial|package}/{id}?direction=backward|forward and /trace/recall/{lotId},
 * and what the terminal's trace screen reads.
 */
export type TraceDirection = 'backward' | 'forward';
export type TraceNodeKind = 'lot' | 'material-lot' | 'package';

export interface TraceInspection {
  inspectionId: string;
  kind: string;
  verdict: string;
  inspectorId: string | null;
  gaugeIds: string[];
  occurredAt: string;
}
export interface TraceNc {
  ncId: string;
  defectCode: string;
  qty: number;
  description: string;
}
export interface TraceWorkOrder {
  id: string;
  productionOrderId: string | null;
  operation: string | null;
  productId: string | null;
  lineId: string | null;
  status: string | null;
}

export interface TraceNode {
  kind: TraceNodeKind;
  id: string;
  itemId: string | null;
  qty: number | null;
  /** released | quarantine | hold | consumed | packed | received ... */
  status: string | null;
  location: string | null;
  createdAt: string | null;
  /** Depth from the root (root = 0). */
  depth: number;
  workOrder: TraceWorkOrder | null;
  workstationId: string | null;
  operators: string[];
  equipment: string[];
  gauges: string[];
  inspections: TraceInspection[];
  ncs: TraceNc[];
  serials: string[];
  children: TraceNode[];
}

export interface TraceResponse {
  direction: TraceDirection;
  /** What was asked for (a serial resolves to its lot, a package is the root itself). */
  query: { kind: 'lot' | 'serial' | 'package'; id: string };
  root: TraceNode;
  /** Number of nodes in the tree. */
  count: number;
}

export interface RecallLot {
  lotId: string;
  itemId: string | null;
  qty: number | null;
  status: string | null;
  location: string | null;
  workOrderId: string | null;
  depth: number;
  /** True when nothing was made from this lot (a finished or not-yet-used lot). */
  isEnd: boolean;
}
export interface RecallPackage {
  packageId: string;
  qty: number;
  status: string | null;
  location: string | null;
  lotIds: string[];
}
export interface RecallResponse {
  lotId: string;
  lots: RecallLot[];
  packages: RecallPackage[];
}

/** Flattens a tree depth-first (root first), for exports and tests. */
export function flattenTrace(root: TraceNode): TraceNode[] {
  const out: TraceNode[] = [];
  const walk = (n: TraceNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}
