/**
 * Central's check of the first-article gate (4.3) on arriving output. The terminal does not let
 * output be recorded before the first article passed, but an old terminal or a stale cache may
 * send it anyway: central stores it like any output (business problems are never refused) and
 * flags it for QC:
 *  - one row per output in `first_article_gate_flags` (0009_rework.sql), read by
 *    `GET /api/v1/quality/first-article-flags`;
 *  - one open notice per work order on the `notices` stream (`notice:first-article-gate:<wo>`,
 *    kind `info`, department `quality`) counting what arrived so far;
 *  - an issue on the output event.
 * The gate is the terminal's rule (shared/quality/sampling.ts firstArticleStatus) judged at the
 * output's corrected time with what central knows: accepted passed first articles of the work
 * order, its setup changes, and its stops (pause/block → start) from every terminal. An operation
 * without a first-article plan has no gate. An inspection that arrives later does not clear a flag.
 */
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { firstArticleStatus, type FirstArticleReason, type FirstArticleStatus, type Stop } from '../../shared/quality/sampling';
import type { EventPayload } from '../../shared/sync/events';
import { rowsOf, type Queryable, type Tx } from '../db/connect';
import { getLine, getPlantSettings, getProduct } from '../db/master';
import { events, workOrders } from '../db/schema';
import type { ChangeSet } from '../sync/changes';
import { operatorOf, rolesOf } from './effects';
import { firstArticleGateFlags, qualityInspections } from './tables';

interface Ctx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}
export interface OutputEvent {
  id: string;
  terminalId: string;
  workstationId: string;
  occurredAtCorrected: Date;
  payload: Record<string, unknown>;
}

export interface GateFacts {
  /** Accepted passed first articles (epoch ms). */
  passes: number[];
  setups: string[];
  /** pause/block/start requests in time order. */
  transitions: { at: string; to: string }[];
}

/** The work order's gate at an instant, from the facts known up to it (the terminal's rule). */
export function gateAt(facts: GateFacts, at: number, stopLimitMinutes: number): FirstArticleStatus {
  const passed = facts.passes.filter((t) => t <= at).sort((a, b) => a - b).at(-1);
  return firstArticleStatus({
    passedAt: passed === undefined ? null : new Date(passed).toISOString(),
    setupChanges: facts.setups.filter((s) => Date.parse(s) <= at),
    stops: stopsBefore(facts, at),
    stopLimitMinutes,
    now: new Date(at).toISOString(),
  });
}

function stopsBefore(facts: GateFacts, at: number): Stop[] {
  const stops: Stop[] = [];
  let open: string | null = null;
  for (const t of facts.transitions) {
    if (Date.parse(t.at) > at) break;
    if ((t.to === 'paused' || t.to === 'blocked') && !open) open = t.at;
    if (t.to === 'started' && open) {
      stops.push({ from: open, to: t.at });
      open = null;
    }
  }
  if (open) stops.push({ from: open, to: null });
  return stops;
}

/** Work orders of `ids` whose operation has a first-article plan, with what opens and closes their gate. */
async function gateFacts(tx: Tx, ids: string[]): Promise<Map<string, GateFacts>> {
  const wos = await tx.select({ id: workOrders.id, productId: workOrders.productId, operation: workOrders.operation }).from(workOrders).where(inArray(workOrders.id, ids));
  const planned: string[] = [];
  const products = new Map<string, Awaited<ReturnType<typeof getProduct>>>();
  for (const wo of wos) {
    if (!products.has(wo.productId)) products.set(wo.productId, await getProduct(tx, wo.productId));
    const plan = products.get(wo.productId)?.inspectionPlans.find((p) => p.operation === wo.operation);
    if (plan && plan.characteristics.length > 0) planned.push(wo.id);
  }
  const facts = new Map<string, GateFacts>(planned.map((id) => [id, { passes: [], setups: [], transitions: [] }]));
  if (planned.length === 0) return facts;
  const passes = await tx
    .select({ workOrderId: qualityInspections.workOrderId, at: qualityInspections.occurredAt })
    .from(qualityInspections)
    .where(
      and(
        inArray(qualityInspections.workOrderId, planned),
        eq(qualityInspections.kind, 'first-article'),
        eq(qualityInspections.verdict, 'pass'),
        eq(qualityInspections.accepted, true),
      ),
    );
  for (const p of passes) facts.get(p.workOrderId ?? '')?.passes.push(p.at.getTime());
  // Matches the partial index events_first_article_gate (0009_rework.sql).
  const changes = await tx
    .select({ workOrderId: sql<string>`${events.payload}->>'workOrderId'`, type: events.type, to: sql<string | null>`${events.payload}->>'to'`, at: events.occurredAtCorrected })
    .from(events)
    .where(and(inArray(sql`${events.payload}->>'workOrderId'`, planned), sql`${events.type} IN ('setup.changed', 'wo.transition.requested')`))
    .orderBy(events.occurredAtCorrected, events.serverSeq);
  for (const c of changes) {
    const f = facts.get(c.workOrderId);
    if (!f) continue;
    if (c.type === 'setup.changed') f.setups.push(c.at.toISOString());
    else f.transitions.push({ at: c.at.toISOString(), to: c.to ?? '' });
  }
  return facts;
}

