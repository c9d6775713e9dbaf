/**
 * Effect of `plan.acknowledged` (clause 4.1.2): records who acknowledged which version of a day's
 * T+2 plan for a workshop (table plan_acknowledgements) and sends it down the `plans` stream as a
 * `plan-ack` row. Acknowledging a version that is not the latest is stored and flagged (the
 * supervisor looked at an older plan), never rejected.
 */
import { and, desc, eq } from 'drizzle-orm';
import { planAckId } from '../../shared/supervision/plan-ack';
import type { EventPayload } from '../../shared/sync/events';
import type { Tx } from '../db/connect';
import { events, t2PlanLines } from '../db/schema';
import type { ChangeSet } from '../sync/changes';
import { listStreamRows } from '../sync/changes';
import { planAcknowledgements } from './schema';

interface Ctx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}
interface AckEvent {
  id: string;
  terminalId: string;
  workstationId: string;
  occurredAtCorrected: Date;
}

export async function acknowledgePlan(ctx: Ctx, e: AckEvent, p: EventPayload<'plan.acknowledged'>): Promise<string | null> {
  // The envelope's operator is stored with the event (inserted just before its effects run).
  const [stored] = await ctx.tx.select({ operatorId: events.operatorId }).from(events).where(eq(events.id, e.id));
  const operatorId = stored?.operatorId ?? null;
  await ctx.tx
    .insert(planAcknowledgements)
    .values({
      eventId: e.id,
      planDate: p.planDate,
      workshopId: p.workshopId,
      planVersion: p.planVersion,
      operatorId,
      terminalId: e.terminalId,
      workstationId: e.workstationId,
      acknowledgedAt: e.occurredAtCorrected,
    })
    .onConflictDoNothing();

  const workshops = new Set((await listStreamRows(ctx.tx, 'plant', 'workshop')).map((w) => w.id));
  if (!workshops.has(p.workshopId)) return `unknown workshop ${p.workshopId}`;
  const [top] = await ctx.tx
    .select({ version: t2PlanLines.version })
    .from(t2PlanLines)
    .where(and(eq(t2PlanLines.date, p.planDate)))
    .orderBy(desc(t2PlanLines.version))
    .limit(1);
  if (!top || p.planVersion > top.version) return `no T+2 plan version ${p.planVersion} for ${p.planDate}`;

  const ackId = planAckId(p.planDate, p.workshopId, p.planVersion);
  // First acknowledgement of a version is the one shown; later ones of the same version stay in the table.
  const existing = await ctx.changes.get('plans', `plan-ack:${ackId}`);
  if (!existing) {
    ctx.changes.put('plans', {
      type: 'plan-ack',
      id: ackId,
      planDate: p.planDate,
      workshopId: p.workshopId,
      planVersion: p.planVersion,
      operatorId,
      terminalId: e.terminalId,
      acknowledgedAt: e.occurredAtCorrected.toISOString(),
    });
  }
  return p.planVersion < top.version ? `acknowledged version ${p.planVersion} of ${p.planDate}; the latest is ${top.version}` : null;
}
