/**
 * Central effects of the quality events, applied in the push transaction that stores them:
 *  - `inspection.recorded`: kept in `quality_inspections` + `quality_readings` and published on the
 *    `quality` stream. The signer's inspector role is re-checked (ARCHITECTURE 7); a first article
 *    signed by anyone else is stored with an issue and `accepted: false`, so no terminal opens the
 *    first-article gate on it.
 *  - `nc.raised` / `nc.disposition.requested`: an NC is a versioned record; a disposition is a
 *    transition requested against the version seen. One that no longer applies (decided elsewhere
 *    meanwhile) is kept in `nc_conflicts`, listed on the NC row and sent as a notice. An accepted
 *    rework disposition creates a rework work order (./rework.ts), named on the NC row.
 *  - `gauge.status.changed` updates the gauge register row; `lot.hold.requested` publishes a hold.
 *  - `warehouse.received` of a lot without a passed final inspection is flagged (4.10).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../shared/domain/plant';
import type { NcRow } from '../../shared/quality/rows';
import type { EventPayload } from '../../shared/sync/events';
import type { Queryable, Tx } from '../db/connect';
import { events } from '../db/schema';
import type { ChangeSet } from '../sync/changes';
import { createReworkWorkOrder, type ReworkOutcome } from './rework';
import { ncConflicts, ncReports, qualityInspections, qualityReadings } from './tables';

interface Ctx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}
interface Stored {
  id: string;
  terminalId: string;
  workstationId: string;
  occurredAtCorrected: Date;
}

export async function rolesOf(ctx: Ctx, operatorId: string | null | undefined): Promise<readonly Role[]> {
  if (!operatorId) return [];
  const row = await ctx.changes.get('people', `operator:${operatorId}`);
  return row?.roles ?? [];
}

/** The envelope's operator (stored just before effects run, in the same transaction). */
export async function operatorOf(ctx: Ctx, eventId: string): Promise<string | null> {
  const [row] = await ctx.tx.select({ operatorId: events.operatorId }).from(events).where(eq(events.id, eventId));
  return row?.operatorId ?? null;
}

export async function recordInspection(ctx: Ctx, e: Stored, p: EventPayload<'inspection.recorded'>): Promise<string | null> {
  const roles = await rolesOf(ctx, p.inspectorId);
  const isInspector = roles.includes('inspector');
  const issue = isInspector ? null : `inspection ${p.inspectionId} signed by ${p.inspectorId}, who is not an inspector`;
  const accepted = isInspector;
  const operatorId = await operatorOf(ctx, e.id);
  const [inserted] = await ctx.tx
    .insert(qualityInspections)
    .values({
      id: p.inspectionId,
      eventId: e.id,
      kind: p.kind,
      workOrderId: p.workOrderId ?? null,
      lotId: p.lotId ?? null,
      verdict: p.verdict,
      inspectorId: p.inspectorId,
      accepted,
      terminalId: e.terminalId,
      workstationId: e.workstationId,
      operatorId,
      occurredAt: e.occurredAtCorrected,
      payload: p,
    })
    .onConflictDoNothing()
    .returning({ id: qualityInspections.id });
  if (!inserted) return `inspection ${p.inspectionId} was already recorded by another event`;
  await ctx.tx.insert(qualityReadings).values(
    p.results.map((r) => ({
      inspectionId: p.inspectionId,
      characteristicId: r.characteristicId,
      gaugeId: r.gaugeId ?? null,
      value: r.value ?? r.attribute ?? null,
      unit: r.unit ?? null,
      source: r.source,
      verdict: r.verdict,
      raw: r.raw ?? null,
      gaugeCalibrationDueOn: r.gaugeCalibrationDueOn ?? null,
      gaugeCertificate: r.gaugeCertificate ?? null,
      workOrderId: p.workOrderId ?? null,
      lotId: p.lotId ?? null,
      occurredAt: e.occurredAtCorrected,
    })),
  ).onConflictDoNothing();
  ctx.changes.put('quality', {
    type: 'inspection',
    id: p.inspectionId,
    kind: p.kind,
    ...(p.workOrderId ? { workOrderId: p.workOrderId } : {}),
    ...(p.lotId ? { lotId: p.lotId } : {}),
    verdict: p.verdict,
    inspectorId: p.inspectorId,
    accepted,
    ...(issue ? { issue } : {}),
    results: p.results,
    terminalId: e.terminalId,
    workstationId: e.workstationId,
    occurredAt: e.occurredAtCorrected.toISOString(),
  });
  return issue;
}

