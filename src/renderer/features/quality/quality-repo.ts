/**
 * What the quality screens read from the terminal's database: the inspection plan of a work
 * order's operation, inspections central accepted (`quality` stream) plus this terminal's own
 * not-yet-confirmed ones (outbox), NCs, and the first-article gate computed from them with the
 * shared rule (shared/quality/sampling.ts).
 */
import type { Characteristic } from '../../../shared/domain/plant';
import { firstArticleStatus, patrolStatus, type FirstArticleStatus, type Stop } from '../../../shared/quality/sampling';
import type { EventPayload } from '../../../shared/sync/events';
import type { OutboxEvent, TaktDb } from '../../data/db';
import type { ProductRow, WorkOrderRow } from '../../data/repositories/rows';

export interface WorkOrderPlan {
  workOrder: WorkOrderRow;
  product: ProductRow | null;
  characteristics: Characteristic[];
  patrol?: { everyPieces?: number | undefined; everyMinutes?: number | undefined; sampleSize: number } | undefined;
  finalSampling?: { maxLotSize: number; sampleSize: number }[] | undefined;
}

export async function getWorkOrderPlan(db: TaktDb, workOrderId: string): Promise<WorkOrderPlan | null> {
  const workOrder = await db.workOrders.where('id').equals(workOrderId).first();
  if (!workOrder) return null;
  const product = (await db.products.where('id').equals(workOrder.productId).first()) ?? null;
  const plan = product?.inspectionPlans.find((p) => p.operation === workOrder.operation);
  return { workOrder, product, characteristics: plan?.characteristics ?? [], patrol: plan?.patrol, finalSampling: plan?.final?.sampling };
}

export interface InspectionSummary {
  id: string;
  kind: 'first-article' | 'patrol' | 'final';
  workOrderId?: string | undefined;
  lotId?: string | undefined;
  verdict: 'pass' | 'fail';
  inspectorId: string;
  occurredAt: string;
  /** Central accepted it (inspector role re-checked); null while only this terminal knows it. */
  accepted: boolean | null;
  results: EventPayload<'inspection.recorded'>['results'];
}

const woEvents = (db: TaktDb, workOrderId: string) => db.events.where('payload.workOrderId').equals(workOrderId).toArray();

