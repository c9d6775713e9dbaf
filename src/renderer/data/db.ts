/**
 * The terminal's one IndexedDB database (Dexie), opened with strict durability so a record the
 * operator saw "saved" survives a power cut. It holds:
 *  - `events`: the outbox and its retention. Every fact the terminal records is an event, written in
 *    the same transaction as its local projection rows; the sync engine pushes `pending` ones in seq order.
 *  - `meta`: this database's epoch (its identity, new when IndexedDB is wiped) and the next seq.
 *  - `cursors`: one pull cursor per server stream, written in the same transaction as the page it covers.
 *  - one table per server-owned row type (read-only here, replaced by pulls).
 * Screens never touch tables directly: they go through `data/repositories/*`.
 */
import Dexie, { type Table } from 'dexie';
import type { EventEnvelope } from '../../shared/sync/events';
import type { StreamName, StreamRow } from '../../shared/sync/streams';

export type OutboxState = 'pending' | 'acked' | 'rejected';
export interface OutboxEvent extends EventEnvelope {
  state: OutboxState;
  rejectReason?: string;
  ackedAt?: string;
}

export interface MetaRow {
  key: 'epoch' | 'nextSeq' | 'clockOffsetMs' | 'lastSyncAt' | 'lastHelloAt' | 'lastReconcileAt';
  value: string | number;
}

export interface CachedReport {
  /** The central path asked for, e.g. `/api/v1/reports/daily?date=2026-11-26`. */
  path: string;
  json: unknown;
  fetchedAt: string;
}

export interface CursorRow {
  stream: StreamName;
  cursor: string;
  updatedAt: string;
}

type Row<S extends StreamName, T extends string> = Extract<StreamRow<S>, { type: T }> & { key: string };

export class TaktDb extends Dexie {
  events!: Table<OutboxEvent, string>;
  meta!: Table<MetaRow, string>;
  cursors!: Table<CursorRow, string>;
  // plant
  settings!: Table<Row<'plant', 'settings'>, string>;
  workshops!: Table<Row<'plant', 'workshop'>, string>;
  lines!: Table<Row<'plant', 'line'>, string>;
  workstations!: Table<Row<'plant', 'workstation'>, string>;
  equipment!: Table<Row<'plant', 'equipment'>, string>;
  reasons!: Table<Row<'plant', 'scrap-reason' | 'downtime-reason' | 'defect-code'>, string>;
  // catalog
  items!: Table<Row<'catalog', 'item'>, string>;
  products!: Table<Row<'catalog', 'product'>, string>;
  // people, gauges, orders, plans, work orders, inventory, notices
  operators!: Table<Row<'people', 'operator'>, string>;
  gauges!: Table<Row<'gauges', 'gauge'>, string>;
  productionOrders!: Table<Row<'orders', 'production-order'>, string>;
  t2Lines!: Table<Row<'plans', 't2-line'>, string>;
  monthlyLines!: Table<Row<'plans', 'monthly-line'>, string>;
  workOrders!: Table<Row<'work-orders', 'work-order'>, string>;
  lots!: Table<Row<'inventory', 'lot'>, string>;
  notices!: Table<Row<'notices', 'notice'>, string>;
  // supervision: who acknowledged which plan version (plans stream), notices seen here (local only)
  planAcks!: Table<Row<'plans', 'plan-ack'>, string>;
  seenNotices!: Table<{ key: string; seenAt: string }, string>;
  // quality (issue 6): inspections central accepted, nonconformance reports, holds
  inspections!: Table<Row<'quality', 'inspection'>, string>;
  ncs!: Table<Row<'quality', 'nc'>, string>;
  holds!: Table<Row<'quality', 'hold'>, string>;
  // central reports last fetched (read offline, marked with when they were fetched)
  reportCache!: Table<CachedReport, string>;

  constructor(name = 'takt') {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      events: 'id, &seq, state, [state+seq], type, occurredAt, payload.workOrderId',
      meta: 'key',
      cursors: 'stream',
      settings: 'key',
      workshops: 'key, id',
      lines: 'key, id, workshopId',
      workstations: 'key, id, lineId',
      equipment: 'key, id, lineId',
      reasons: 'key, type, code',
      items: 'key, id',
      products: 'key, id',
      operators: 'key, id, badge',
      gauges: 'key, id, type',
      productionOrders: 'key, id, productId',
      t2Lines: 'key, id, date, lineId, workOrderId, [lineId+date]',
      monthlyLines: 'key, id, date, productId',
      workOrders: 'key, id, lineId, productionOrderId, status',
      lots: 'key, id, itemId',
      notices: 'key, id, createdAt',
    });
    // Versions are numbered in the order they shipped; each declares only the tables it adds or changes.
    this.version(7).stores({ reportCache: 'path, fetchedAt' });
    // Sync (issue 4): seq is unique per epoch, not per database (a wiped database restored from
    // the journal holds events of its old epoch next to its new one); [state+ackedAt] lets
    // retention find old acknowledged events without reading the whole table. Index-only change:
    // Dexie rebuilds the indexes and keeps every row.
    this.version(8).stores({
      events: 'id, seq, &[epoch+seq], state, [state+seq], [state+ackedAt], type, occurredAt, payload.workOrderId',
    });
    // Quality (issue 6): inspections central accepted, nonconformance reports, holds.
    this.version(9).stores({
      inspections: 'key, id, workOrderId, lotId, kind',
      ncs: 'key, id, workOrderId, status',
      holds: 'key, id, lotId, workOrderId',
    });
    // Supervision (issue 5): plan acknowledgements from central, and which notices this terminal has seen.
    this.version(10).stores({ planAcks: 'key, id, planDate', seenNotices: 'key' });
  }
}

/** Which table each streamed row type lands in (the sync engine applies pulls through this). */
export const tableForRowType = {
  settings: 'settings',
  workshop: 'workshops',
  line: 'lines',
  workstation: 'workstations',
  equipment: 'equipment',
  'scrap-reason': 'reasons',
  'downtime-reason': 'reasons',
  'defect-code': 'reasons',
  item: 'items',
  product: 'products',
  operator: 'operators',
  gauge: 'gauges',
  'production-order': 'productionOrders',
  't2-line': 't2Lines',
  'monthly-line': 'monthlyLines',
  'plan-ack': 'planAcks',
  'work-order': 'workOrders',
  lot: 'lots',
  notice: 'notices',
  inspection: 'inspections',
  nc: 'ncs',
  hold: 'holds',
} as const satisfies Record<string, keyof TaktDb>;

/** The tables each stream owns, so a `reset` can clear exactly that stream. */
export const tablesForStream = {
  plant: ['settings', 'workshops', 'lines', 'workstations', 'equipment', 'reasons'],
  catalog: ['items', 'products'],
  people: ['operators'],
  gauges: ['gauges'],
  orders: ['productionOrders'],
  plans: ['t2Lines', 'monthlyLines', 'planAcks'],
  'work-orders': ['workOrders'],
  inventory: ['lots'],
  notices: ['notices'],
  quality: ['inspections', 'ncs', 'holds'],
} as const satisfies Record<StreamName, readonly (keyof TaktDb)[]>;

let instance: TaktDb | undefined;
/** The app's database. Tests create their own `new TaktDb(uniqueName)`. */
export function getDb(): TaktDb {
  instance ??= new TaktDb();
  return instance;
}
