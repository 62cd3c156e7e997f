-- One row per credit to the merchant's ledger.
CREATE TABLE ledger_entries (
  entry_id     bigserial PRIMARY KEY,
  payment_id   text NOT NULL,
  order_id     text NOT NULL,
  amount_cents bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);


-- The next offset to credit, per partition of the payments topic, advanced in the same
-- transaction as each credit: a redelivered record lies below it and is not credited again.
CREATE TABLE ledger_offsets (
  group_id    text NOT NULL,
  topic       text NOT NULL,
  partition   integer NOT NULL,
  next_offset bigint NOT NULL,
  PRIMARY KEY (group_id, topic, partition)
);