/** Central's inspections of a work order, plus this terminal's own still on their way. */
export async function listInspections(db: TaktDb, workOrderId: string): Promise<InspectionSummary[]> {
  const central = await db.inspections.where('workOrderId').equals(workOrderId).toArray();
  const known = new Set(central.map((i) => i.id));
  const local = (await woEvents(db, workOrderId))
    .filter((e) => e.type === 'inspection.recorded' && e.state !== 'rejected')
    .map((e) => ({ e, p: e.payload as EventPayload<'inspection.recorded'> }))
    .filter(({ p }) => !known.has(p.inspectionId));
  const list: InspectionSummary[] = [
    ...central.map((i) => ({ id: i.id, kind: i.kind, workOrderId: i.workOrderId, lotId: i.lotId, verdict: i.verdict, inspectorId: i.inspectorId, occurredAt: i.occurredAt, accepted: i.accepted, results: i.results })),
    ...local.map(({ e, p }) => ({ id: p.inspectionId, kind: p.kind, workOrderId: p.workOrderId, lotId: p.lotId, verdict: p.verdict, inspectorId: p.inspectorId, occurredAt: e.occurredAt, accepted: null, results: p.results })),
  ];
  return list.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

/** Stops of the work order seen here: from a pause or block to the next start. */
function stopsFrom(events: OutboxEvent[]): Stop[] {
  const stops: Stop[] = [];
  let open: string | null = null;
  for (const e of events.filter((x) => x.type === 'wo.transition.requested').sort((a, b) => a.seq - b.seq)) {
    const to = (e.payload as EventPayload<'wo.transition.requested'>).to;
    if ((to === 'paused' || to === 'blocked') && !open) open = e.occurredAt;
    if (to === 'started' && open) {
      stops.push({ from: open, to: e.occurredAt });
      open = null;
    }
  }
  if (open) stops.push({ from: open, to: null });
  return stops;
}

export interface GateState {
  status: FirstArticleStatus;
  /** Whether the operation has a first-article plan at all (no plan, no gate). */
  hasPlan: boolean;
  /** A passed first article that central has not confirmed yet. */
  pendingConfirmation: boolean;
}

export async function getFirstArticleGate(db: TaktDb, workOrderId: string, stopLimitMinutes: number, now: Date): Promise<GateState> {
  const plan = await getWorkOrderPlan(db, workOrderId);
  const hasPlan = !!plan && plan.characteristics.length > 0;
  const inspections = await listInspections(db, workOrderId);
  // A local one counts only when the signer is an inspector here too; central re-checks it.
  const inspectors = new Set((await db.operators.toArray()).filter((o) => o.roles.includes('inspector')).map((o) => o.id));
  const passed = inspections
    .filter((i) => i.kind === 'first-article' && i.verdict === 'pass' && (i.accepted === true || (i.accepted === null && inspectors.has(i.inspectorId))))
    .at(-1);
  const events = await woEvents(db, workOrderId);
  const setupChanges = events.filter((e) => e.type === 'setup.changed').map((e) => e.occurredAt);
  const status = firstArticleStatus({ passedAt: passed?.occurredAt ?? null, setupChanges, stops: stopsFrom(events), stopLimitMinutes, now: now.toISOString() });
  return { status: hasPlan ? status : { required: false }, hasPlan, pendingConfirmation: !!passed && passed.accepted === null };
}

/** Good pieces recorded here since an instant (patrol counting). */
export async function piecesSince(db: TaktDb, workOrderId: string, since: string | null): Promise<number> {
  const events = await woEvents(db, workOrderId);
  return events
    .filter((e) => e.type === 'output.recorded' && e.state !== 'rejected' && (!since || e.occurredAt > since))
    .reduce((sum, e) => sum + ((e.payload as EventPayload<'output.recorded'>).goodQty ?? 0), 0);
}

export async function listOpenNcs(db: TaktDb) {
  return (await db.ncs.toArray()).sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
}

export interface CharacteristicPoint {
  at: string;
  value: string;
  workOrderId: string | null;
}

/** Every measured value of one characteristic known here (central's and this terminal's), oldest first. */
export async function listCharacteristicValues(db: TaktDb, characteristicId: string): Promise<CharacteristicPoint[]> {
  const central = await db.inspections.toArray();
  const known = new Set(central.map((i) => i.id));
  const local = (await db.events.where('type').equals('inspection.recorded').toArray())
    .filter((e) => e.state !== 'rejected')
    .map((e) => ({ at: e.occurredAt, p: e.payload as EventPayload<'inspection.recorded'> }))
    .filter(({ p }) => !known.has(p.inspectionId));
  const all = [...central.map((i) => ({ at: i.occurredAt, p: i })), ...local];
  return all
    .flatMap(({ at, p }) =>
      p.results
        .filter((r) => r.characteristicId === characteristicId && r.value != null)
        .map((r) => ({ at, value: r.value!, workOrderId: p.workOrderId ?? null })),
    )
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** Whether a patrol inspection is due on the work order (every N pieces or M minutes since the last inspection). */
export async function getPatrolStatus(db: TaktDb, workOrderId: string, now: Date) {
  const plan = await getWorkOrderPlan(db, workOrderId);
  if (!plan?.patrol || (!plan.patrol.everyPieces && !plan.patrol.everyMinutes)) return null;
  const last = (await listInspections(db, workOrderId)).filter((i) => i.kind !== 'final' && i.verdict === 'pass').at(-1);
  if (!last) return null; // no first article yet: the first-article gate speaks first
  const pieces = await piecesSince(db, workOrderId, last.occurredAt);
  return {
    everyPieces: plan.patrol.everyPieces,
    everyMinutes: plan.patrol.everyMinutes,
    ...patrolStatus({ everyPieces: plan.patrol.everyPieces, everyMinutes: plan.patrol.everyMinutes, lastAt: last.occurredAt, piecesSinceLast: pieces, now: now.toISOString() }),
  };
}

/** A lot this terminal knows (inventory stream: material and produced lots), for the final inspection's lot size. */
export async function findLot(db: TaktDb, lotId: string) {
  return db.lots.where('id').equals(lotId).first();
}

/**
 * Central's open QC notice that output reached it while the work order's first-article gate was
 * closed (server/quality/first-article-gate.ts), if any: resolved once an inspector reviewed it all.
 */
export async function getFirstArticleFlagNotice(db: TaktDb, workOrderId: string) {
  const notice = await db.notices.where('id').equals(`first-article-gate:${workOrderId}`).first();
  return notice && !notice.resolvedAt ? notice : undefined;
}
