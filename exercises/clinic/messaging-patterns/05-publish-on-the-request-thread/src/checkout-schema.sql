-- Checkout's orders. The order endpoint writes one row per order.
CREATE TABLE orders (
  order_id    uuid        PRIMARY KEY,
  customer_id text        NOT NULL,
  total_cents integer     NOT NULL CHECK (total_cents > 0),
  placed_at   timestamptz NOT NULL
);

-- Checkout's outbox, as in Kata 2: other checkout events (cancellations, refunds) are written
-- here in their own change's transaction, and the relay in outbox-relay.ts publishes them.
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     uuid        NOT NULL UNIQUE,
  aggregate_id text        NOT NULL,
  event_type   text        NOT NULL,
  payload      jsonb       NOT NULL,
  published_at timestamptz
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
