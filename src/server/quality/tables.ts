/**
 * Central's quality tables (migration 0006_quality.sql): inspections, one row per reading with
 * its gauge provenance, nonconformance reports and their disposition conflicts; and
 * (0009_rework.sql) output received while the work order's first-article gate was closed.
 */
import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { NcRow } from '../../shared/quality/rows';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const qualityInspections = pgTable('quality_inspections', {
  id: text('id').primaryKey(),
  eventId: text('event_id').notNull(),
  kind: text('kind').$type<'first-article' | 'patrol' | 'final'>().notNull(),
  workOrderId: text('work_order_id'),
  lotId: text('lot_id'),
  verdict: text('verdict').$type<'pass' | 'fail'>().notNull(),
  inspectorId: text('inspector_id').notNull(),
  accepted: boolean('accepted').notNull(),
  terminalId: text('terminal_id').notNull(),
  workstationId: text('workstation_id').notNull(),
  operatorId: text('operator_id'),
  occurredAt: ts('occurred_at').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
});

export const qualityReadings = pgTable(
  'quality_readings',
  {
    inspectionId: text('inspection_id').notNull(),
    characteristicId: text('characteristic_id').notNull(),
    gaugeId: text('gauge_id'),
    value: text('value'),
    unit: text('unit'),
    source: text('source').notNull(),
    verdict: text('verdict').notNull(),
    raw: text('raw'),
    gaugeCalibrationDueOn: text('gauge_calibration_due_on'),
    gaugeCertificate: text('gauge_certificate'),
    workOrderId: text('work_order_id'),
    lotId: text('lot_id'),
    occurredAt: ts('occurred_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.characteristicId] })],
);

export const ncReports = pgTable('nc_reports', {
  id: text('id').primaryKey(),
  eventId: text('event_id').notNull(),
  version: integer('version').notNull(),
  status: text('status').$type<'open' | 'dispositioned'>().notNull(),
  disposition: text('disposition'),
  row: jsonb('row').$type<NcRow>().notNull(),
});

export const ncConflicts = pgTable('nc_conflicts', {
  eventId: text('event_id').primaryKey(),
  ncId: text('nc_id').notNull(),
  terminalId: text('terminal_id').notNull(),
  requested: text('requested').notNull(),
  basedOnVersion: integer('based_on_version').notNull(),
  currentVersion: integer('current_version').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** One row per `output.recorded` central received while the work order's first article had not passed. */
export const firstArticleGateFlags = pgTable('first_article_gate_flags', {
  eventId: text('event_id').primaryKey(),
  workOrderId: text('work_order_id').notNull(),
  terminalId: text('terminal_id').notNull(),
  workstationId: text('workstation_id').notNull(),
  operatorId: text('operator_id'),
  goodQty: integer('good_qty').notNull(),
  scrapQty: integer('scrap_qty').notNull(),
  reason: text('reason').$type<'new-work-order' | 'setup-change' | 'long-stop'>().notNull(),
  since: ts('since'),
  occurredAt: ts('occurred_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  // 0010_first_article_review.sql
  reviewedAt: ts('reviewed_at'),
  reviewedBy: text('reviewed_by'),
  reviewDecision: text('review_decision').$type<'accepted' | 'nc'>(),
  reviewNcId: text('review_nc_id'),
  reviewNote: text('review_note'),
});
