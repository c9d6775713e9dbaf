/**
 * Read helpers over the master data that the plant import keeps in the change log (streams
 * `plant` and `catalog`), plus the work-order row as the `work-orders` stream carries it.
 */
import { plantSettingsSchema, type PlantSettings } from '../../shared/domain/plant';
import type { StreamRow } from '../../shared/sync/streams';
import { getStreamRow, listStreamRows } from '../sync/changes';
import type { Queryable } from './connect';
import type { workOrders } from './schema';

export async function getPlantSettings(q: Queryable): Promise<PlantSettings> {
  const [settings] = await listStreamRows(q, 'plant', 'settings');
  // Before any plant is imported, the documented defaults apply (Europe/Madrid, 06:00).
  return plantSettingsSchema.parse(settings ?? { id: 'plant', name: 'Plant' });
}

type PlantRow = StreamRow<'plant'>;
export type LineRow = Extract<PlantRow, { type: 'line' }>;
export type WorkshopRow = Extract<PlantRow, { type: 'workshop' }>;
export type WorkstationRow = Extract<PlantRow, { type: 'workstation' }>;
export type ProductRow = Extract<StreamRow<'catalog'>, { type: 'product' }>;

export async function getLine(q: Queryable, id: string): Promise<LineRow | null> {
  return (await getStreamRow(q, 'plant', `line:${id}`)) as LineRow | null;
}
export async function getWorkstation(q: Queryable, id: string): Promise<WorkstationRow | null> {
  return (await getStreamRow(q, 'plant', `workstation:${id}`)) as WorkstationRow | null;
}
export async function getProduct(q: Queryable, id: string): Promise<ProductRow | null> {
  return (await getStreamRow(q, 'catalog', `product:${id}`)) as ProductRow | null;
}

export type WorkOrderRecord = typeof workOrders.$inferSelect;

export function workOrderRow(w: WorkOrderRecord): StreamRow<'work-orders'> {
  return {
    type: 'work-order',
    id: w.id,
    productionOrderId: w.productionOrderId,
    operation: w.operation,
    productId: w.productId,
    lineId: w.lineId,
    workstationIds: w.workstationIds,
    qty: w.qty,
    status: w.status,
    version: w.version,
    goodQty: Number(w.goodQty),
    scrapQty: Number(w.scrapQty),
    ...(w.dayDate !== null ? { dayDate: w.dayDate, dayGoodQty: Number(w.dayGood), dayScrapQty: Number(w.dayScrap) } : {}),
    updatedAt: w.updatedAt.toISOString(),
    ...(w.reworkNcId !== null ? { reworkNcId: w.reworkNcId } : {}),
    ...(w.reworkOf !== null ? { reworkOf: w.reworkOf } : {}),
  };
}

export async function listLineWorkshops(q: Queryable): Promise<Map<string, string>> {
  return new Map((await listStreamRows(q, 'plant', 'line')).map((l) => [l.id, (l as LineRow).workshopId]));
}
export async function listWorkstationLines(q: Queryable): Promise<Map<string, string>> {
  return new Map((await listStreamRows(q, 'plant', 'workstation')).map((w) => [w.id, (w as WorkstationRow).lineId]));
}
