-- Checkout's orders. Each row carries its own OrderPlaced and when it was published: the
-- order row is its own outbox, so writing the order and its event is one INSERT.
CREATE TABLE orders (
  order_id     uuid        PRIMARY KEY,
  customer_id  text        NOT NULL,
  total_cents  integer     NOT NULL CHECK (total_cents > 0),
  placed_at    timestamptz NOT NULL,
  event        jsonb       NOT NULL,
  published_at timestamptz
);

CREATE INDEX orders_unpublished ON orders (placed_at) WHERE published_at IS NULL;

-- The outbox other checkout events (cancellations, refunds) use, as before.
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     uuid        NOT NULL UNIQUE,
  aggregate_id text        NOT NULL,
  event_type   text        NOT NULL,
  payload      jsonb       NOT NULL,
  published_at timestamptz
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