export async function raiseNc(ctx: Ctx, e: Stored, p: EventPayload<'nc.raised'>): Promise<string | null> {
  const row: NcRow = {
    type: 'nc',
    id: p.ncId,
    ...(p.workOrderId ? { workOrderId: p.workOrderId } : {}),
    ...(p.lotId ? { lotId: p.lotId } : {}),
    ...(p.inspectionId ? { inspectionId: p.inspectionId } : {}),
    qty: p.qty,
    defectCode: p.defectCode,
    description: p.description,
    ...(p.quarantineLocation ? { quarantineLocation: p.quarantineLocation } : {}),
    raisedBy: await operatorOf(ctx, e.id),
    raisedAt: e.occurredAtCorrected.toISOString(),
    status: 'open',
    version: 1,
    conflicts: [],
  };
  const [inserted] = await ctx.tx
    .insert(ncReports)
    .values({ id: p.ncId, eventId: e.id, version: 1, status: 'open', row })
    .onConflictDoNothing()
    .returning({ id: ncReports.id });
  if (!inserted) return `NC ${p.ncId} already exists`;
  ctx.changes.put('quality', row);
  return null;
}

export async function requestNcDisposition(ctx: Ctx, e: Stored, p: EventPayload<'nc.disposition.requested'>): Promise<string | null> {
  const [nc] = await ctx.tx.select().from(ncReports).where(eq(ncReports.id, p.ncId)).for('update');
  if (!nc) return `unknown NC ${p.ncId}`;
  const by = await operatorOf(ctx, e.id);
  if (!(await rolesOf(ctx, by)).includes('inspector')) return `disposition of ${p.ncId} requested by ${by ?? 'nobody'}, who is not an inspector: not applied`;
  if (p.disposition === 'use-as-is') {
    if (!p.concessionBy || p.concessionBy === by) return `use as is of ${p.ncId} needs a second signature: not applied`;
    const second = await rolesOf(ctx, p.concessionBy);
    if (!second.includes('inspector') && !second.includes('supervisor')) return `concession for ${p.ncId} signed by ${p.concessionBy}, who is neither inspector nor supervisor: not applied`;
  }
  if (nc.status !== 'open' || nc.version !== p.basedOnVersion) {
    await ctx.tx.insert(ncConflicts).values({
      eventId: e.id,
      ncId: nc.id,
      terminalId: e.terminalId,
      requested: p.disposition,
      basedOnVersion: p.basedOnVersion,
      currentVersion: nc.version,
      createdAt: ctx.now,
    });
    const row: NcRow = {
      ...nc.row,
      conflicts: [
        ...nc.row.conflicts,
        { eventId: e.id, requested: p.disposition, requestedBy: by, basedOnVersion: p.basedOnVersion, currentVersion: nc.version, at: ctx.now.toISOString() },
      ],
    };
    await ctx.tx.update(ncReports).set({ row }).where(eq(ncReports.id, nc.id));
    ctx.changes.put('quality', row);
    ctx.changes.put('notices', {
      type: 'notice',
      id: `nc-conflict:${e.id}`,
      kind: 'conflict',
      departments: ['quality'],
      title: `NC ${nc.id}: ${p.disposition} rechazado / refused`,
      body: `La NC ${nc.id} ya tiene disposición «${nc.disposition ?? '?'}» (versión ${nc.version}). / NC ${nc.id} was already dispositioned «${nc.disposition ?? '?'}» (version ${nc.version}).`,
      refId: nc.id,
      createdAt: ctx.now.toISOString(),
    });
    return `conflict: NC ${nc.id} is ${nc.status} (${nc.disposition ?? '-'}, version ${nc.version}); ${p.disposition} requested on version ${p.basedOnVersion}`;
  }
  const rework: ReworkOutcome | null = p.disposition === 'rework' ? await createReworkWorkOrder(ctx, nc.row) : null;
  const row: NcRow = {
    ...nc.row,
    status: 'dispositioned',
    disposition: p.disposition,
    ...(by ? { decidedBy: by } : {}),
    ...(p.concessionBy ? { concessionBy: p.concessionBy } : {}),
    decidedAt: e.occurredAtCorrected.toISOString(),
    version: nc.version + 1,
    ...(rework?.ok ? { reworkWorkOrderId: rework.workOrderId } : {}),
    ...(rework && !rework.ok ? { reworkNeedsStation: true } : {}),
  };
  await ctx.tx.update(ncReports).set({ status: 'dispositioned', disposition: p.disposition, version: nc.version + 1, row }).where(eq(ncReports.id, nc.id));
  ctx.changes.put('quality', row);
  return rework && !rework.ok ? `rework of ${nc.id} has no workstation (${rework.why}): assign one` : null;
}

