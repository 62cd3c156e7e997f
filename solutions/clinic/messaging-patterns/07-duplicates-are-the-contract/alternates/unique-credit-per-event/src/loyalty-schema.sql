-- The loyalty ledger: one row per credit, and at most one credit per event. The customer's
-- balance is the sum of their rows.
CREATE TABLE points_ledger (
  event_id    uuid        PRIMARY KEY,
  order_id    text        NOT NULL,
  customer_id text        NOT NULL,
  points      integer     NOT NULL CHECK (points >= 0),
  credited_at timestamptz NOT NULL
);
