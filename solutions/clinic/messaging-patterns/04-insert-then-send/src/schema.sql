-- Checkout's orders.
CREATE TABLE orders (
  order_id    text PRIMARY KEY,
  customer_id text        NOT NULL,
  total_cents bigint      NOT NULL CHECK (total_cents >= 0),
  placed_at   timestamptz NOT NULL
);

-- Kata 2's outbox: each event is written in the same transaction as the order it describes,
-- and the course's relay (graders/testkit/outbox/outbox-relay.ts) publishes it from here.
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     uuid        NOT NULL UNIQUE,
  aggregate_id text        NOT NULL,
  event_type   text        NOT NULL,
  payload      jsonb       NOT NULL,
  published_at timestamptz
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
