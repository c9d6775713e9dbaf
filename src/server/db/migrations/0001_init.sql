-- Takt central, initial schema. Statements are separated by the breakpoint marker so the
-- migrator can run them one by one on PGlite and on PostgreSQL alike.

-- One row. Every writing transaction locks it first (SELECT ... FOR UPDATE), so change-log
-- versions are handed out in commit order and a pull cursor can never skip a late commit.
CREATE TABLE sync_clock (
  id integer PRIMARY KEY,
  v bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO sync_clock (id, v) VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Current state of every server-owned stream row, and the change feed terminals pull.
CREATE TABLE change_log (
  stream text NOT NULL,
  key text NOT NULL,
  version bigint NOT NULL,
  op text NOT NULL CHECK (op IN ('put', 'del')),
  row jsonb,
  PRIMARY KEY (stream, key)
);
--> statement-breakpoint
CREATE INDEX change_log_stream_version ON change_log (stream, version);
--> statement-breakpoint
CREATE TABLE terminals (
  id text PRIMARY KEY,
  workstation_id text NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
--> statement-breakpoint
CREATE TABLE terminal_cursors (
  terminal_id text NOT NULL,
  epoch text NOT NULL,
  contiguous_seq bigint NOT NULL DEFAULT 0,
  max_seq bigint NOT NULL DEFAULT 0,
  event_count bigint NOT NULL DEFAULT 0,
  app_version text,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (terminal_id, epoch)
);
--> statement-breakpoint
CREATE TABLE events (
  id text PRIMARY KEY,
  terminal_id text NOT NULL,
  epoch text NOT NULL,
  seq bigint NOT NULL,
  type text NOT NULL,
  v integer NOT NULL,
  occurred_at timestamptz NOT NULL,
  clock_offset_ms integer NOT NULL,
  occurred_at_corrected timestamptz NOT NULL,
  operator_id text,
  workstation_id text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  server_seq bigserial NOT NULL,
  issue text
);
--> statement-breakpoint
CREATE INDEX events_terminal_epoch_seq ON events (terminal_id, epoch, seq);
--> statement-breakpoint
CREATE INDEX events_type_time ON events (type, occurred_at_corrected);
--> statement-breakpoint
CREATE TABLE rejected_events (
  id text PRIMARY KEY,
  terminal_id text NOT NULL,
  epoch text NOT NULL,
  seq bigint NOT NULL,
  reason text NOT NULL,
  details text NOT NULL,
  raw jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX rejected_events_terminal_epoch_seq ON rejected_events (terminal_id, epoch, seq);
--> statement-breakpoint
CREATE TABLE production_orders (
  id text PRIMARY KEY,
  customer_order text NOT NULL,
  product_id text NOT NULL,
  qty integer NOT NULL,
  due_date text NOT NULL,
  review_status text NOT NULL,
  reviewed_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE work_orders (
  id text PRIMARY KEY,
  production_order_id text NOT NULL,
  operation text NOT NULL,
  product_id text NOT NULL,
  line_id text NOT NULL,
  workstation_ids jsonb NOT NULL,
  qty integer NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  good_qty bigint NOT NULL DEFAULT 0,
  scrap_qty bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE output_ledger (
  event_id text PRIMARY KEY,
  work_order_id text NOT NULL,
  workstation_id text NOT NULL,
  good_qty integer NOT NULL,
  scrap_qty integer NOT NULL,
  occurred_at_corrected timestamptz NOT NULL,
  reversed_by text
);
--> statement-breakpoint
CREATE INDEX output_ledger_time ON output_ledger (occurred_at_corrected);
--> statement-breakpoint
CREATE TABLE wo_conflicts (
  event_id text PRIMARY KEY,
  work_order_id text NOT NULL,
  terminal_id text NOT NULL,
  from_status text NOT NULL,
  requested_to text NOT NULL,
  based_on_version integer NOT NULL,
  current_version integer NOT NULL,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX wo_conflicts_work_order ON wo_conflicts (work_order_id);
--> statement-breakpoint
CREATE TABLE plan_imports (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  row_count integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE t2_plan_lines (
  date text NOT NULL,
  version integer NOT NULL,
  workshop_id text NOT NULL,
  line_id text NOT NULL,
  shift text NOT NULL,
  production_order_id text NOT NULL,
  operation text NOT NULL,
  work_order_id text NOT NULL,
  planned_qty integer NOT NULL,
  import_id bigint NOT NULL,
  PRIMARY KEY (date, version, line_id, shift, work_order_id)
);
--> statement-breakpoint
CREATE TABLE monthly_plan_lines (
  date text NOT NULL,
  version integer NOT NULL,
  workshop_id text NOT NULL,
  product_id text NOT NULL,
  production_order_id text NOT NULL,
  planned_qty integer NOT NULL,
  import_id bigint NOT NULL,
  PRIMARY KEY (date, version, workshop_id, production_order_id)
);
