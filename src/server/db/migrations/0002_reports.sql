-- Takt central: report archive (clause 4.11).
-- No new index for the reports: the daily sums are a range scan on output_ledger_time (0001) and
-- the shortfall/first-article look-ups use events_type_time (0001). A covering partial index on
-- output_ledger was measured (test/bench/central-report.bench.ts, 1M events) and gave no gain, so
-- it is not added (it would only slow every output push down).

-- Every automatically generated report file, once per (kind, period, format); a second
-- generation of the same period is a no-op (ON CONFLICT DO NOTHING), so catching up is idempotent.
CREATE TABLE report_archive (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  period text NOT NULL,
  format text NOT NULL CHECK (format IN ('json', 'csv', 'xlsx', 'pdf')),
  content_type text NOT NULL,
  filename text NOT NULL,
  generated_at timestamptz NOT NULL,
  bytes bytea NOT NULL,
  UNIQUE (kind, period, format)
);
