/**
 * Live data for screens: `useLiveQuery` hooks over the repositories, re-rendering whenever a pull
 * or a record changes the tables they read. Each returns `undefined` while the first read runs.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { t2Days } from '../../shared/production-day';
import { useServices } from '../app/services';
import { listRecentOutput, type OutputRecord } from './repositories/outbox';
import {
  defaultPlantTime,
  getSettings,
  getWorkstationInfo,
  listReasons,
  type WorkstationInfo,
} from './repositories/plant';
import { listLineTargets, type DayTargets } from './repositories/plans';
import type { ReasonRow, SettingsRow } from './repositories/rows';
import {
  getWorkOrderDetail,
  listQueue,
  type PlanCalendar,
  type QueueItem,
  type WorkOrderDetail,
} from './repositories/work-orders';

/** The current time, refreshed every `intervalMs` (production days roll over at `dayStartsAt`). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** Plant settings (null until the first pull brings them). */
export function useSettings(): SettingsRow | null | undefined {
  const { db } = useServices();
  return useLiveQuery(() => getSettings(db), [db]);
}

/** Today / tomorrow / day after as production days, with the plant's shifts. */
export function usePlanCalendar(): PlanCalendar {
  const settings = useSettings();
  const now = useNow();
  const timezone = settings?.timezone ?? defaultPlantTime.timezone;
  const dayStartsAt = settings?.dayStartsAt ?? defaultPlantTime.dayStartsAt;
  const [d0, d1, d2] = t2Days(now, timezone, dayStartsAt);
  const shifts = settings?.shifts;
  return useMemo(
    () => ({ days: [d0, d1, d2] as const, shifts: shifts ?? [], dayStartsAt }),
    [d0, d1, d2, shifts, dayStartsAt],
  );
}

export function useWorkstationInfo(): WorkstationInfo | undefined {
  const { db, info } = useServices();
  return useLiveQuery(() => getWorkstationInfo(db, info.workstationId), [db, info.workstationId]);
}

/** T+2 targets of this workstation's line; [] while the workstation is unknown. */
export function useLineTargets(lineId: string | null | undefined, cal: PlanCalendar): DayTargets[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (lineId ? listLineTargets(db, lineId, cal) : []), [db, lineId, cal]);
}

export function useQueue(cal: PlanCalendar): QueueItem[] | undefined {
  const { db, info } = useServices();
  return useLiveQuery(() => listQueue(db, info.workstationId, cal), [db, info.workstationId, cal]);
}

/** A work order's detail; null when the terminal does not know it. */
export function useWorkOrderDetail(workOrderId: string, cal: PlanCalendar): WorkOrderDetail | null | undefined {
  const { db, info } = useServices();
  return useLiveQuery(
    () => getWorkOrderDetail(db, workOrderId, info.workstationId, cal.days),
    [db, workOrderId, info.workstationId, cal],
  );
}

export function useRecentOutput(workOrderId: string): OutputRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listRecentOutput(db, workOrderId), [db, workOrderId]);
}

export function useScrapReasons(): ReasonRow[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listReasons(db, 'scrap-reason'), [db]);
}
