/**
 * Effects of a newly stored event, applied in the push transaction that stored it: output ledger
 * and work-order totals (`output_ledger`, `work_orders`; the running totals and the output of the
 * latest production day, shared/supervision/day-output.ts), work-order transitions through the
 * state machine (conflicts go to `wo_conflicts` and the `notices` stream), disruption notices.
 * Business problems never reject an event: the returned text is stored as the event's `issue`.
 */
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { EventPayload, EventType } from '../../shared/sync/events';
import type { WorkOrderStatus } from '../../shared/domain/orders';
import type { PlantSettings } from '../../shared/domain/plant';
import { productionDay } from '../../shared/production-day';
import { addDayOutput, type DayOutput } from '../../shared/supervision/day-output';
import { events, outputLedger, woConflicts, workOrders } from '../db/schema';
import type { Tx } from '../db/connect';
import { getLine, getPlantSettings, workOrderRow, type WorkOrderRecord } from '../db/master';
import { dayBounds } from '../reports/period';
import type { ChangeSet } from './changes';
import { recordLabel, recordLotCreated, recordPackage } from '../trace/effects';
import { consumeMaterial, disruptionBody, disruptionTitle, endDowntime, startDowntime } from '../floor/effects';
import { acknowledgePlan } from '../supervision/acknowledge';
import { applyQualityEffects } from '../quality/apply';
import { flagOutputsBeforeFirstArticle } from '../quality/first-article-gate';

export interface StoredEvent {
  id: string;
  terminalId: string;
  type: string;
  workstationId: string;
  occurredAtCorrected: Date;
  payload: Record<string, unknown>;
}

export const DISRUPTION_DEPARTMENTS = ['production', 'material-control', 'marketing'];

const transitions: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  released: ['started'],
  started: ['paused', 'blocked', 'completed'],
  paused: ['started', 'blocked', 'completed'],
  blocked: ['started', 'paused'],
  completed: [],
};

export function isTransitionAllowed(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return transitions[from].includes(to);
}

interface Ctx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}

export async function applyEffects(ctx: Ctx, e: StoredEvent): Promise<string | null> {
  const type = e.type as EventType;
  switch (type) {
    case 'output.recorded':
      return recordOutput(ctx, e, e.payload as EventPayload<'output.recorded'>);
    case 'output.reversed':
      return reverseOutput(ctx, e.id, e.payload as EventPayload<'output.reversed'>);
    case 'wo.transition.requested':
      return requestTransition(ctx, e, e.payload as EventPayload<'wo.transition.requested'>);
    case 'disruption.reported':
      return reportDisruption(ctx, e.payload as EventPayload<'disruption.reported'>);
    case 'disruption.resolved':
      return resolveDisruption(ctx, e.payload as EventPayload<'disruption.resolved'>);
    case 'lot.created':
      return recordLotCreated(ctx, e, e.payload as EventPayload<'lot.created'>);
    case 'package.recorded':
      return recordPackage(ctx, e, e.payload as EventPayload<'package.recorded'>);
    case 'label.printed':
      return recordLabel(ctx, e, e.payload as EventPayload<'label.printed'>);
    case 'material.consumed':
      return consumeMaterial(ctx, e.payload as EventPayload<'material.consumed'>);
    case 'downtime.started':
      return startDowntime(ctx, e, e.payload as EventPayload<'downtime.started'>);
    case 'downtime.ended':
      return endDowntime(ctx, e, e.payload as EventPayload<'downtime.ended'>);
    case 'plan.acknowledged':
      return acknowledgePlan(ctx, e, e.payload as EventPayload<'plan.acknowledged'>);
    case 'inspection.recorded':
    case 'nc.raised':
    case 'nc.disposition.requested':
    case 'gauge.status.changed':
    case 'lot.hold.requested':
    case 'warehouse.received':
    case 'first-article.flags.reviewed':
      return applyQualityEffects(ctx, e);
    default:
      return null;
  }
}

async function lockWorkOrder(tx: Tx, id: string) {
  const [wo] = await tx.select().from(workOrders).where(eq(workOrders.id, id)).for('update');
  return wo ?? null;
}

/**
 * Moves a work order's running totals by good/scrap and its day figures as given: the figures
 * after new output (computed from the locked row), or a reversal of output of `day`, which only
 * moves the figures when they are that day's (an atomic CASE, no lock needed).
 */
