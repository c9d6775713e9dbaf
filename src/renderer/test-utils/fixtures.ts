/**
 * Test data for the renderer: a small plant (one line, two workstations, two products), operators,
 * scrap reasons, work orders and T+2 plan lines, written straight into a fresh TaktDb the way a
 * pull would leave them (key `<type>:<id>`).
 */
import type { TaktDb } from '../data/db';
import type { OperatorRow, T2LineRow, WorkOrderRow } from '../data/repositories/rows';

let dbCounter = 0;
/** A unique database name per test (fake-indexeddb keeps databases for the whole file). */
export function uniqueDbName(prefix = 'test'): string {
  dbCounter += 1;
  return `${prefix}-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}

export const WS = 'WS-M1-01';
export const LINE = 'L-M1';
export const SHOP = 'W-MEC';
/** A production day in the plant's zone; tests pass explicit days, never "now". */
export const DAYS = ['2026-11-26', '2026-11-27', '2026-11-28'] as const;
export const SHIFTS = [
  { id: 'A', name: 'A', startsAt: '06:00' },
  { id: 'B', name: 'B', startsAt: '14:00' },
  { id: 'C', name: 'C', startsAt: '22:00' },
];

export function workOrder(id: string, patch: Partial<WorkOrderRow> = {}): WorkOrderRow {
  const [productionOrderId = id, operation = '10'] = id.split('/');
  return {
    key: `work-order:${id}`,
    type: 'work-order',
    id,
    productionOrderId,
    operation,
    productId: 'P-100',
    lineId: LINE,
    workstationIds: [WS],
    qty: 500,
    status: 'released',
    version: 1,
    goodQty: 0,
    scrapQty: 0,
    updatedAt: '2026-11-26T06:00:00.000Z',
    ...patch,
  };
}

export function t2Line(
  date: string,
  shift: string,
  workOrderId: string,
  plannedQty: number,
  version = 1,
  lineId = LINE,
): T2LineRow {
  const [productionOrderId = workOrderId, operation = '10'] = workOrderId.split('/');
  const id = `${date}|${lineId}|${shift}|${workOrderId}`;
  return {
    key: `t2-line:${id}`,
    type: 't2-line',
    id,
    date,
    workshopId: SHOP,
    lineId,
    shift,
    productionOrderId,
    operation,
    workOrderId,
    plannedQty,
    version,
  };
}

export function operator(id: string, badge: string, name: string, pinHash?: string): OperatorRow {
  return {
    key: `operator:${id}`,
    type: 'operator',
    id,
    name,
    badge,
    roles: ['operator'],
    qualifications: [],
    ...(pinHash ? { pinHash } : {}),
  };
}

/** SHA-256 of "1234". */
export const PIN_1234_HASH = '03ac674216f3e15c761ee1a5e255f067953623c8b388b4459e13f978d7c846f4';

export async function seedPlant(db: TaktDb, opts: { requirePin?: boolean } = {}): Promise<void> {
  await db.settings.put({
    key: 'settings:plant',
    type: 'settings',
    id: 'plant',
    name: 'Demo plant',
    timezone: 'Europe/Madrid',
    dayStartsAt: '06:00',
    shifts: SHIFTS,
    calibrationWarningDays: 14,
    firstArticleStopLimitMinutes: 120,
    requirePin: opts.requirePin ?? false,
  });
  await db.workshops.put({ key: `workshop:${SHOP}`, type: 'workshop', id: SHOP, name: 'Mecanizado' });
  await db.lines.put({ key: `line:${LINE}`, type: 'line', id: LINE, workshopId: SHOP, name: 'Línea M1' });
  await db.workstations.bulkPut([
    { key: `workstation:${WS}`, type: 'workstation', id: WS, lineId: LINE, name: 'Torno 1', equipmentIds: [] },
    {
      key: 'workstation:WS-M1-02',
      type: 'workstation',
      id: 'WS-M1-02',
      lineId: LINE,
      name: 'Torno 2',
      equipmentIds: [],
    },
  ]);
  await db.products.bulkPut([
    {
      key: 'product:P-100',
      type: 'product',
      id: 'P-100',
      name: 'Eje 100',
      unit: 'pcs',
      routing: [
        {
          operation: '10',
          name: { es: 'Torneado', en: 'Turning' },
          process: 'turning',
          lineId: LINE,
          workstationIds: [WS],
          gaugeTypes: [],
        },
        {
          operation: '20',
          name: { es: 'Fresado', en: 'Milling' },
          process: 'milling',
          lineId: LINE,
          workstationIds: [WS],
          gaugeTypes: [],
        },
      ],
      bom: [],
      inspectionPlans: [],
    },
    {
      key: 'product:P-200',
      type: 'product',
      id: 'P-200',
      name: 'Brida 200',
      unit: 'pcs',
      routing: [
        {
          operation: '10',
          name: { es: 'Taladrado', en: 'Drilling' },
          process: 'drilling',
          lineId: LINE,
          workstationIds: [WS],
          gaugeTypes: [],
        },
      ],
      bom: [],
      inspectionPlans: [],
    },
  ]);
  await db.operators.bulkPut([
    // Qualified for the fixture's processes, so readiness (features/floor) lets her start work orders.
    {
      ...operator('OP-0007', 'B0007', 'Ana López', PIN_1234_HASH),
      qualifications: ['turning', 'milling', 'drilling'].map((process) => ({ process, validUntil: '2099-12-31' })),
    },
    operator('OP-0008', 'B0008', 'Luis Pérez'),
  ]);
  await db.reasons.bulkPut([
    { key: 'scrap-reason:S01', type: 'scrap-reason', id: 'S01', code: 'S01', name: { es: 'Rebaba', en: 'Burr' } },
    {
      key: 'scrap-reason:S02',
      type: 'scrap-reason',
      id: 'S02',
      code: 'S02',
      name: { es: 'Medida fuera', en: 'Out of size' },
    },
    {
      key: 'downtime-reason:D01',
      type: 'downtime-reason',
      id: 'D01',
      code: 'D01',
      name: { es: 'Avería', en: 'Breakdown' },
    },
  ]);
}
