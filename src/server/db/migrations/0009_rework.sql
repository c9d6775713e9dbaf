-- Quality (issue 6, procedure 4.4 and 4.3): a rework disposition creates a rework work order
-- (marked with the NC and the work order whose pieces it reworks), and output central receives
-- while a work order's first-article gate was closed is kept and flagged for QC (never refused).
ALTER TABLE work_orders ADD COLUMN rework_nc_id text;
--> statement-breakpoint
ALTER TABLE work_orders ADD COLUMN rework_of text;
--> statement-breakpoint
CREATE INDEX work_orders_rework_of ON work_orders (rework_of) WHERE rework_of IS NOT NULL;
--> statement-breakpoint
CREATE TABLE first_article_gate_flags (
  event_id text PRIMARY KEY,
  work_order_id text NOT NULL,
  terminal_id text NOT NULL,
  workstation_id text NOT NULL,
  operator_id text,
  good_qty integer NOT NULL,
  scrap_qty integer NOT NULL,
  reason text NOT NULL,
  since timestamptz,
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX first_article_gate_flags_wo ON first_article_gate_flags (work_order_id, occurred_at);
--> statement-breakpoint
-- What closes a gate after a pass, read per work order for every batch of output.
CREATE INDEX events_first_article_gate ON events ((payload->>'workOrderId'), type)
  WHERE type IN ('setup.changed', 'wo.transition.requested');