async function addToTotals(
  ctx: Ctx,
  workOrderId: string,
  good: number,
  scrap: number,
  day: { set: DayOutput } | { reversed: string },
): Promise<boolean> {
  const dayColumns =
    'set' in day
      ? { dayDate: day.set.dayDate, dayGood: day.set.dayGood, dayScrap: day.set.dayScrap }
      : {
          dayGood: sql`CASE WHEN ${workOrders.dayDate} = ${day.reversed} THEN ${workOrders.dayGood} + ${good} ELSE ${workOrders.dayGood} END`,
          dayScrap: sql`CASE WHEN ${workOrders.dayDate} = ${day.reversed} THEN ${workOrders.dayScrap} + ${scrap} ELSE ${workOrders.dayScrap} END`,
        };
  const [updated] = await ctx.tx
    .update(workOrders)
    .set({
      goodQty: sql`${workOrders.goodQty} + ${good}`,
      scrapQty: sql`${workOrders.scrapQty} + ${scrap}`,
      ...dayColumns,
      updatedAt: ctx.now,
    })
    .where(eq(workOrders.id, workOrderId))
    .returning();
  if (updated) ctx.changes.put('work-orders', workOrderRow(updated));
  return !!updated;
}

interface DayEntry {
  day: string;
  good: number;
  scrap: number;
}

/**
 * A locked work order's day figures after new output (already inserted in the ledger), in event
 * order. A work order with output from before central kept day figures (migration 0008: no day
 * yet, totals not zero) reads its latest day's figures from the ledger once, this output included.
 */
async function dayAfterOutput(tx: Tx, wo: WorkOrderRecord, entries: readonly DayEntry[], settings: PlantSettings): Promise<DayOutput> {
  const held: DayOutput = { dayDate: wo.dayDate, dayGood: Number(wo.dayGood), dayScrap: Number(wo.dayScrap) };
  if (held.dayDate === null && (Number(wo.goodQty) !== 0 || Number(wo.scrapQty) !== 0) && entries.length > 0) {
    const day = entries.reduce((latest, e) => (e.day > latest ? e.day : latest), entries[0]!.day);
    const { start, end } = dayBounds(day, settings.timezone, settings.dayStartsAt);
    const [sums] = await tx
      .select({
        good: sql<number>`coalesce(sum(${outputLedger.goodQty}), 0)`.mapWith(Number),
        scrap: sql<number>`coalesce(sum(${outputLedger.scrapQty}), 0)`.mapWith(Number),
      })
      .from(outputLedger)
      .where(
        and(
          eq(outputLedger.workOrderId, wo.id),
          gte(outputLedger.occurredAtCorrected, start),
          lt(outputLedger.occurredAtCorrected, end),
          isNull(outputLedger.reversedBy),
        ),
      );
    return { dayDate: day, dayGood: sums?.good ?? 0, dayScrap: sums?.scrap ?? 0 };
  }
  return entries.reduce((s, e) => addDayOutput(s, e.day, e.good, e.scrap), held);
}

const dayOf = (at: Date, settings: PlantSettings) => productionDay(at, settings.timezone, settings.dayStartsAt);

async function recordOutput(ctx: Ctx, e: StoredEvent, p: EventPayload<'output.recorded'>): Promise<string | null> {
  await ctx.tx.insert(outputLedger).values({
    eventId: e.id,
    workOrderId: p.workOrderId,
    workstationId: e.workstationId,
    goodQty: p.goodQty,
    scrapQty: p.scrapQty,
    occurredAtCorrected: e.occurredAtCorrected,
  });
  const wo = await lockWorkOrder(ctx.tx, p.workOrderId);
  let issue: string | null = null;
  if (!wo) issue = `unknown work order ${p.workOrderId}`;
  else {
    if (wo.status !== 'started') issue = `output recorded while work order ${wo.id} was ${wo.status}`;
    const settings = await getPlantSettings(ctx.tx);
    const entry = { day: dayOf(e.occurredAtCorrected, settings), good: p.goodQty, scrap: p.scrapQty };
    await addToTotals(ctx, wo.id, p.goodQty, p.scrapQty, { set: await dayAfterOutput(ctx.tx, wo, [entry], settings) });
  }
  // A reversal from another terminal may have arrived first: apply it now.
  const [waiting] = await ctx.tx
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.type, 'output.reversed'), sql`${events.payload}->>'reversesEventId' = ${e.id}`, sql`${events.issue} LIKE 'reverses unknown event%'`))
    .limit(1);
  if (waiting) {
    await reverseOutput(ctx, waiting.id, { reversesEventId: e.id, reason: '' });
    await ctx.tx.update(events).set({ issue: null }).where(eq(events.id, waiting.id));
  }
  const gate = (await flagOutputsBeforeFirstArticle(ctx, [e])).get(e.id);
  return [issue, gate].filter(Boolean).join('; ') || null;
}

