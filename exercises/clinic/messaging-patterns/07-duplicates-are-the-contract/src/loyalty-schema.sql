-- The loyalty ledger: one row per credit. The customer's balance is the sum of their rows.
CREATE TABLE points_ledger (
  event_id    uuid        NOT NULL,
  order_id    text        NOT NULL,
  customer_id text        NOT NULL,
  points      integer     NOT NULL CHECK (points >= 0),
  credited_at timestamptz NOT NULL
);
