/** Live floor data for the panels (useLiveQuery over floor-repository; undefined while loading). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { listReasons } from '../../data/repositories/plant';
import type { ReasonRow } from '../../data/repositories/rows';
import type { Wip } from '../../../shared/floor/wip';
import {
  bomItemsFor,
  equipmentStates,
  openDisruptions,
  stockOf,
  wipFor,
  type EquipmentState,
  type OpenDisruption,
  type StockLine,
} from './floor-repository';

export function useWip(workOrderId: string): Wip | null | undefined {
  const { db } = useServices();
  return useLiveQuery(() => wipFor(db, workOrderId), [db, workOrderId]);
}

/** This workstation's equipment with open downtime. */
export function useWorkstationEquipment(): EquipmentState[] | undefined {
  const { db, info } = useServices();
  return useLiveQuery(async () => {
    const ws = await db.workstations.where('id').equals(info.workstationId).first();
    return equipmentStates(db, ws?.equipmentIds ?? []);
  }, [db, info.workstationId]);
}

export function useOpenDisruptions(lineId: string): OpenDisruption[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => openDisruptions(db, lineId), [db, lineId]);
}

/** Cached warehouse stock of the materials this work order's operation uses. */
export function useMaterialStock(workOrderId: string): StockLine[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const wo = await db.workOrders.where('id').equals(workOrderId).first();
    if (!wo) return [];
    const product = await db.products.where('id').equals(wo.productId).first();
    return stockOf(db, bomItemsFor(product?.bom ?? [], wo.operation));
  }, [db, workOrderId]);
}

export function useDowntimeReasons(): ReasonRow[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listReasons(db, 'downtime-reason'), [db]);
}

/** A line's name (its id until the plant stream brings it). */
export function useLineName(lineId: string): string {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.lines.where('id').equals(lineId).first())?.name ?? lineId, [db, lineId]) ?? lineId;
}
