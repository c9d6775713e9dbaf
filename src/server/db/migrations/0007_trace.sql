-- Traceability (procedure 4.8, 4.9): produced lots, their genealogy edges (parent lot -> child lot,
-- from lot.created's parentLotIds), serials, packages and their contents, labels printed.
-- Written by the effects in server/trace/effects.ts; read by the trace and recall endpoints with
-- recursive CTEs over trace_edges (indexed both ways).
CREATE TABLE trace_lots (
  lot_id text PRIMARY KEY,
  item_id text NOT NULL,
  work_order_id text,
  qty numeric NOT NULL,
  workstation_id text NOT NULL,
  event_id text NOT NULL,
  created_at timestamptz NOT NULL,
  location text
);
--> statement-breakpoint
CREATE INDEX trace_lots_work_order ON trace_lots (work_order_id);
--> statement-breakpoint
CREATE TABLE trace_edges (
  parent_lot_id text NOT NULL,
  child_lot_id text NOT NULL,
  PRIMARY KEY (parent_lot_id, child_lot_id)
);
--> statement-breakpoint
CREATE INDEX trace_edges_child ON trace_edges (child_lot_id, parent_lot_id);
--> statement-breakpoint
CREATE TABLE trace_serials (
  serial text PRIMARY KEY,
  lot_id text NOT NULL
);
--> statement-breakpoint
CREATE INDEX trace_serials_lot ON trace_serials (lot_id);
--> statement-breakpoint
CREATE TABLE trace_packages (
  package_id text PRIMARY KEY,
  qty numeric NOT NULL,
  workstation_id text NOT NULL,
  event_id text NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'packed',
  location text NOT NULL
);
--> statement-breakpoint
CREATE TABLE trace_package_lots (
  package_id text NOT NULL,
  lot_id text NOT NULL,
  PRIMARY KEY (package_id, lot_id)
);
--> statement-breakpoint
CREATE INDEX trace_package_lots_lot ON trace_package_lots (lot_id);
--> statement-breakpoint
CREATE TABLE trace_labels (
  label_id text PRIMARY KEY,
  lot_id text,
  package_id text,
  serial text,
  printer text NOT NULL,
  reprint boolean NOT NULL DEFAULT false,
  workstation_id text NOT NULL,
  event_id text NOT NULL,
  printed_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX trace_labels_lot ON trace_labels (lot_id);
--> statement-breakpoint
CREATE INDEX trace_labels_package ON trace_labels (package_id);
--> statement-breakpoint
-- Events a trace reads per work order / per lot (inspections, NCs, consumption, output).
CREATE INDEX events_trace_work_order ON events ((payload->>'workOrderId'), type)
  WHERE type IN ('inspection.recorded', 'nc.raised', 'material.consumed', 'output.recorded');
--> statement-breakpoint
CREATE INDEX events_trace_lot ON events ((payload->>'lotId'), type)
  WHERE type IN ('inspection.recorded', 'nc.raised', 'warehouse.received');
