/**
 * Work-order state changes the operator may request, by status (the same table central applies,
 * ARCHITECTURE 4), and whether a requested change is still waiting for central's row.
 */
import type { WorkOrderStatus } from '../../../shared/domain/orders';
import { eventPayloadSchemas } from '../../../shared/sync/events';
import type { OutboxEvent } from '../../data/db';

export type TransitionTarget = Exclude<WorkOrderStatus, 'released'>;

const allowed: Record<WorkOrderStatus, readonly TransitionTarget[]> = {
  released: ['started'],
  started: ['paused', 'blocked', 'completed'],
  paused: ['started', 'blocked', 'completed'],
  blocked: ['started', 'paused'],
  completed: [],
};

/** The buttons to show for a status, in screen order. */
export function allowedTransitions(status: WorkOrderStatus): readonly TransitionTarget[] {
  return allowed[status];
}

/** Short list of blocking reasons offered as one-tap choices (i18n keys under transition.presets). */
export const BLOCK_REASON_PRESETS = ['material', 'breakdown', 'quality', 'tooling'] as const;

export interface RequestedTransition {
  to: TransitionTarget;
  basedOnVersion: number;
  eventId: string;
}

/**
 * The request still waiting to show up in central's row, if any: the latest transition this
 * terminal recorded for the work order, unless central refused it, or the pulled row already has
 * its status, or central has moved the row past the version the request was based on.
 */
export function outstandingRequest(
  latest: OutboxEvent | undefined,
  workOrder: { status: WorkOrderStatus; version: number },
): RequestedTransition | null {
  if (!latest || latest.type !== 'wo.transition.requested' || latest.state === 'rejected') return null;
  const parsed = eventPayloadSchemas['wo.transition.requested'].safeParse(latest.payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  if (workOrder.status === p.to) return null;
  if (latest.state === 'acked' && workOrder.version > p.basedOnVersion) return null;
  return { to: p.to, basedOnVersion: p.basedOnVersion, eventId: latest.id };
}