/**
 * The effects of a run of consecutive `output.recorded` events, set-based: one ledger insert,
 * each work order locked and its totals moved once, and reversals that were waiting for any of
 * these outputs applied. Same outcome as applying recordOutput to each in order (only a
 * work-order transition changes a status, and none sits inside the run).
 * `pendingIssues` holds the issues of this batch not yet written: a reversal earlier in the same
 * batch is found there. Returns each output's issue (or null), in order.
 */
export async function recordOutputs(
  ctx: Ctx,
  run: StoredEvent[],
  pendingIssues: Map<string, string[]>,
  reversalsInBatch: { id: string; reversesEventId: string }[],
): Promise<(string | null)[]> {
  if (run.length === 0) return [];
  const payloads = run.map((e) => e.payload as EventPayload<'output.recorded'>);
  await ctx.tx.insert(outputLedger).values(
    run.map((e, i) => ({
      eventId: e.id,
      workOrderId: payloads[i]!.workOrderId,
      workstationId: e.workstationId,
      goodQty: payloads[i]!.goodQty,
      scrapQty: payloads[i]!.scrapQty,
      occurredAtCorrected: e.occurredAtCorrected,
    })),
  );
  const woIds = [...new Set(payloads.map((p) => p.workOrderId))].sort();
  const locked = await ctx.tx.select().from(workOrders).where(inArray(workOrders.id, woIds)).orderBy(workOrders.id).for('update');
  const byId = new Map(locked.map((w) => [w.id, w]));
  const settings = await getPlantSettings(ctx.tx);
  const sums = new Map<string, { good: number; scrap: number; days: DayEntry[] }>();
  const issues = payloads.map((p, i) => {
    const wo = byId.get(p.workOrderId);
    if (!wo) return `unknown work order ${p.workOrderId}`;
    const sum = sums.get(wo.id) ?? { good: 0, scrap: 0, days: [] };
    sum.good += p.goodQty;
    sum.scrap += p.scrapQty;
    sum.days.push({ day: dayOf(run[i]!.occurredAtCorrected, settings), good: p.goodQty, scrap: p.scrapQty });
    sums.set(wo.id, sum);
    return wo.status !== 'started' ? `output recorded while work order ${wo.id} was ${wo.status}` : null;
  });
  for (const [id, sum] of sums) {
    const day = await dayAfterOutput(ctx.tx, byId.get(id)!, sum.days, settings);
    await addToTotals(ctx, id, sum.good, sum.scrap, { set: day });
  }

  // Reversals that arrived before these outputs: stored earlier (issue written) or earlier in this batch.
  const ids = run.map((e) => e.id);
  const stored = await ctx.tx
    .select({ id: events.id, target: sql<string>`${events.payload}->>'reversesEventId'` })
    .from(events)
    .where(and(eq(events.type, 'output.reversed'), sql`${events.issue} LIKE 'reverses unknown event%'`, inArray(sql`${events.payload}->>'reversesEventId'`, ids)));
  const inBatch = reversalsInBatch.filter((r) => ids.includes(r.reversesEventId) && (pendingIssues.get(r.id) ?? []).some((i) => i.startsWith('reverses unknown event')));
  const done = new Set<string>();
  for (const w of stored) {
    if (done.has(w.target)) continue;
    done.add(w.target);
    await reverseOutput(ctx, w.id, { reversesEventId: w.target, reason: '' });
    await ctx.tx.update(events).set({ issue: null }).where(eq(events.id, w.id));
  }
  for (const w of inBatch) {
    if (done.has(w.reversesEventId)) continue;
    done.add(w.reversesEventId);
    await reverseOutput(ctx, w.id, { reversesEventId: w.reversesEventId, reason: '' });
    pendingIssues.set(w.id, (pendingIssues.get(w.id) ?? []).filter((i) => !i.startsWith('reverses unknown event')));
  }
  // Output recorded while the first-article gate was closed (4.3): stored, flagged for QC.
  const gate = await flagOutputsBeforeFirstArticle(ctx, run);
  return issues.map((issue, i) => [issue, gate.get(run[i]!.id)].filter(Boolean).join('; ') || null);
}

