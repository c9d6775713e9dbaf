-- Quality (issue 6): inspections with their readings' provenance, nonconformance reports with
-- their disposition state, and disposition conflicts. Readings are kept one row per result so
-- "every reading taken with gauge X since its last good calibration" (ISO 9001 7.1.5.2) is one
-- indexed query.
CREATE TABLE quality_inspections (
  id text PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  kind text NOT NULL,
  work_order_id text,
  lot_id text,
  verdict text NOT NULL,
  inspector_id text NOT NULL,
  accepted boolean NOT NULL,
  terminal_id text NOT NULL,
  workstation_id text NOT NULL,
  operator_id text,
  occurred_at timestamptz NOT NULL,
  payload jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX quality_inspections_wo ON quality_inspections (work_order_id, kind);
--> statement-breakpoint
CREATE TABLE quality_readings (
  inspection_id text NOT NULL,
  characteristic_id text NOT NULL,
  gauge_id text,
  value text,
  unit text,
  source text NOT NULL,
  verdict text NOT NULL,
  raw text,
  gauge_calibration_due_on text,
  gauge_certificate text,
  work_order_id text,
  lot_id text,
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (inspection_id, characteristic_id)
);
--> statement-breakpoint
CREATE INDEX quality_readings_gauge ON quality_readings (gauge_id, occurred_at);
--> statement-breakpoint
CREATE TABLE nc_reports (
  id text PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  version integer NOT NULL,
  status text NOT NULL,
  disposition text,
  row jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE nc_conflicts (
  event_id text PRIMARY KEY,
  nc_id text NOT NULL,
  terminal_id text NOT NULL,
  requested text NOT NULL,
  based_on_version integer NOT NULL,
  current_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
