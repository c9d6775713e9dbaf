-- Every push with output looks for reversals that arrived before the output they reverse
-- (sync/effects.ts). Those are rare, so a partial index keeps the lookup from scanning every
-- reversal ever stored.
CREATE INDEX events_waiting_reversal ON events ((payload->>'reversesEventId'))
  WHERE type = 'output.reversed' AND issue LIKE 'reverses unknown event%';
