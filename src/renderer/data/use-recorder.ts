/**
 * The screens' way to record: stamps the envelope with this terminal, workstation and the
 * signed-in operator, commits through data/record.ts, then mirrors to the journal and nudges sync.
 */
import { useCallback } from 'react';
import type { EventPayload, EventType } from '../../shared/sync/events';
import { useServices } from '../app/services';
import { useOperator } from '../store/session-store';
import type { OutboxEvent } from './db';
import { recordAndShip } from './record';

export type Recorder = <T extends EventType>(
  type: T,
  payload: EventPayload<T>,
  /** Override the envelope's operator (sign-in records before the session knows them). */
  operatorId?: string | null,
) => Promise<OutboxEvent>;

export function useRecorder(): Recorder {
  const { db, api, engine, info } = useServices();
  const operator = useOperator();
  const current = operator?.id ?? null;
  return useCallback<Recorder>(
    (type, payload, operatorId) =>
      recordAndShip(
        db,
        {
          terminalId: info.terminalId,
          workstationId: info.workstationId,
          operatorId: operatorId === undefined ? current : operatorId,
        },
        { appendJournal: (events) => api.journal.append(events), nudge: () => engine.nudge() },
        type,
        payload,
      ),
    [db, api, engine, info.terminalId, info.workstationId, current],
  );
}
