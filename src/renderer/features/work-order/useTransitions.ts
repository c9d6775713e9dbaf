/** Requesting work-order state changes: records `wo.transition.requested` and tracks what is still waiting for central. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';
import type { WorkOrderStatus } from '../../../shared/domain/orders';
import { useServices } from '../../app/services';
import type { OutboxEvent, TaktDb } from '../../data/db';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';
import type { Message } from '../login/useLogin';
import { outstandingRequest, type RequestedTransition, type TransitionTarget } from './wo-transitions';

/** This terminal's latest transition request for a work order (highest seq), if any. */
export async function latestTransitionEvent(db: TaktDb, workOrderId: string): Promise<OutboxEvent | null> {
  const events = await db.events
    .where('payload.workOrderId')
    .equals(workOrderId)
    .filter((e) => e.type === 'wo.transition.requested')
    .toArray();
  return events.reduce<OutboxEvent | null>((best, e) => (best === null || e.seq > best.seq ? e : best), null);
}

export type TransitionOutcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'reason-required' }
  | { kind: 'failed'; message: Message };

export function useTransitions(workOrder: { id: string; status: WorkOrderStatus; version: number }) {
  const { db } = useServices();
  const record = useRecorder();
  const [outcome, setOutcome] = useState<TransitionOutcome>({ kind: 'idle' });
  const savingRef = useRef(false);
  const latest = useLiveQuery(() => latestTransitionEvent(db, workOrder.id), [db, workOrder.id]);
  const requested: RequestedTransition | null = outstandingRequest(latest ?? undefined, workOrder);

  /** Resolves true once the request is stored on this terminal. */
  const request = useCallback(
    async (to: TransitionTarget, reason?: string): Promise<boolean> => {
      if (savingRef.current) return false;
      const trimmed = reason?.trim() ?? '';
      if (to === 'blocked' && trimmed.length === 0) {
        setOutcome({ kind: 'reason-required' });
        return false;
      }
      savingRef.current = true;
      setOutcome({ kind: 'saving' });
      try {
        await record('wo.transition.requested', {
          workOrderId: workOrder.id,
          to,
          ...(trimmed.length > 0 ? { reason: trimmed } : {}),
          basedOnVersion: workOrder.version,
        });
        setOutcome({ kind: 'idle' });
        return true;
      } catch (e) {
        const message: Message =
          e instanceof RecordError && e.code !== 'storage-failed'
            ? { key: 'transition.invalid', params: { details: e.message } }
            : { key: 'transition.storageFailed', params: { message: e instanceof Error ? e.message : String(e) } };
        setOutcome({ kind: 'failed', message });
        return false;
      } finally {
        savingRef.current = false;
      }
    },
    [record, workOrder.id, workOrder.version],
  );

  const reset = useCallback(() => setOutcome((o) => (o.kind === 'saving' ? o : { kind: 'idle' })), []);

  return { requested, outcome, request, reset, loading: latest === undefined };
}
