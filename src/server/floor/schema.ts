/**
 * The floor's table at central, as Drizzle sees it (SQL: db/migrations/0004_floor.sql):
 * downtime_intervals holds one row per equipment downtime, open until its downtime.ended arrives.
 */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const downtimeIntervals = pgTable('downtime_intervals', {
  downtimeId: text('downtime_id').primaryKey(),
  equipmentId: text('equipment_id').notNull(),
  lineId: text('line_id'),
  workstationId: text('workstation_id').notNull(),
  reasonCode: text('reason_code').notNull(),
  startedAt: ts('started_at').notNull(),
  endedAt: ts('ended_at'),
  startEventId: text('start_event_id').notNull(),
  endEventId: text('end_event_id'),
});