/** Flags the outputs recorded while their work order's first article had not passed; returns each one's issue. */
export async function flagOutputsBeforeFirstArticle(ctx: Ctx, outputs: readonly OutputEvent[]): Promise<Map<string, string>> {
  const issues = new Map<string, string>();
  const payloads = outputs.map((e) => e.payload as EventPayload<'output.recorded'>);
  const facts = await gateFacts(ctx.tx, [...new Set(payloads.map((p) => p.workOrderId))].sort());
  if (facts.size === 0) return issues;
  const { firstArticleStopLimitMinutes } = await getPlantSettings(ctx.tx);

  const flagged: { e: OutputEvent; p: EventPayload<'output.recorded'>; reason: FirstArticleReason; since: string | null }[] = [];
  outputs.forEach((e, i) => {
    const p = payloads[i]!;
    const f = facts.get(p.workOrderId);
    if (!f) return;
    const status = gateAt(f, e.occurredAtCorrected.getTime(), firstArticleStopLimitMinutes);
    if (!status.required) return;
    flagged.push({ e, p, reason: status.reason, since: status.since });
    issues.set(e.id, `output recorded before the first article of ${p.workOrderId} passed (${status.reason})`);
  });
  if (flagged.length === 0) return issues;

  const operators = new Map(
    (await ctx.tx.select({ id: events.id, operatorId: events.operatorId }).from(events).where(inArray(events.id, flagged.map((x) => x.e.id)))).map((r) => [r.id, r.operatorId]),
  );
  await ctx.tx
    .insert(firstArticleGateFlags)
    .values(
      flagged.map(({ e, p, reason, since }) => ({
        eventId: e.id,
        workOrderId: p.workOrderId,
        terminalId: e.terminalId,
        workstationId: e.workstationId,
        operatorId: operators.get(e.id) ?? null,
        goodQty: p.goodQty,
        scrapQty: p.scrapQty,
        reason,
        since: since ? new Date(since) : null,
        occurredAt: e.occurredAtCorrected,
        createdAt: ctx.now,
      })),
    )
    .onConflictDoNothing();
  for (const woId of new Set(flagged.map((x) => x.p.workOrderId))) await publishNotice(ctx, woId);
  return issues;
}

/**
 * The work order's one QC notice, restated with what is flagged on it and not reviewed yet; once
 * an inspector has reviewed everything it is resolved, and new flags open it again.
 */