export async function changeGaugeStatus(ctx: Ctx, e: Stored, p: EventPayload<'gauge.status.changed'>): Promise<string | null> {
  const by = await operatorOf(ctx, e.id);
  const roles = await rolesOf(ctx, by);
  if (!roles.includes('inspector') && !roles.includes('admin')) return `gauge ${p.gaugeId} status change by ${by ?? 'nobody'}, who is neither inspector nor admin: not applied`;
  const gauge = await ctx.changes.get('gauges', `gauge:${p.gaugeId}`);
  if (!gauge) return `unknown gauge ${p.gaugeId}`;
  ctx.changes.put('gauges', { ...gauge, status: p.status });
  return null;
}

export async function requestHold(ctx: Ctx, e: Stored, p: EventPayload<'lot.hold.requested'>): Promise<string | null> {
  const heldId = p.lotId ?? p.workOrderId ?? '';
  ctx.changes.put('quality', {
    type: 'hold',
    id: heldId,
    ...(p.lotId ? { lotId: p.lotId } : {}),
    ...(p.workOrderId ? { workOrderId: p.workOrderId } : {}),
    ...(p.gaugeId ? { gaugeId: p.gaugeId } : {}),
    reason: p.reason,
    requestedBy: await operatorOf(ctx, e.id),
    at: e.occurredAtCorrected.toISOString(),
  });
  if (p.lotId) {
    const lot = await ctx.changes.get('inventory', `lot:${p.lotId}`);
    if (lot) ctx.changes.put('inventory', { ...lot, status: 'hold' });
  }
  return null;
}

/** 4.10: a lot goes into the warehouse only after its final inspection passed. */
export async function checkWarehouseReceipt(ctx: Ctx, p: EventPayload<'warehouse.received'>): Promise<string | null> {
  const [passed] = await ctx.tx
    .select({ id: qualityInspections.id })
    .from(qualityInspections)
    .where(and(eq(qualityInspections.lotId, p.lotId), eq(qualityInspections.kind, 'final'), eq(qualityInspections.verdict, 'pass'), eq(qualityInspections.accepted, true)))
    .limit(1);
  return passed ? null : `lot ${p.lotId} received into ${p.location} without a passed final inspection`;
}

/** Every reading taken with a gauge since a date (its last good calibration), grouped by what was measured. */
export async function gaugeImpact(q: Queryable, gaugeId: string, since: string | null) {
  const rows = await q
    .select({
      workOrderId: qualityReadings.workOrderId,
      lotId: qualityReadings.lotId,
      readings: sql<number>`count(*)::int`,
      first: sql<string>`min(${qualityReadings.occurredAt})`,
      last: sql<string>`max(${qualityReadings.occurredAt})`,
    })
    .from(qualityReadings)
    .where(and(eq(qualityReadings.gaugeId, gaugeId), since ? sql`${qualityReadings.occurredAt} >= ${since}::date` : sql`true`))
    .groupBy(qualityReadings.workOrderId, qualityReadings.lotId)
    .orderBy(qualityReadings.workOrderId, qualityReadings.lotId);
  return rows.map((r) => ({ ...r, first: new Date(r.first).toISOString(), last: new Date(r.last).toISOString() }));
}
