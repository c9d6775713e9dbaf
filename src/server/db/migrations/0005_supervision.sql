-- Supervision (issue 5): every acknowledgement of a day's T+2 plan by a supervisor, per workshop
-- and plan version. The event itself stays in `events`; this is the queryable record.
CREATE TABLE plan_acknowledgements (
  event_id text PRIMARY KEY,
  plan_date text NOT NULL,
  workshop_id text NOT NULL,
  plan_version integer NOT NULL,
  operator_id text,
  terminal_id text NOT NULL,
  workstation_id text NOT NULL,
  acknowledged_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX plan_acknowledgements_date ON plan_acknowledgements (plan_date, workshop_id, plan_version);
