/**
 * Central tables owned by supervision (migration 0005_supervision.sql is the source of truth):
 * plan_acknowledgements holds every `plan.acknowledged` event's facts, queryable by day.
 */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const planAcknowledgements = pgTable('plan_acknowledgements', {
  eventId: text('event_id').primaryKey(),
  planDate: text('plan_date').notNull(),
  workshopId: text('workshop_id').notNull(),
  planVersion: integer('plan_version').notNull(),
  operatorId: text('operator_id'),
  terminalId: text('terminal_id').notNull(),
  workstationId: text('workstation_id').notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }).notNull(),
});