async function publishNotice(ctx: Ctx, workOrderId: string): Promise<void> {
  const [sum] = rowsOf<{ n: number | string; good: number | string; scrap: number | string; last: Date | string | null }>(
    await ctx.tx.execute(
      sql`SELECT count(*) AS n, coalesce(sum(good_qty), 0) AS good, coalesce(sum(scrap_qty), 0) AS scrap, max(created_at) AS last
          FROM first_article_gate_flags WHERE work_order_id = ${workOrderId} AND reviewed_at IS NULL`,
    ),
  );
  const n = Number(sum?.n ?? 0);
  const good = Number(sum?.good ?? 0);
  const scrap = Number(sum?.scrap ?? 0);
  const existing = await ctx.changes.get('notices', `notice:${firstArticleNoticeId(workOrderId)}`);
  if (n === 0 || !sum?.last) {
    if (existing && !existing.resolvedAt) {
      ctx.changes.put('notices', {
        ...existing,
        body: 'Revisado por calidad. / Reviewed by quality.',
        gateFlags: { count: 0, goodQty: 0, scrapQty: 0, lastFlagAt: existing.gateFlags?.lastFlagAt ?? ctx.now.toISOString() },
        resolvedAt: ctx.now.toISOString(),
      });
    }
    return;
  }
  const [wo] = await ctx.tx.select({ lineId: workOrders.lineId }).from(workOrders).where(eq(workOrders.id, workOrderId));
  const line = wo ? await getLine(ctx.tx, wo.lineId) : null;
  ctx.changes.put('notices', {
    type: 'notice',
    id: firstArticleNoticeId(workOrderId),
    kind: 'info',
    departments: ['quality'],
    ...(line ? { workshopId: line.workshopId } : {}),
    ...(wo ? { lineId: wo.lineId } : {}),
    title: `${workOrderId}: producción sin primera pieza aprobada / output before the first article passed`,
    body:
      `${n} registro(s) de producción (${good} buenas, ${scrap} chatarra) llegaron sin primera pieza aprobada. Revíselos. / ` +
      `${n} output record(s) (${good} good, ${scrap} scrap) arrived before the first article passed. Review them.`,
    refId: workOrderId,
    createdAt: existing && !existing.resolvedAt ? existing.createdAt : ctx.now.toISOString(),
    gateFlags: { count: n, goodQty: good, scrapQty: scrap, lastFlagAt: new Date(sum.last).toISOString() },
  });
}

/**
 * An inspector's review of the flags (event `first-article.flags.reviewed`): every unreviewed flag
 * of the work order central had by `reviewedThrough` is marked with the decision; flags that came
 * later stay open. Only an inspector reviews (re-checked here, as for first articles). Returns the
 * event's issue when the reviewer is no inspector or there was nothing to review.
 */
export async function reviewFirstArticleFlags(ctx: Ctx, e: { id: string }, p: EventPayload<'first-article.flags.reviewed'>): Promise<string | null> {
  const reviewer = await operatorOf(ctx, e.id);
  if (!(await rolesOf(ctx, reviewer)).includes('inspector')) {
    return `first-article flags of ${p.workOrderId} reviewed by ${reviewer ?? 'no operator'}, who is not an inspector: they stay open`;
  }
  const reviewed = await ctx.tx
    .update(firstArticleGateFlags)
    .set({
      reviewedAt: ctx.now,
      reviewedBy: reviewer,
      reviewDecision: p.decision,
      reviewNcId: p.ncId ?? null,
      reviewNote: p.note?.trim() || null,
    })
    .where(
      and(
        eq(firstArticleGateFlags.workOrderId, p.workOrderId),
        isNull(firstArticleGateFlags.reviewedAt),
        lte(firstArticleGateFlags.createdAt, new Date(p.reviewedThrough)),
      ),
    )
    .returning({ eventId: firstArticleGateFlags.eventId });
  if (reviewed.length === 0) return `no unreviewed first-article flags on ${p.workOrderId} through ${p.reviewedThrough}`;
  await publishNotice(ctx, p.workOrderId);
  return null;
}

export const firstArticleNoticeId = (workOrderId: string) => `first-article-gate:${workOrderId}`;

/** The flags for QC, newest first (optionally of one work order). */
export async function listFirstArticleFlags(q: Queryable, workOrderId?: string) {
  const rows = await q
    .select()
    .from(firstArticleGateFlags)
    .where(workOrderId ? eq(firstArticleGateFlags.workOrderId, workOrderId) : sql`true`)
    .orderBy(sql`${firstArticleGateFlags.occurredAt} DESC`, firstArticleGateFlags.eventId)
    .limit(1000);
  return rows.map((r) => ({
    eventId: r.eventId,
    workOrderId: r.workOrderId,
    terminalId: r.terminalId,
    workstationId: r.workstationId,
    operatorId: r.operatorId,
    goodQty: r.goodQty,
    scrapQty: r.scrapQty,
    reason: r.reason,
    since: r.since?.toISOString() ?? null,
    occurredAt: r.occurredAt.toISOString(),
    review: r.reviewedAt
      ? { at: r.reviewedAt.toISOString(), by: r.reviewedBy, decision: r.reviewDecision, ncId: r.reviewNcId, note: r.reviewNote }
      : null,
  }));
}
