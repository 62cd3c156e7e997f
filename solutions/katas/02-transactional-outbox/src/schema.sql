-- Checkout's own state.
CREATE TABLE orders (
  order_id     text PRIMARY KEY,
  customer_id  text NOT NULL,
  currency     char(3) NOT NULL,
  total_cents  bigint NOT NULL CHECK (total_cents >= 0),
  lines        jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'cancelled')),
  placed_at    timestamptz NOT NULL
);

-- Events waiting to reach the broker, written in the same transaction as the state they
-- describe. The identity column gives the relay a stable order to publish in.
CREATE TABLE outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id         uuid NOT NULL UNIQUE,
  aggregate_id     text NOT NULL,
  event_type       text NOT NULL,
  payload          jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  published_at     timestamptz,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  last_error       text
);

-- The relay asks one question over and over: the oldest unpublished rows. A partial index
-- holds only those, so it stays small however long the table grows.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
-- Keeps each aggregate's events in order: a row waits while an older one of its aggregate
-- is still unpublished.
CREATE INDEX outbox_unpublished_by_aggregate ON outbox (aggregate_id, id) WHERE published_at IS NULL;

-- The consumer's memory of what it has applied, one row per consumer and event.
CREATE TABLE processed_events (
  consumer      text NOT NULL,
  event_id      uuid NOT NULL,
  processed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