async function reverseOutput(ctx: Ctx, eventId: string, p: EventPayload<'output.reversed'>): Promise<string | null> {
  const [original] = await ctx.tx
    .update(outputLedger)
    .set({ reversedBy: eventId })
    .where(and(eq(outputLedger.eventId, p.reversesEventId), isNull(outputLedger.reversedBy)))
    .returning();
  if (!original) {
    const [already] = await ctx.tx.select().from(outputLedger).where(eq(outputLedger.eventId, p.reversesEventId));
    return already
      ? `event ${p.reversesEventId} was already reversed by ${already.reversedBy ?? '?'}`
      : `reverses unknown event ${p.reversesEventId} (applied when it arrives)`;
  }
  // The reversal corrects the day of the record it reverses (as the daily report does).
  const settings = await getPlantSettings(ctx.tx);
  await addToTotals(ctx, original.workOrderId, -original.goodQty, -original.scrapQty, { reversed: dayOf(original.occurredAtCorrected, settings) });
  return null;
}

async function requestTransition(ctx: Ctx, e: StoredEvent, p: EventPayload<'wo.transition.requested'>): Promise<string | null> {
  const wo = await lockWorkOrder(ctx.tx, p.workOrderId);
  if (!wo) return `unknown work order ${p.workOrderId}`;
  if (wo.status === p.to) return `work order ${wo.id} was already ${wo.status}`;
  if (!isTransitionAllowed(wo.status, p.to)) {
    await ctx.tx.insert(woConflicts).values({
      eventId: e.id,
      workOrderId: wo.id,
      terminalId: e.terminalId,
      fromStatus: wo.status,
      requestedTo: p.to,
      basedOnVersion: p.basedOnVersion,
      currentVersion: wo.version,
      reason: p.reason ?? null,
      createdAt: ctx.now,
    });
    const line = await getLine(ctx.tx, wo.lineId);
    ctx.changes.put('notices', {
      type: 'notice',
      id: `conflict:${e.id}`,
      kind: 'conflict',
      departments: ['production'],
      ...(line ? { workshopId: line.workshopId } : {}),
      lineId: wo.lineId,
      title: `${wo.id}: ${wo.status} → ${p.to} rechazado / refused`,
      body: `La orden ${wo.id} está «${wo.status}» (versión ${wo.version}); no puede pasar a «${p.to}». / Work order ${wo.id} is ${wo.status} (version ${wo.version}); it cannot go to ${p.to}.`,
      refId: wo.id,
      createdAt: ctx.now.toISOString(),
    });
    return `conflict: ${wo.status} -> ${p.to} not allowed (requested on version ${p.basedOnVersion}, current ${wo.version})`;
  }
  const [updated] = await ctx.tx
    .update(workOrders)
    .set({ status: p.to, version: wo.version + 1, updatedAt: ctx.now })
    .where(eq(workOrders.id, wo.id))
    .returning();
  if (updated) ctx.changes.put('work-orders', workOrderRow(updated));
  return null;
}

async function reportDisruption(ctx: Ctx, p: EventPayload<'disruption.reported'>): Promise<string | null> {
  const line = await getLine(ctx.tx, p.lineId);
  ctx.changes.put('notices', {
    type: 'notice',
    id: `disruption:${p.disruptionId}`,
    kind: 'disruption',
    departments: DISRUPTION_DEPARTMENTS,
    ...(line ? { workshopId: line.workshopId } : {}),
    lineId: p.lineId,
    title: disruptionTitle(p, line?.name ?? p.lineId),
    body: disruptionBody(p),
    refId: p.workOrderId ?? p.disruptionId,
    createdAt: ctx.now.toISOString(),
    disruption: {
      cause: p.cause,
      description: p.description.trim(),
      ...(p.workOrderId ? { workOrderId: p.workOrderId } : {}),
      ...(p.stockCheck ? { stockCheck: p.stockCheck } : {}),
      ...(p.estimatedLossQty !== undefined ? { estimatedLossQty: p.estimatedLossQty } : {}),
      ...(p.estimatedMinutes !== undefined ? { estimatedMinutes: p.estimatedMinutes } : {}),
    },
  });
  return line ? null : `unknown line ${p.lineId}`;
}

async function resolveDisruption(ctx: Ctx, p: EventPayload<'disruption.resolved'>): Promise<string | null> {
  const key = `notice:disruption:${p.disruptionId}`;
  const notice = await ctx.changes.get('notices', key);
  if (!notice) return `unknown disruption ${p.disruptionId}`;
  ctx.changes.put('notices', {
    ...notice,
    body: p.note ? `${notice.body}\n${p.note}` : notice.body,
    ...(notice.disruption && p.note ? { disruption: { ...notice.disruption, resolutionNote: p.note } } : {}),
    resolvedAt: ctx.now.toISOString(),
  });
  return null;
}
