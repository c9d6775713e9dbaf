/** Live quality data for the screens (re-render when a pull or a record changes what they read). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { productionDay } from '../../../shared/production-day';
import { useServices } from '../../app/services';
import { useNow, useSettings } from '../../data/hooks';
import { defaultPlantTime } from '../../data/repositories/plant';
import { getFirstArticleGate, getWorkOrderPlan, listInspections, listOpenNcs } from './quality-repo';
import type { GateContext } from './inspection-session';

export function useWorkOrderPlan(workOrderId: string | null) {
  const { db } = useServices();
  return useLiveQuery(async () => (workOrderId ? getWorkOrderPlan(db, workOrderId) : null), [db, workOrderId]);
}

export function useInspections(workOrderId: string | null) {
  const { db } = useServices();
  return useLiveQuery(async () => (workOrderId ? listInspections(db, workOrderId) : []), [db, workOrderId]);
}

export function useFirstArticleGate(workOrderId: string) {
  const { db } = useServices();
  const settings = useSettings();
  const now = useNow();
  const limit = settings?.firstArticleStopLimitMinutes ?? 120;
  return useLiveQuery(() => getFirstArticleGate(db, workOrderId, limit, now), [db, workOrderId, limit, now]);
}

export function useNcs() {
  const { db } = useServices();
  return useLiveQuery(() => listOpenNcs(db), [db]);
}

export function useGauges() {
  const { db } = useServices();
  return useLiveQuery(() => db.gauges.toArray(), [db]);
}

export function useDefectCodes() {
  const { db } = useServices();
  return useLiveQuery(() => db.reasons.where('type').equals('defect-code').toArray(), [db]);
}

/** The gauge gate's inputs: the register, today's production day and the warning window. */
export function useGateContext(): GateContext | undefined {
  const settings = useSettings();
  const gauges = useGauges();
  const now = useNow(60_000);
  const tz = settings?.timezone ?? defaultPlantTime.timezone;
  const start = settings?.dayStartsAt ?? defaultPlantTime.dayStartsAt;
  const today = productionDay(now, tz, start);
  const warningDays = settings?.calibrationWarningDays ?? 14;
  return useMemo(() => (gauges ? { gauges, today, warningDays } : undefined), [gauges, today, warningDays]);
}
