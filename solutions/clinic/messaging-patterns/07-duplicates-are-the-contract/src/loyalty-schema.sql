-- The loyalty ledger: one row per credit. The customer's balance is the sum of their rows.
CREATE TABLE points_ledger (
  event_id    uuid        NOT NULL,
  order_id    text        NOT NULL,
  customer_id text        NOT NULL,
  points      integer     NOT NULL CHECK (points >= 0),
  credited_at timestamptz NOT NULL
);

-- Every event this consumer has credited, by the event's own id, written in the same
-- transaction as the credit. Kept as long as the orders topic can deliver the event again.
CREATE TABLE processed_events (
  event_id     uuid        PRIMARY KEY,
  processed_at timestamptz NOT NULL
);
