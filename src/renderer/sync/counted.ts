/**
 * Keeps acknowledged output in local progress until central's totals include it.
 *
 * A work order's progress on the terminal is central's totals (last pulled 'work-orders' row) plus
 * the output this terminal recorded that those totals do not contain yet. Central commits an event
 * before it acknowledges it, so the totals contain an acked event once a 'work-orders' pull that
 * STARTED after the ack has been applied completely. Until then the event must keep counting
 * locally, or the operator sees the count drop for a moment (and may record it again).
 *
 * Mechanism (no clocks, no counters): every ack stamps `countedInPull: false` on the event. When a
 * 'work-orders' pull starts it takes a snapshot of the ids of acked events still stamped `false`;
 * only those were acked before the pull's first request, so only those are set to
 * `countedInPull: true`, in the same transaction as the pull's last page (hasMore false). An event
 * acked while the pull runs is not in the snapshot and waits for the next pull. IndexedDB
 * serialises the snapshot read against the ack transactions, so "before" is exact.
 * Acked events without the field (acknowledged before this existed) count as included.
 *
 * `countedInPull` is a local outbox field like `state`/`ackedAt` (not in any index, so no schema
 * change); it never goes on the wire (see outbox.ts toEnvelope).
 */
import type { OutboxEvent, TaktDb } from '../data/db';
import type { StreamName } from '../../shared/sync/streams';

/** An outbox row with the local "already in central's pulled totals" flag. */
export type SyncedOutboxEvent = OutboxEvent & {
  /** false: acked, central's pulled totals do not include it yet; true: they do; absent: legacy/not acked. */
  countedInPull?: boolean;
};

/** The stream whose rows carry the totals acked output ends up in. */
export const TOTALS_STREAM: StreamName = 'work-orders';

/** The changes that acknowledge a pending event (used by every ack path). */
export function ackChanges(ackedAt: string): Partial<SyncedOutboxEvent> {
  return { state: 'acked', ackedAt, countedInPull: false };
}

/** True when central acknowledged the event but the pulled totals do not include it yet. */
export function awaitsPulledTotals(e: OutboxEvent): boolean {
  return e.state === 'acked' && (e as SyncedOutboxEvent).countedInPull === false;
}

/**
 * Acked events the pulled totals do not include yet. `types` narrows the scan through the `type`
 * index (progress only needs output events); without it every acked event is looked at.
 */
export async function eventsAwaitingPulledTotals(db: TaktDb, types?: readonly string[]): Promise<OutboxEvent[]> {
  const source =
    types === undefined ? db.events.where('state').equals('acked') : db.events.where('type').anyOf([...types]);
  return source.filter(awaitsPulledTotals).toArray();
}

/** Marks the given events as included in central's pulled totals (only acked ones still waiting). */
export async function markCountedInPull(db: TaktDb, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const counted: Partial<SyncedOutboxEvent> = { countedInPull: true };
  return db.events
    .where('id')
    .anyOf([...ids])
    .and(awaitsPulledTotals)
    .modify(counted);
}
