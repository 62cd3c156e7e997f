-- Checkout's outbox, as in Kata 2: each event is written in the same transaction as the
-- order it describes, and the relay publishes it from here. A published row stays, marked
-- with when it went out, for the auditors and for republishing; housekeeping removes it
-- once the retention period has passed.
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     uuid        NOT NULL UNIQUE,
  aggregate_id text        NOT NULL,
  event_type   text        NOT NULL,
  payload      jsonb       NOT NULL,
  created_at   timestamptz NOT NULL,
  published_at timestamptz
);

-- The relay asks for the rows still waiting, over and over: a partial index holds only
-- those, so it stays small however many published rows the table keeps.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
-- Housekeeping removes published rows by age.
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
