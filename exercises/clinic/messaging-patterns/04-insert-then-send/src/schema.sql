-- Checkout's orders.
CREATE TABLE orders (
  order_id    text PRIMARY KEY,
  customer_id text        NOT NULL,
  total_cents bigint      NOT NULL CHECK (total_cents >= 0),
  placed_at   timestamptz NOT NULL
);
