-- The orders service's table, as it stands before the migration the DBA has queued.
CREATE TABLE orders (
  order_id      uuid PRIMARY KEY,
  customer_id   uuid NOT NULL,
  status        text NOT NULL DEFAULT 'placed',
  ship_addr     text NOT NULL,
  cancel_reason text,
  -- Written on every page view of the order, for the "recently viewed" list.
  last_seen_at  timestamptz
);
