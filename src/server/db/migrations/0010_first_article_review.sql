-- Quality (issue 6, procedure 4.3): an inspector reviews the output central flagged as recorded
-- before the first article passed: the pieces were checked and accepted, or an NC was raised for
-- them. Each flag keeps who reviewed it, when, the decision and the NC.
ALTER TABLE first_article_gate_flags ADD COLUMN reviewed_at timestamptz;
--> statement-breakpoint
ALTER TABLE first_article_gate_flags ADD COLUMN reviewed_by text;
--> statement-breakpoint
ALTER TABLE first_article_gate_flags ADD COLUMN review_decision text;
--> statement-breakpoint
ALTER TABLE first_article_gate_flags ADD COLUMN review_nc_id text;
--> statement-breakpoint
ALTER TABLE first_article_gate_flags ADD COLUMN review_note text;
