-- Takt central: today's output per work order (issue 5, supervisors' T+2 board).
-- Next to the running totals, each work order keeps the good and scrap of the latest production
-- day that had output (plant time zone + dayStartsAt, of occurred_at_corrected), moved by the
-- output effects in the same transaction as the totals (src/server/sync/effects.ts). day_date is
-- a YYYY-MM-DD production day, NULL until the first output after this migration; a work order
-- with output from before it reads that day's figures once from output_ledger at its next output.
ALTER TABLE work_orders ADD COLUMN day_date text;
--> statement-breakpoint
ALTER TABLE work_orders ADD COLUMN day_good bigint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE work_orders ADD COLUMN day_scrap bigint NOT NULL DEFAULT 0;
