-- The event log this lab reads (given: the tests create it before your schema.sql).
-- Positions come from an identity column: they only grow, but a rolled-back append uses up
-- its numbers, so the log can have gaps.
CREATE TABLE event_log (
  position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type        text        NOT NULL,
  data        jsonb       NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
