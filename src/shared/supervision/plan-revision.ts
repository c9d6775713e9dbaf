/**
 * What a new T+2 plan version changed for one date, per line and work order (clause 4.2.4: the
 * production department's revision flows back down to the workshops). Pure: central computes it
 * when a revision is imported and ships it inside the `plan-revised` notice; terminals render it.
 */
import { z } from 'zod';
import { id, isoDate, qty } from '../domain/ids';

export const planChangeSchema = z.object({
  workOrderId: id,
  change: z.enum(['added', 'removed', 'qty']),
  /** Day total of the work order on that line before (0 when added) and after (0 when removed). */
  fromQty: qty,
  toQty: qty,
});
export type PlanChange = z.infer<typeof planChangeSchema>;

export const planRevisionSchema = z.object({
  date: isoDate,
  fromVersion: z.number().int().nonnegative(),
  toVersion: z.number().int().positive(),
  changes: z.array(planChangeSchema),
});
export type PlanRevision = z.infer<typeof planRevisionSchema>;

export interface RevisablePlanLine {
  lineId: string;
  workshopId: string;
  workOrderId: string;
  plannedQty: number;
}

export interface LineRevision {
  lineId: string;
  workshopId: string;
  changes: PlanChange[];
}

/** Day totals per line and work order (shifts summed: the supervisor plans the day). */
function totals(lines: readonly RevisablePlanLine[]) {
  const byLine = new Map<string, { workshopId: string; qty: Map<string, number> }>();
  for (const l of lines) {
    let entry = byLine.get(l.lineId);
    if (!entry) {
      entry = { workshopId: l.workshopId, qty: new Map() };
      byLine.set(l.lineId, entry);
    }
    entry.qty.set(l.workOrderId, (entry.qty.get(l.workOrderId) ?? 0) + l.plannedQty);
  }
  return byLine;
}

const byId = (a: PlanChange, b: PlanChange) => a.workOrderId.localeCompare(b.workOrderId, undefined, { numeric: true });

/**
 * Lines whose day plan differs between two versions, each with its added, removed and re-quantified
 * work orders. A shift moved without changing the day total is not a change for the supervisor.
 */
export function diffPlanVersions(before: readonly RevisablePlanLine[], after: readonly RevisablePlanLine[]): LineRevision[] {
  const old = totals(before);
  const neu = totals(after);
  const lineIds = [...new Set([...old.keys(), ...neu.keys()])].sort();
  const out: LineRevision[] = [];
  for (const lineId of lineIds) {
    const o = old.get(lineId);
    const n = neu.get(lineId);
    const changes: PlanChange[] = [];
    for (const [wo, toQty] of n?.qty ?? []) {
      const fromQty = o?.qty.get(wo);
      if (fromQty === undefined) changes.push({ workOrderId: wo, change: 'added', fromQty: 0, toQty });
      else if (fromQty !== toQty) changes.push({ workOrderId: wo, change: 'qty', fromQty, toQty });
    }
    for (const [wo, fromQty] of o?.qty ?? []) {
      if (!n?.qty.has(wo)) changes.push({ workOrderId: wo, change: 'removed', fromQty, toQty: 0 });
    }
    if (changes.length > 0) out.push({ lineId, workshopId: (n ?? o)!.workshopId, changes: changes.sort(byId) });
  }
  return out;
}

/** One line of plain text per change, Spanish / English (the notices feed for other departments). */
export function describeChange(c: PlanChange): string {
  switch (c.change) {
    case 'added':
      return `${c.workOrderId}: añadida, ${c.toQty} / added, ${c.toQty}`;
    case 'removed':
      return `${c.workOrderId}: retirada (eran ${c.fromQty}) / removed (was ${c.fromQty})`;
    case 'qty':
      return `${c.workOrderId}: ${c.fromQty} → ${c.toQty}`;
  }
}
