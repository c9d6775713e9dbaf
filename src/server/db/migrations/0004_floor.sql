-- Equipment downtime intervals (procedure 4.5), one row per downtimeId, written by the
-- downtime.started / downtime.ended effects (server/floor/effects.ts). ended_at is null while the
-- equipment is down. Reports read it for downtime per line and reason.
CREATE TABLE downtime_intervals (
  downtime_id text PRIMARY KEY,
  equipment_id text NOT NULL,
  line_id text,
  workstation_id text NOT NULL,
  reason_code text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  start_event_id text NOT NULL,
  end_event_id text
);
--> statement-breakpoint
CREATE INDEX downtime_intervals_open ON downtime_intervals (equipment_id) WHERE ended_at IS NULL;
--> statement-breakpoint
CREATE INDEX downtime_intervals_started ON downtime_intervals (started_at);
