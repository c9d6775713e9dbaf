/**
 * Central's tables, as Drizzle sees them. The SQL that creates them lives in ./migrations and is
 * the source of truth; keep both in step. What each table persists:
 * - sync_clock: the single writer clock; change_log: current row + version per (stream, key)
 * - terminals / terminal_cursors: enrolled terminals (token hash only) and per-epoch ack state
 * - events / rejected_events: every pushed event once (by id), and the schema-invalid ones
 * - production_orders / work_orders / output_ledger / wo_conflicts: order and execution state
 * - plan_imports / t2_plan_lines / monthly_plan_lines: every plan version ever imported
 */
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, bigserial } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const big = (name: string) => bigint(name, { mode: 'number' });

export const syncClock = pgTable('sync_clock', { id: integer('id').primaryKey(), v: big('v').notNull() });

export const changeLog = pgTable(
  'change_log',
  {
    stream: text('stream').notNull(),
    key: text('key').notNull(),
    version: big('version').notNull(),
    op: text('op').$type<'put' | 'del'>().notNull(),
    row: jsonb('row'),
  },
  (t) => [primaryKey({ columns: [t.stream, t.key] })],
);

export const terminals = pgTable('terminals', {
  id: text('id').primaryKey(),
  workstationId: text('workstation_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

export const terminalCursors = pgTable(
  'terminal_cursors',
  {
    terminalId: text('terminal_id').notNull(),
    epoch: text('epoch').notNull(),
    contiguousSeq: big('contiguous_seq').notNull().default(0),
    maxSeq: big('max_seq').notNull().default(0),
    eventCount: big('event_count').notNull().default(0),
    appVersion: text('app_version'),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.epoch] })],
);

export const events = pgTable('events', {
  id: text('id').primaryKey(),
  terminalId: text('terminal_id').notNull(),
  epoch: text('epoch').notNull(),
  seq: big('seq').notNull(),
  type: text('type').notNull(),
  v: integer('v').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  clockOffsetMs: integer('clock_offset_ms').notNull(),
  occurredAtCorrected: ts('occurred_at_corrected').notNull(),
  operatorId: text('operator_id'),
  workstationId: text('workstation_id').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  receivedAt: ts('received_at').notNull().defaultNow(),
  serverSeq: bigserial('server_seq', { mode: 'number' }).notNull(),
  issue: text('issue'),
});

export const rejectedEvents = pgTable('rejected_events', {
  id: text('id').primaryKey(),
  terminalId: text('terminal_id').notNull(),
  epoch: text('epoch').notNull(),
  seq: big('seq').notNull(),
  reason: text('reason').notNull(),
  details: text('details').notNull(),
  raw: jsonb('raw').notNull(),
  receivedAt: ts('received_at').notNull().defaultNow(),
});

export const productionOrders = pgTable('production_orders', {
  id: text('id').primaryKey(),
  customerOrder: text('customer_order').notNull(),
  productId: text('product_id').notNull(),
  qty: integer('qty').notNull(),
  dueDate: text('due_date').notNull(),
  reviewStatus: text('review_status').$type<'approved' | 'pending' | 'rejected'>().notNull(),
  reviewedBy: text('reviewed_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const workOrders = pgTable('work_orders', {
  id: text('id').primaryKey(),
  productionOrderId: text('production_order_id').notNull(),
  operation: text('operation').notNull(),
  productId: text('product_id').notNull(),
  lineId: text('line_id').notNull(),
  workstationIds: jsonb('workstation_ids').$type<string[]>().notNull(),
  qty: integer('qty').notNull(),
  status: text('status').$type<'released' | 'started' | 'paused' | 'blocked' | 'completed'>().notNull(),
  version: integer('version').notNull(),
  goodQty: big('good_qty').notNull().default(0),
  scrapQty: big('scrap_qty').notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** Output of the latest production day with output (0008; shared/supervision/day-output.ts). */
  dayDate: text('day_date'),
  dayGood: big('day_good').notNull().default(0),
  dayScrap: big('day_scrap').notNull().default(0),
  /** Rework work orders (0009_rework.sql): the NC that created it, the work order it reworks. */
  reworkNcId: text('rework_nc_id'),
  reworkOf: text('rework_of'),
});

export const outputLedger = pgTable('output_ledger', {
  eventId: text('event_id').primaryKey(),
  workOrderId: text('work_order_id').notNull(),
  workstationId: text('workstation_id').notNull(),
  goodQty: integer('good_qty').notNull(),
  scrapQty: integer('scrap_qty').notNull(),
  occurredAtCorrected: ts('occurred_at_corrected').notNull(),
  reversedBy: text('reversed_by'),
});

export const woConflicts = pgTable('wo_conflicts', {
  eventId: text('event_id').primaryKey(),
  workOrderId: text('work_order_id').notNull(),
  terminalId: text('terminal_id').notNull(),
  fromStatus: text('from_status').notNull(),
  requestedTo: text('requested_to').notNull(),
  basedOnVersion: integer('based_on_version').notNull(),
  currentVersion: integer('current_version').notNull(),
  reason: text('reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const planImports = pgTable('plan_imports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  rowCount: integer('row_count').notNull(),
  importedAt: ts('imported_at').notNull().defaultNow(),
});

export const t2PlanLines = pgTable(
  't2_plan_lines',
  {
    date: text('date').notNull(),
    version: integer('version').notNull(),
    workshopId: text('workshop_id').notNull(),
    lineId: text('line_id').notNull(),
    shift: text('shift').notNull(),
    productionOrderId: text('production_order_id').notNull(),
    operation: text('operation').notNull(),
    workOrderId: text('work_order_id').notNull(),
    plannedQty: integer('planned_qty').notNull(),
    importId: big('import_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.version, t.lineId, t.shift, t.workOrderId] })],
);

export const monthlyPlanLines = pgTable(
  'monthly_plan_lines',
  {
    date: text('date').notNull(),
    version: integer('version').notNull(),
    workshopId: text('workshop_id').notNull(),
    productId: text('product_id').notNull(),
    productionOrderId: text('production_order_id').notNull(),
    plannedQty: integer('planned_qty').notNull(),
    importId: big('import_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.version, t.workshopId, t.productionOrderId] })],
);
