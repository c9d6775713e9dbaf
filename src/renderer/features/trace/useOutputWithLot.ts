/** The output recorder the work-order screen uses: output plus its lot, stamped like useRecorder. */
import { useCallback } from 'react';
import type { EventPayload } from '../../../shared/sync/events';
import { useServices } from '../../app/services';
import type { OutboxEvent } from '../../data/db';
import { useOperator } from '../../store/session-store';
import { recordOutputWithLot } from './lot-creation';

export function useOutputWithLot(): (payload: EventPayload<'output.recorded'>) => Promise<OutboxEvent> {
  const { db, api, engine, info } = useServices();
  const operator = useOperator();
  const operatorId = operator?.id ?? null;
  return useCallback(
    async (payload) =>
      (
        await recordOutputWithLot(
          db,
          { terminalId: info.terminalId, workstationId: info.workstationId, operatorId },
          { appendJournal: (events) => api.journal.append(events), nudge: () => engine.nudge() },
          payload,
        )
      ).output,
    [db, api, engine, info.terminalId, info.workstationId, operatorId],
  );
}
